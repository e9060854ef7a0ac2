"""Write helpers every service uses: validated partial updates and numbered records."""

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

M = TypeVar("M", bound=models.Model)


def model_update(*, instance: M, fields: Iterable[str], data: Mapping[str, Any]) -> tuple[M, bool]:
    """Set the whitelisted `fields` present in `data`, validate, save only what changed.

    Unknown keys are an error rather than silently dropped: a caller that sends a field it may not
    change should hear so.
    """
    allowed = set(fields)
    unknown = set(data) - allowed
    if unknown:
        raise ValidationError(
            _("不可修改的字段：%(fields)s") % {"fields": "、".join(sorted(unknown))}
        )
    changed = [name for name, value in data.items() if getattr(instance, name) != value]
    for name in changed:
        setattr(instance, name, data[name])
    if changed:
        instance.full_clean()
        instance.save(update_fields=[*changed, *_auto_now_fields(instance)])
    return instance, bool(changed)


def _auto_now_fields(instance: models.Model) -> list[str]:
    return [f.name for f in instance._meta.concrete_fields if getattr(f, "auto_now", False)]


def create_validated(model: type[M], **values: Any) -> M:
    """Build, `full_clean()` and save one row; nothing is written when validation fails."""
    instance = model(**values)
    instance.full_clean()
    instance.save()
    return instance
