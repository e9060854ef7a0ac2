"""Sensitive personal information (PIPL art. 28): masked unless the user may UNMASK the record;
every unmasked read is written to the audit log (the field names, never the values)."""

from collections.abc import Callable, Iterable

from django.db import models

from backend.accounts.models import User
from backend.audit.models import AuditAction, AuditEntry
from backend.audit.services import audit_record
from backend.common.masking import mask_address, mask_id_number, mask_name, mask_phone
from permissions.codenames import Action
from permissions.registry import policy_for

Masker = Callable[[str], str]
SENSITIVE_FIELDS: dict[str, dict[str, Masker]] = {
    "disputes.disputeparty": {
        "id_number": mask_id_number,
        "phone": mask_phone,
        "address": mask_address,
    },
    "disputes.dispute": {"responsible_phone": mask_phone},
    "reports.report": {"reporter_phone": mask_phone},
    # Being an assistance recipient at all is sensitive: the applicant's name is masked too.
    "assistance.subsidycase": {
        "applicant_name": mask_name,
        "applicant_id_number": mask_id_number,
        "applicant_phone": mask_phone,
        "applicant_address": mask_address,
    },
    "assistance.householdmember": {"name": mask_name, "id_number": mask_id_number},
    "enterprise.enterprise": {"contact_phone": mask_phone},
    "teams.teammember": {"phone": mask_phone},
}


def sensitive_fields(model: type[models.Model] | models.Model) -> dict[str, Masker]:
    return SENSITIVE_FIELDS.get(model._meta.label_lower, {})


def may_unmask(user: User, obj: models.Model) -> bool:
    return bool(sensitive_fields(obj)) and policy_for(obj).may_on(user, Action.UNMASK, obj)


def reveal(user: User, obj: models.Model, field: str) -> str:
    """The value of one sensitive field as this user may see it (audited when unmasked)."""
    return reveal_fields(user, obj, [field])[field]


def reveal_fields(user: User, obj: models.Model, fields: Iterable[str]) -> dict[str, str]:
    """Several fields of one record; one audit entry for all that were shown unmasked."""
    maskers = sensitive_fields(obj)
    values = {field: str(getattr(obj, field) or "") for field in fields}
    if not may_unmask(user, obj):
        return {f: maskers[f](v) if f in maskers and v else v for f, v in values.items()}
    shown = sorted(f for f in values if f in maskers and values[f])
    if shown:
        audit_record(
            actor=user,
            action=AuditAction.UNMASKED_READ,
            obj=obj,
            area_id=_area(obj),
            changes={"fields": shown},
        )
    return values


def unmasked_reads(obj: models.Model) -> models.QuerySet:
    return AuditEntry.objects.filter(
        action=AuditAction.UNMASKED_READ, object_type=obj._meta.label_lower, object_id=str(obj.pk)
    )


def _area(obj: models.Model) -> int | None:
    policy = policy_for(obj)
    area_of = getattr(policy, "area_of", None)
    if area_of is not None:
        return area_of(obj)
    parent_of = getattr(policy, "parent_of", None)
    return _area(parent_of(obj)) if parent_of is not None else None
