from backend.assistance.models.cases import (
    FUNDED_STATUSES,
    OPEN_STATUSES,
    HouseholdMember,
    Relation,
    SubsidyCase,
    SubsidyKind,
    SubsidyStatus,
)
from backend.assistance.models.reviews import (
    RecheckOutcome,
    ReviewStage,
    SubsidyDecision,
    SubsidyReview,
)

__all__ = [
    "FUNDED_STATUSES",
    "OPEN_STATUSES",
    "HouseholdMember",
    "RecheckOutcome",
    "Relation",
    "ReviewStage",
    "SubsidyCase",
    "SubsidyDecision",
    "SubsidyKind",
    "SubsidyReview",
    "SubsidyStatus",
]
