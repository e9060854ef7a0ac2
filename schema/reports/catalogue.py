"""The catalogue administrators edit: report categories and the dispatch rules."""

import strawberry
import strawberry_django
from strawberry.types import Info

from backend.reports.models import DispatchRule, ReportCategory
from backend.reports.services import (
    dispatch_rule_delete,
    dispatch_rule_set,
    report_category_create,
    report_category_update,
)
from permissions.codenames import Action
from schema.base.context import parse_id
from schema.base.inputs import IdInput, changes_of
from schema.base.loading import load, load_target_unit, require
from schema.reports.acting import area_by_code
from schema.reports.inputs import (
    DispatchRuleCreateInput,
    ReportCategoryCreateInput,
    ReportCategoryUpdateInput,
)
from schema.reports.types import DispatchRuleType, ReportCategoryType


@strawberry.type
class ReportCatalogueMutation:
    @strawberry_django.mutation(handle_django_errors=True, description="新增事项类别")
    def create_report_category(
        self, info: Info, data: ReportCategoryCreateInput
    ) -> ReportCategoryType:
        require(info, Action.ADD, ReportCategory())
        parent = _parent(info, data.parent_id)
        fields = {k: v for k, v in vars(data).items() if k != "parent_id"}
        return report_category_create(parent=parent, **fields)  # type: ignore[return-value]

    @strawberry_django.mutation(handle_django_errors=True, description="修改事项类别")
    def update_report_category(
        self, info: Info, data: ReportCategoryUpdateInput
    ) -> ReportCategoryType:
        category = load(info, ReportCategory, data.id, Action.CHANGE)
        changes = changes_of(data)
        if "parent_id" in changes:
            changes["parent"] = _parent(info, changes.pop("parent_id"))
        return report_category_update(category=category, data=changes)  # type: ignore[return-value]

    @strawberry_django.mutation(
        handle_django_errors=True, description="设置派单规则（同类别同区划的规则改为新单位）"
    )
    def create_dispatch_rule(self, info: Info, data: DispatchRuleCreateInput) -> DispatchRuleType:
        area = area_by_code(data.area_code)
        require(info, Action.ADD, DispatchRule(area=area))
        category = load(info, ReportCategory, data.category_id, field="category_id")
        unit = load_target_unit(info, data.unit_id, "unit_id")
        return dispatch_rule_set(category=category, area=area, unit=unit)  # type: ignore[return-value]

    @strawberry_django.mutation(handle_django_errors=True, description="删除派单规则")
    def delete_dispatch_rule(self, info: Info, data: IdInput) -> DispatchRuleType:
        rule = load(info, DispatchRule, data.id, Action.DELETE)
        dispatch_rule_delete(rule=rule)
        rule.pk = parse_id(data.id)  # the deleted record is returned as it was
        return rule  # type: ignore[return-value]


def _parent(info: Info, value: strawberry.ID | None) -> ReportCategory | None:
    return load(info, ReportCategory, value, field="parent_id") if value is not None else None
