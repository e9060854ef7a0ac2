"""The 五有 / 六无 checklist as editable reference data: everyone signed in reads it, the city's
administrators add, change, deactivate and (while unused) delete items."""

import strawberry
import strawberry_django
from strawberry import auto

from backend.peacevillage.models import ChecklistItem
from backend.peacevillage.services import (
    checklist_item_create,
    checklist_item_delete,
    checklist_item_update,
)
from schema.base.reference import Reference, reference_mutation, reference_query
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


CHECKLIST_ITEMS = Reference(
    model=ChecklistItem,
    node=ChecklistItemType,
    inputs=(ChecklistItemCreateInput, ChecklistItemUpdateInput),
    filters=ChecklistItemFilter,
    ordering=ChecklistItemOrder,
    names=("checklist_item", "checklist_items"),
    services=(
        checklist_item_create,
        lambda row, data: checklist_item_update(item=row, data=data),
        lambda row: checklist_item_delete(item=row),
    ),
    descriptions={
        "list": "考评标准项列表（登录用户可见，含停用项）",
        "detail": "一项考评标准；不存在时为 null",
        "create": "新增考评标准项",
        "update": "修改考评标准项（停用：active 设为 false）",
        "delete": "删除考评标准项（已被考评使用的只能停用）",
    },
)
ChecklistQuery = reference_query("ChecklistQuery", CHECKLIST_ITEMS)
ChecklistMutation = reference_mutation("ChecklistMutation", CHECKLIST_ITEMS)
