"""Writes of social-assistance cases. Error messages never carry applicant data."""

from backend.assistance.services.applications import (
    case_apply,
    case_delete,
    case_update,
    household_member_add,
    household_member_remove,
)
from backend.assistance.services.decisions import (
    case_end,
    case_recheck,
    case_suspend,
    county_approve,
    payment_start,
    township_review,
)

__all__ = [
    "case_apply",
    "case_delete",
    "case_end",
    "case_recheck",
    "case_suspend",
    "case_update",
    "county_approve",
    "household_member_add",
    "household_member_remove",
    "payment_start",
    "township_review",
]
