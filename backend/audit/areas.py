"""The area an audit entry of a write is filed under, so the log is read through the same scope
rules as the object itself (entries without an area are read by superusers only).

A model declares the path from itself to its area by an `audit_area_path` attribute, or is listed
here; otherwise its own `area` field is used, or none. Child records follow their parent (the same
parents as permissions.registry.CHILDREN, which tests/audit keeps in step)."""

from functools import cache
from typing import Any

from django.db import models
from django.db.models import Subquery

AREA_PATHS: dict[str, str | None] = {
    "areas.area": "code",  # an area's changes are filed under the area itself
    "org.membership": "scope",
    "accounts.apitoken": "scope",
    "disputes.disputeparty": "dispute__area",
    "disputes.disputemediator": "dispute__area",
    "disputes.mediationrecord": "dispute__area",
    "disputes.mediationagreement": "dispute__area",
    "disputes.judicialconfirmation": "agreement__dispute__area",
    "disputes.disputereview": "dispute__area",
    "reports.dispatchstep": "report__area",
    "reports.reportevaluation": "report__area",
    "creation.taskcounit": "task__area",
    "creation.taskprogressreport": "task__area",
    "creation.taskreview": "task__area",
    "assistance.householdmember": "case__area",
    "assistance.subsidyreview": "case__area",
    "enterprise.problemassignment": "problem__area",
}


@cache
def area_path(model: type[models.Model]) -> str | None:
    declared = getattr(model, "audit_area_path", None)
    if declared is not None:
        return str(declared)
    label = model._meta.label_lower
    if label in AREA_PATHS:
        return AREA_PATHS[label]
    names = {f.name for f in model._meta.concrete_fields}
    if "area" in names:
        return "area"
    if "content_object" in names:  # guardian's direct-FK object grants follow their object
        parent = model._meta.get_field("content_object").related_model
        parent_path = area_path(parent)  # type: ignore[arg-type]
        return f"content_object__{parent_path}" if parent_path else None
    return None


def area_of(obj: models.Model) -> Any:
    """The area code of `obj` (int or None), read from the object and the parents it already holds;
    when a parent is not loaded, a subquery that the audit INSERT evaluates (no extra statement)."""
    path = area_path(type(obj))
    return _follow(obj, path.split("__")) if path else None


def _follow(obj: models.Model, parts: list[str]) -> Any:
    field = obj._meta.get_field(parts[0])
    if len(parts) == 1:
        return getattr(obj, field.attname)  # type: ignore[union-attr]
    if field.is_cached(obj):  # type: ignore[union-attr]
        parent = getattr(obj, field.name)
        return _follow(parent, parts[1:]) if parent is not None else None
    parent_id = getattr(obj, field.attname)  # type: ignore[union-attr]
    if parent_id is None:
        return None
    parent_model = field.related_model
    rows = parent_model._base_manager.filter(pk=parent_id)  # type: ignore[union-attr]
    return Subquery(rows.values("__".join(parts[1:]))[:1])
