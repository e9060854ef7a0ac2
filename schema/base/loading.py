"""Every mutation loads and checks its objects through the policy; forbidden looks like missing."""

from typing import Any, TypeVar

from django.db import models
from strawberry.types import Info

from permissions.codenames import Action
from permissions.policy import NotFound
from permissions.pii import sensitive_fields
from permissions.registry import policy_for
from schema.base.context import parse_id, user_of
from schema.base.scoped import UNMASK_FLAG

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
