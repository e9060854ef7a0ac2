"""Writing audit entries. Callers pass no sensitive values: `changes` holds field names and
non-sensitive values only (sensitive ones are recorded as changed, never with their content)."""

from typing import Any

from django.db import models

from backend.audit.context import current
from backend.audit.models import AuditAction, AuditEntry


def audit_record(
    *,
    actor: Any,
    action: AuditAction | str,
    obj: models.Model | None = None,
    detail: str = "",
    changes: dict[str, Any] | None = None,
    unit_id: int | None = None,
    area_id: int | None = None,
) -> AuditEntry:
    context = current.get()
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        unit_id=unit_id,
        area_id=area_id if area_id is not None else _area_of(obj),
        action=action,
        detail=detail[:100],
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        changes=changes or {},
        ip=context.ip,
        request_id=context.request_id,
    )


def _area_of(obj: models.Model | None) -> int | None:
    return getattr(obj, "area_id", None) if obj is not None else None
