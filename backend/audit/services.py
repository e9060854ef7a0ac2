"""Writing audit entries. Callers pass no sensitive values: `changes` holds field names and
non-sensitive values only (sensitive ones are recorded as changed, never with their content).

The actor defaults to whoever acts in the current request or `acting_as` block; the unit to the
actor's unit when they act for exactly one; the area to the object's (backend.audit.areas)."""

from typing import Any

from django.db import models
from django.db.models.expressions import BaseExpression

from backend.audit.actors import unit_of
from backend.audit.areas import area_of
from backend.audit.context import current, current_actor
from backend.audit.models import AuditAction, AuditEntry

CURRENT: Any = object()  # the actor of the current request or `acting_as` block
READS = {AuditAction.UNMASKED_READ, AuditAction.EXPORT}  # never an extra query for these


def audit_record(
    *,
    actor: Any = CURRENT,
    action: AuditAction | str,
    obj: models.Model | None = None,
    detail: str = "",
    changes: dict[str, Any] | None = None,
    unit_id: int | None = None,
    area_id: int | None = None,
) -> AuditEntry:
    entry = audit_entry(
        actor=actor,
        action=action,
        obj=obj,
        detail=detail,
        changes=changes,
        unit_id=unit_id if unit_id is not None else CURRENT,
        area_id=area_id,
    )
    entry.save()
    return settled(entry)


def audit_entry(
    *,
    action: AuditAction | str,
    obj: models.Model | None,
    actor: Any = CURRENT,
    detail: str = "",
    changes: dict[str, Any] | None = None,
    unit_id: Any = CURRENT,
    area_id: int | None = None,
) -> AuditEntry:
    """An unsaved entry: who (actor, unit), from where (IP, request id), what, filed under which area."""
    context = current.get()
    actor = current_actor() if actor is CURRENT else actor
    actor = actor if getattr(actor, "pk", None) else None
    return AuditEntry(
        actor=actor,
        unit_id=unit_of(actor, may_query=action not in READS) if unit_id is CURRENT else unit_id,
        area_id=area_of(obj) if obj is not None and area_id is None else area_id,
        action=action,
        detail=detail[:100],
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None and obj.pk is not None else "",
        changes=changes or {},
        ip=context.ip,
        request_id=context.request_id,
    )


def settled(entry: AuditEntry) -> AuditEntry:
    """An area the INSERT computed by a subquery is read back from the database only if asked for."""
    if isinstance(entry.__dict__.get("area_id"), BaseExpression):
        del entry.__dict__["area_id"]
    return entry
