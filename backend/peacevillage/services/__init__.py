"""Every write of the peace-village assessment (平安村庄联动联创)."""

from backend.peacevillage.services.assessment import (
    assessment_approve,
    assessment_create,
    assessment_item_set,
    assessment_return,
    assessment_submit,
)
from backend.peacevillage.services.checklist import (
    checklist_item_create,
    checklist_item_delete,
    checklist_item_update,
)
from backend.peacevillage.services.incidents import (
    incident_delete,
    incident_record,
    incident_update,
)
from backend.peacevillage.services.sponsor import sponsor_assign, sponsor_end, sponsor_on

__all__ = [
    "assessment_approve",
    "assessment_create",
    "assessment_item_set",
    "assessment_return",
    "assessment_submit",
    "checklist_item_create",
    "checklist_item_delete",
    "checklist_item_update",
    "incident_delete",
    "incident_record",
    "incident_update",
    "sponsor_assign",
    "sponsor_end",
    "sponsor_on",
]
