"""Every write of a dispute goes through these functions (one per intent)."""

from backend.disputes.services.confirmation import (
    judicial_confirmation_accept,
    judicial_confirmation_apply,
    judicial_confirmation_rule,
)
from backend.disputes.services.mediation import (
    agreement_conclude,
    dispute_close,
    dispute_supervision_raise,
    mediation_fail,
    mediation_record_add,
    mediators_assign,
    performance_followup,
)
from backend.disputes.services.register import (
    dispute_delete,
    dispute_register,
    dispute_update,
    next_number,
    party_add,
    party_remove,
    party_update,
)

__all__ = [
    "agreement_conclude",
    "dispute_close",
    "dispute_delete",
    "dispute_register",
    "dispute_supervision_raise",
    "dispute_update",
    "judicial_confirmation_accept",
    "judicial_confirmation_apply",
    "judicial_confirmation_rule",
    "mediation_fail",
    "mediation_record_add",
    "mediators_assign",
    "next_number",
    "party_add",
    "party_remove",
    "party_update",
    "performance_followup",
]
