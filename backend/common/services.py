"""Write helpers every service uses: validated partial updates and numbered records."""

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NoReturn, TypeVar

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from backend.audit.bulk import audit_created
from backend.common.validation import settled_fields

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
        instance.full_clean(exclude=settled_fields(instance, changed))
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


def save_many(rows: Sequence[models.Model]) -> int:
    """Insert validated rows of one model with their audit entries (one INSERT each). A unique
    constraint they break (a concurrent writer saved the same row first) leaves the others to be
    saved one by one, the duplicates skipped; the count of rows saved."""
    if not rows:
        return 0
    try:
        with transaction.atomic():
            audit_created(type(rows[0])._default_manager.bulk_create(rows))
        return len(rows)
    except IntegrityError as error:
        if not _duplicate(error):
            raise
        return sum(_saved_once(row) for row in rows)


def _saved_once(row: models.Model) -> bool:
    row.pk = None
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError as error:
        if not _duplicate(error):
            raise
        return False
    return True


UNIQUE_VIOLATION = "23505"  # PostgreSQL's SQLSTATE
SQLITE_UNIQUE = {"SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY"}


def _duplicate(error: IntegrityError) -> bool:
    """A unique constraint broken, not a check or a foreign key: asked of the driver's error
    code, never of the message's wording."""
    cause = error.__cause__
    state = getattr(cause, "sqlstate", None)
    if state is not None:
        return bool(state == UNIQUE_VIOLATION)
    return getattr(cause, "sqlite_errorname", None) in SQLITE_UNIQUE


def delete_validated(instance: models.Model) -> None:
    """Delete one row; a row other records still refer to is refused with a readable reason
    (the database is left as it was) instead of surfacing as an internal error."""
    try:
        with transaction.atomic():
            instance.delete()
    except models.ProtectedError as error:
        _refuse(instance, error.protected_objects)
    except models.RestrictedError as error:
        _refuse(instance, error.restricted_objects)


def _refuse(instance: models.Model, users: Iterable[models.Model]) -> NoReturn:
    used_by = {str(obj._meta.verbose_name) for obj in users}
    raise ValidationError(
        _("该%(noun)s已被%(users)s使用，不能删除；可改为停用或先处理相关记录")
        % {"noun": instance._meta.verbose_name, "users": "、".join(sorted(used_by))}
    )
