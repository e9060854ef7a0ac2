"""The `changes` of write entries: new values on create, [old, new] of changed fields on update,
identifying values on delete; sensitive fields only as markers (backend.audit.values)."""

from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import Permission
from django.db import models

from backend.audit.values import CHANGED, FILLED, IDENTIFYING, hidden, jsonable, same, tracked


def fields_saved(
    model: type[models.Model], update_fields: Iterable[str] | None
) -> list[models.Field]:
    """The tracked fields a save writes (all of them, or those named in update_fields)."""
    if update_fields is None:
        return list(tracked(model))
    named = set(update_fields)
    return [f for f in tracked(model) if f.name in named or f.attname in named]


def stored(obj: models.Model, fields: list[models.Field]) -> dict[str, Any] | None:
    """The stored values of `fields` of `obj` (one query), or None when the row does not exist."""
    rows = type(obj)._base_manager.filter(pk=obj.pk).values(*(f.attname for f in fields))
    return rows.first()


def created(obj: models.Model) -> dict[str, Any]:
    secret = hidden(type(obj))
    changes: dict[str, Any] = {}
    for field in tracked(type(obj)):
        value = getattr(obj, field.attname)
        if value is None or value == "":
            continue
        changes[field.attname] = FILLED if field.name in secret else jsonable(value)
    return _with_permission(obj, changes)


def updated(obj: models.Model, old: dict[str, Any]) -> dict[str, Any]:
    secret = hidden(type(obj))
    changes: dict[str, Any] = {}
    for field in tracked(type(obj)):
        if field.attname not in old:
            continue
        before, after = old[field.attname], getattr(obj, field.attname)
        if same(field, before, after):
            continue
        changes[field.attname] = (
            CHANGED if field.name in secret else [jsonable(before), jsonable(after)]
        )
    return changes


def deleted(obj: models.Model) -> dict[str, Any]:
    skip = hidden(type(obj)) | obj.get_deferred_fields()  # a deferred field would cost a query
    changes: dict[str, Any] = {"id": jsonable(obj.pk)}
    for field in tracked(type(obj)):
        identifying = field.is_relation or field.name in IDENTIFYING
        value = getattr(obj, field.attname) if identifying and field.attname not in skip else None
        if value is not None and value != "" and field.name not in skip:
            changes[field.attname] = jsonable(value)
    return _with_permission(obj, changes)


def _with_permission(obj: models.Model, changes: dict[str, Any]) -> dict[str, Any]:
    """Object permission rows (guardian) name the permission by its codename."""
    permission = getattr(obj, "permission", None) if "permission_id" in changes else None
    if isinstance(permission, Permission):
        changes["permission"] = permission.codename
    return changes
