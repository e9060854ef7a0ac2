"""Every write of the peace-village assessment (平安村庄联动联创)."""

from backend.peacevillage.services.assessment import (
    assessment_approve,
    assessment_create,
    assessment_item_set,
    assessment_return,
    assessment_submit,
)
from backend.peacevillage.services.sponsor import sponsor_assign, sponsor_end, sponsor_on

__all__ = [
    "assessment_approve",
    "assessment_create",
    "assessment_item_set",
    "assessment_return",
    "assessment_submit",
    "sponsor_assign",
    "sponsor_end",
    "sponsor_on",
]
