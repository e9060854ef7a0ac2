"""Plain ORM writes of any model, for the generic completeness test: a row of the demo world (or one
built from the model's required fields), one field changed, deleted, inserted again."""

import itertools
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DatabaseError, models, transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils import timezone
from guardian.models import GroupObjectPermissionBase

from backend.audit.values import hidden, tracked
from permissions.family import ChildPolicy
from permissions.policy import Policy
from permissions.registry import policies

_serial = itertools.count(1)


def expected_area(obj: models.Model) -> int | None:
    """The area the entry must carry, derived from the permission registry, not from backend.audit."""
    label = obj._meta.label_lower
    policy = policies().get(label)
    if label == "areas.area":
        return obj.pk
    if isinstance(obj, GroupObjectPermissionBase):
        return expected_area(obj.content_object)  # type: ignore[attr-defined]
    if isinstance(policy, ChildPolicy):
        return expected_area(policy.parent_of(obj))
    if isinstance(policy, Policy):
        return getattr(obj, f"{policy.area_field}_id")
    if label == "accounts.apitoken":
        return obj.scope_id  # type: ignore[attr-defined]
    return getattr(obj, "area_id", None)


def value_for(field: models.Field, old: Any = None) -> Any:
    """A value of the field's type that differs from `old`."""
    n = next(_serial)
    if field.choices:
        return next(c for c, _ in field.flatchoices if c != old)
    if field.is_relation:
        rows = field.related_model._base_manager.exclude(pk=old)  # type: ignore[union-attr]
        return rows.values_list("pk", flat=True).first()
    if isinstance(field, models.BooleanField):
        return not old
    if isinstance(field, models.DateTimeField):
        return (old or timezone.now()) + timedelta(hours=1)
    if isinstance(field, models.DateField):
        return (old or date(2026, 11, 1)) + timedelta(days=1)
    if isinstance(field, models.DecimalField):
        return Decimal(1) if old != 1 else Decimal(2)
    if isinstance(field, models.IntegerField):
        return 1 if old != 1 else 2
    if isinstance(field, models.JSONField):
        return {"审计": n}
    if isinstance(field, models.GenericIPAddressField):
        return "127.0.0.2" if old != "127.0.0.2" else "127.0.0.3"
    return f"审{n}"[: field.max_length or 10]


def _rank(field: models.Field) -> int:
    if isinstance(field, models.CharField | models.TextField) and not field.choices:
        return 0
    if isinstance(field, models.DateField):
        return 1
    return 3 if field.is_relation or field.choices else 2


def change_one_field(obj: models.Model) -> tuple[models.Field, Any, Any]:
    """Change one tracked, non-sensitive field and save(); the first that the database accepts."""
    secret = hidden(type(obj))
    for field in sorted((f for f in tracked(type(obj)) if f.name not in secret), key=_rank):
        old = getattr(obj, field.attname)
        new = value_for(field, old)
        try:
            with transaction.atomic():
                setattr(obj, field.attname, new)
                obj.save()
        except (DatabaseError, ValidationError):
            setattr(obj, field.attname, old)
            continue
        return field, old, new
    raise AssertionError(f"no field of {obj._meta.label} could be changed")


def delete_one(model: type[models.Model], first: models.Model) -> models.Model:
    """Delete `first` or, when other rows protect it, another row that nothing protects (or a new
    row built for it)."""
    rows = [first, *model._base_manager.exclude(pk=first.pk).order_by("-pk")[:40]]
    for obj in rows:
        try:
            with transaction.atomic():
                pk = obj.pk
                obj.delete()
        except (ProtectedError, RestrictedError, DatabaseError):
            continue
        obj.pk = pk
        return obj
    obj = build_saved(model)
    pk = obj.pk
    obj.delete()
    obj.pk = pk
    return obj


def build_saved(model: type[models.Model]) -> models.Model:
    """A new row holding the model's required values (and, if the database insists, one optional
    foreign key: e.g. a notification needs exactly one of its recipients)."""
    optional = [f for f in model._meta.concrete_fields if f.is_relation and f.null]
    for extra in [None, *optional]:
        obj = _build(model, extra)
        try:
            with transaction.atomic():
                obj.save()
        except (DatabaseError, ValidationError):
            continue
        return obj
    raise AssertionError(f"no row of {model._meta.label} could be built")


def _build(model: type[models.Model], extra: models.Field | None) -> models.Model:
    values: dict[str, Any] = {}
    for field in model._meta.concrete_fields:
        if field.primary_key or field.null or field.has_default() or field.blank:
            continue
        if isinstance(field, models.DateTimeField) and (field.auto_now or field.auto_now_add):
            continue
        values[field.attname] = value_for(field)
    if extra is not None:
        values[extra.attname] = value_for(extra)
    return model(**values)
