"""Sensitive personal information (PIPL art. 28): masked unless the user may UNMASK the record;
every unmasked read is written to the audit log (the field names, never the values)."""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.apps import apps
from django.db import models

from backend.accounts.models import User
from backend.audit.context import current
from backend.audit.models import AuditAction, AuditEntry
from backend.audit.services import audit_record
from backend.common.masking import SENSITIVE_FIELDS, Masker
from permissions.codenames import Action
from permissions.family import ChildPolicy
from permissions.registry import policy_for

# SENSITIVE_FIELDS is declared in backend.common.masking (the audit log reads it too, and backend may
# not import permissions); the doors keep reading it from this module.


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
    record_unmasked(user, obj, sorted(f for f in values if f in maskers and values[f]))
    return values


_pending: ContextVar[list[AuditEntry] | None] = ContextVar("zhili_unmasked_reads", default=None)


def record_unmasked(user: User, obj: models.Model, fields: list[str]) -> None:
    """Audit an unmasked read: now, or at the end of the surrounding `collecting()` block."""
    if not fields:
        return
    pending = _pending.get()
    if pending is None:
        audit_record(
            actor=user,
            action=AuditAction.UNMASKED_READ,
            obj=obj,
            area_id=_area(obj),
            changes={"fields": fields},
        )
    else:
        pending.append(_entry(user, obj, fields))


@contextmanager
def collecting() -> Iterator[None]:
    """Gather the unmasked reads of one operation and write them at its end as one entry per record
    type ({"reads": {pk: [fields]}}), so a page of 50 records costs one INSERT, not 50."""
    token = _pending.set([])
    try:
        yield
    finally:
        pending = _pending.get() or []
        _pending.reset(token)
        if pending:
            AuditEntry.objects.bulk_create(_grouped(pending))


def _entry(user: User, obj: models.Model, fields: list[str]) -> AuditEntry:
    context = current.get()
    return AuditEntry(
        actor=user,
        action=AuditAction.UNMASKED_READ,
        object_type=obj._meta.label_lower,
        area_id=_known_area(obj),
        changes={"reads": {str(obj.pk): fields}},
        ip=context.ip,
        request_id=context.request_id,
    )


def _grouped(entries: list[AuditEntry]) -> list[AuditEntry]:
    """One entry per record type with every record and field read; its area is the smallest area
    containing all of them, so the entry is visible to whoever may see all those records."""
    by_type: dict[str, AuditEntry] = {}
    areas: dict[str, list[int | None]] = {}
    for entry in entries:
        areas.setdefault(entry.object_type, []).append(entry.area_id)
        kept = by_type.setdefault(entry.object_type, entry)
        if kept is not entry:
            for pk, fields in entry.changes["reads"].items():
                kept.changes["reads"][pk] = sorted({*kept.changes["reads"].get(pk, []), *fields})
    for label, entry in by_type.items():
        known = areas[label]
        codes = known if None not in known else _areas_of(label, list(entry.changes["reads"]))
        entry.area_id = common_area(codes)  # type: ignore[arg-type]
        if len(entry.changes["reads"]) == 1:
            entry.object_id = next(iter(entry.changes["reads"]))
    return list(by_type.values())


def _areas_of(label: str, pks: list[str]) -> list[int]:
    model = apps.get_model(label)
    path = _area_path(policy_for(model))
    return list(model._default_manager.filter(pk__in=pks).values_list(path, flat=True))


def common_area(codes: list[int]) -> int | None:
    """The deepest area (by statistical code) that contains every code in `codes`."""
    if not codes:
        return None
    for digits in (12, 9, 6, 4):
        heads = {f"{code:012d}"[:digits] for code in codes}
        if len(heads) == 1:
            return int(heads.pop().ljust(12, "0"))
    return None


def _area_path(policy: object) -> str:
    if isinstance(policy, ChildPolicy):
        return f"{policy.parent_field}__{policy.parent.area_field}"
    return getattr(policy, "area_field", "area")


def unmasked_reads(obj: models.Model) -> models.QuerySet:
    return AuditEntry.objects.filter(
        action=AuditAction.UNMASKED_READ, object_type=obj._meta.label_lower, object_id=str(obj.pk)
    )


def _known_area(obj: models.Model) -> int | None:
    """The area of `obj` from what is loaded already (its own column, or its parent's when the
    parent is cached on it, as a related manager or a prefetch leaves it); None would need SQL."""
    policy = policy_for(obj)
    if isinstance(policy, ChildPolicy):
        path = [*policy.parent_field.split("__"), *policy.parent.area_field.split("__")]
    else:
        path = getattr(policy, "area_field", "").split("__")
    value: Any = obj
    for part in path[:-1]:
        if not value._meta.get_field(part).is_cached(value):
            return None
        value = getattr(value, part)
    return value.__dict__.get(f"{path[-1]}_id") if path[-1] else None  # deferred: unknown


def _area(obj: models.Model) -> int | None:
    policy = policy_for(obj)
    area_of = getattr(policy, "area_of", None)
    if area_of is not None:
        return area_of(obj)
    parent_of = getattr(policy, "parent_of", None)
    return _area(parent_of(obj)) if parent_of is not None else None
