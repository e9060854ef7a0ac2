"""The 五有 / 六无 checklist as editable reference data: everyone signed in reads it, the city's
administrators add, change, deactivate and (while unused) delete items."""

import strawberry
import strawberry_django
from django.db.models import QuerySet
from strawberry import auto
from strawberry.types import Info

from backend.peacevillage.models import ChecklistItem
from backend.peacevillage.services import (
    checklist_item_create,
    checklist_item_delete,
    checklist_item_update,
)
from permissions.codenames import Action
from permissions.registry import policy_for
from schema.base.context import user_of
from schema.base.inputs import IdInput, changes_of
from schema.base.loading import deleted, load, load_or_none, require
from schema.base.pages import OffsetPaginated
from schema.peacevillage.types import ChecklistItemType


@strawberry_django.filter_type(ChecklistItem, lookups=True)
class ChecklistItemFilter:
    id: auto
    code: auto
    group: auto
    text: auto
    active: auto


@strawberry_django.order_type(ChecklistItem)
class ChecklistItemOrder:
    code: auto
    group: auto
    weight: auto


@strawberry.input(description="新增考评标准项")
class ChecklistItemCreateInput:
    code: str
    group: str = strawberry.field(description="five_have 五有 / six_none 六无")
    text: str
    weight: int = 10
    auto_rule: str = strawberry.field(default="", description="自动核验规则；留空为人工评定")
    active: bool = True


@strawberry.input(description="修改考评标准项（只传要改的字段）")
class ChecklistItemUpdateInput:
    id: strawberry.ID
    code: str | None = strawberry.UNSET
    group: str | None = strawberry.UNSET
    text: str | None = strawberry.UNSET
    weight: int | None = strawberry.UNSET
    auto_rule: str | None = strawberry.UNSET
    active: bool | None = strawberry.UNSET


@strawberry.type
class ChecklistQuery:
    @strawberry_django.offset_paginated(
        OffsetPaginated[ChecklistItemType],
        filters=ChecklistItemFilter,
        ordering=ChecklistItemOrder,
        description="考评标准项列表（登录用户可见，含停用项）",
    )
    def checklist_items(self, info: Info) -> QuerySet[ChecklistItem]:
        return policy_for(ChecklistItem).visible(user_of(info))

    @strawberry.field(description="一项考评标准；不存在时为 null")
    def checklist_item(self, info: Info, id: strawberry.ID) -> ChecklistItemType | None:
        return load_or_none(info, ChecklistItem, id)  # type: ignore[return-value]


def mutation(description: str):  # type: ignore[no-untyped-def]
    return strawberry_django.mutation(handle_django_errors=True, description=description)


@strawberry.type
class ChecklistMutation:
    @mutation("新增考评标准项")
    def create_checklist_item(
        self, info: Info, data: ChecklistItemCreateInput
    ) -> ChecklistItemType:
        require(info, Action.ADD, ChecklistItem())
        return checklist_item_create(**vars(data))  # type: ignore[return-value]

    @mutation("修改考评标准项（停用：active 设为 false）")
    def update_checklist_item(
        self, info: Info, data: ChecklistItemUpdateInput
    ) -> ChecklistItemType:
        item = load(info, ChecklistItem, data.id, Action.CHANGE)
        return checklist_item_update(item=item, data=changes_of(data))  # type: ignore[return-value]

    @mutation("删除考评标准项（已被考评使用的只能停用）")
    def delete_checklist_item(self, info: Info, data: IdInput) -> ChecklistItemType:
        item = load(info, ChecklistItem, data.id, Action.DELETE)
        return deleted(item, lambda row: checklist_item_delete(item=row))  # type: ignore[return-value]
