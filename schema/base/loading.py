"""Every mutation loads and checks its objects through the policy; forbidden looks like missing."""

from collections.abc import Callable
from typing import Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from strawberry.types import Info

from backend.org.models import Unit
from permissions.codenames import Action
from permissions.policy import NotFound
from permissions.registry import policy_for
from schema.base.context import parse_id, user_of
from schema.base.detail import detail_row

M = TypeVar("M", bound=models.Model)


def load(
    info: Info, model: type[M], value: Any, action: Action = Action.VIEW, field: str = "id"
) -> M:
    obj = policy_for(model).get(user_of(info), action, parse_id(value, field))
    assert isinstance(obj, model)
    return obj


def load_many(info: Info, model: type[M], values: list[Any], field: str) -> list[M]:
    ids = [parse_id(value, field) for value in values]
    found = {obj.pk: obj for obj in policy_for(model).visible(user_of(info)).filter(pk__in=ids)}
    if len(found) != len(set(ids)):
        raise NotFound(f"{model._meta.verbose_name}不存在")
    return [found[pk] for pk in ids]


def require(info: Info, action: Action, obj: models.Model) -> None:
    """For an object about to be created (area already set): may the user do `action` to it?"""
    if not policy_for(obj).may_on(user_of(info), action, obj):
        raise NotFound(f"无权在该区划{action_label(action)}{obj._meta.verbose_name}")


def action_label(action: Action) -> str:
    return {Action.ADD: "新增", Action.CHANGE: "修改", Action.DELETE: "删除"}.get(action, "操作")


def load_target_unit(info: Info, value: Any, field: str) -> Unit:
    """A unit named as the receiver of work (dispatch, transfer, a catalogue rule). Any active unit
    can receive work: naming one reveals nothing of its records, and a township centre must be able
    to dispatch to a city member unit outside its own area."""
    unit = Unit.objects.filter(pk=parse_id(value, field), is_active=True).first()
    if unit is None:
        raise ValidationError({field: "承办单位不存在或已停用"})
    return unit


def load_or_none(info: Info, model: type[M], value: Any) -> M | None:
    """A detail query's answer: the row, or null when it is missing, malformed or not visible.
    The child lists the query selects come in the row's own statement (schema.base.nested),
    compiled once per selection and user scope (schema.base.detail)."""
    try:
        row = detail_row(info, model, parse_id(value))
    except (ObjectDoesNotExist, ValidationError):
        return None
    assert isinstance(row, model)
    return row


def deleted(row: M, delete: Callable[[M], None]) -> M:
    """Delete through the service and return the row as it was, id included, for the client's cache."""
    pk = row.pk
    delete(row)
    row.pk = pk
    return row
