"""What an audit entry of a write says about the object: JSON values of its non-sensitive fields
(foreign keys as their ids). Sensitive fields — the personal fields of backend.common.masking,
secrets, stored files — appear only as a marker that they were filled in or changed, never with
their content."""

import datetime
import uuid
from decimal import Decimal
from functools import cache
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from backend.common.masking import SENSITIVE_FIELDS

FILLED, CHANGED = "已填写", "已修改"
# Never shown to anyone, so never in the log either (masked fields are in SENSITIVE_FIELDS).
SECRETS: dict[str, set[str]] = {
    "accounts.user": {"password", "phone"},
    "accounts.apitoken": {"digest"},
}
# Bookkeeping that changes without anyone changing the record (besides `updated_at` everywhere).
NOISE: dict[str, set[str]] = {
    "accounts.user": {"last_login"},
    "accounts.apitoken": {"last_used_at"},
}
# What a DELETE entry keeps besides the id and the foreign keys (never __str__, which may hold names).
IDENTIFYING = {"number", "code", "name", "short_name", "title", "username", "key", "prefix", "kind"}
IDENTIFYING |= {"role", "status", "action", "stage", "decision", "original_name"}


def _label(model: type[models.Model]) -> str:
    return model._meta.concrete_model._meta.label_lower  # type: ignore[union-attr]


@cache
def tracked(model: type[models.Model]) -> tuple[models.Field, ...]:
    """The fields whose values and changes are recorded: all concrete fields but the primary key,
    automatic timestamps and noise."""
    noise = {"updated_at", *NOISE.get(_label(model), ())}
    return tuple(
        f
        for f in model._meta.concrete_fields
        if not f.primary_key
        and f.name not in noise
        and not getattr(f, "auto_now", False)
        and not getattr(f, "auto_now_add", False)
    )


@cache
def hidden(model: type[models.Model]) -> frozenset[str]:
    label = _label(model)
    files = {f.name for f in model._meta.concrete_fields if isinstance(f, models.FileField)}
    return frozenset({*SENSITIVE_FIELDS.get(label, {}), *SECRETS.get(label, ()), *files})


def jsonable(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, Decimal | uuid.UUID | datetime.timedelta):
        return str(value)
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(key): jsonable(item) for key, item in value.items()}
    return str(value)


def same(field: models.Field, old: Any, new: Any) -> bool:
    """Equal as the database stores them (a date set as "2026-11-01" equals the stored date)."""
    try:
        return bool(field.to_python(old) == field.to_python(new))
    except (ValidationError, TypeError, ValueError):
        return bool(old == new)
