"""Units: list, detail, create / update / deactivate."""

from typing import Any

import strawberry
import strawberry_django
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from strawberry.types import Info

from backend.org.models import Unit
from backend.org.services import unit_create, unit_deactivate, unit_update
from permissions.codenames import Action
from permissions.policy import NotFound
from permissions.registry import policy_for
from schema.areas.lookup import area_by_code
from schema.base.context import user_of
from schema.base.inputs import IdInput, changes_of
from schema.base.kept import offset_paginated
from schema.base.loading import load, require
from schema.base.pages import OffsetPaginated
from schema.org.filters import UnitFilter, UnitOrder
from schema.org.inputs import UnitCreateInput, UnitUpdateInput
from schema.org.types import UnitType


@strawberry.type
class UnitQuery:
    # UnitType is nested in many types as a non-null FK, so it cannot carry the policy itself
    # (strawberry-django would prefetch it through get_queryset and null out hidden units):
    # the list applies the policy here.
    @offset_paginated(
        OffsetPaginated[UnitType],
        filters=UnitFilter,
        ordering=UnitOrder,
        description="单位列表（仅本人权限范围内）",
    )
    def units(self, info: Info) -> QuerySet[Unit]:
        return policy_for(Unit).visible(user_of(info))

    @strawberry_django.field(description="一个单位；不存在或无权查看时为 null")
    def unit(self, info: Info, id: strawberry.ID) -> UnitType | None:
        try:
            return load(info, Unit, id)  # type: ignore[return-value]
        except (NotFound, ValidationError):
            return None


@strawberry.type
class UnitMutation:
    @strawberry_django.mutation(handle_django_errors=True, description="新增单位")
    def create_unit(self, info: Info, data: UnitCreateInput) -> UnitType:
        fields = _references(info, vars(data))
        require(info, Action.ADD, Unit(area=fields["area"]))
        return unit_create(**fields)  # type: ignore[return-value]

    @strawberry_django.mutation(handle_django_errors=True, description="修改单位")
    def update_unit(self, info: Info, data: UnitUpdateInput) -> UnitType:
        unit = load(info, Unit, data.id, Action.CHANGE)
        changes = changes_of(data)
        changes = _references(info, changes)
        if "area" in changes:  # a unit is never moved out of the editor's scope
            require(info, Action.CHANGE, Unit(area=changes["area"]))
        return unit_update(unit=unit, data=changes)  # type: ignore[return-value]

    @strawberry_django.mutation(
        handle_django_errors=True,
        description="删除单位：即停用（已承办的事项和历史记录保留，不再接收新的工作）",
    )
    def delete_unit(self, info: Info, data: IdInput) -> UnitType:
        unit = load(info, Unit, data.id, Action.DELETE)
        return unit_deactivate(unit=unit)  # type: ignore[return-value]


def _references(info: Info, values: dict[str, Any]) -> dict[str, Any]:
    fields = dict(values)
    if "area_code" in fields:
        fields["area"] = area_by_code(fields.pop("area_code"))
    if "parent_id" in fields:
        parent_id = fields.pop("parent_id")
        fields["parent"] = load(info, Unit, parent_id, field="parent_id") if parent_id else None
    return fields
