from backend.disputes.models.choices import (
    AgreementForm,
    Education,
    IdType,
    Method,
    PartyRole,
    Ruling,
    Sex,
    Source,
    Status,
)
from backend.disputes.models.dispute import Cause, Dispute, DisputeMediator
from backend.disputes.models.grants import DisputeUnitGrant
from backend.disputes.models.mediation import (
    DisputeReview,
    JudicialConfirmation,
    MediationAgreement,
    MediationRecord,
)
from backend.disputes.models.party import DisputeParty

__all__ = [
    "AgreementForm",
    "Cause",
    "Dispute",
    "DisputeMediator",
    "DisputeParty",
    "DisputeReview",
    "DisputeUnitGrant",
    "Education",
    "IdType",
    "JudicialConfirmation",
    "MediationAgreement",
    "MediationRecord",
    "Method",
    "PartyRole",
    "Ruling",
    "Sex",
    "Source",
    "Status",
]
