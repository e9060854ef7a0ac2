"""Reports (事件): lists, details, records, the dispatch workflow and its catalogue."""

import strawberry
import strawberry_django
from django.db.models import QuerySet
from strawberry.types import Info

from backend.reports.models import DispatchRule, Report, ReportCategory
from permissions.registry import policy_for
from schema.base.context import user_of
from schema.base.kept import offset_paginated
from schema.base.loading import load_or_none
from schema.base.pages import OffsetPaginated
from schema.reports.catalogue import ReportCatalogueMutation
from schema.reports.filters import (
    DispatchRuleFilter,
    DispatchRuleOrder,
    ReportCategoryFilter,
    ReportCategoryOrder,
    ReportFilter,
    ReportOrder,
)
from schema.reports.records import ReportRecordMutation
from schema.reports.types import DispatchRuleType, ReportCategoryType, ReportType
from schema.reports.workflow import ReportWorkflowMutation


@strawberry.type
class ReportsQuery:
    reports: OffsetPaginated[ReportType] = offset_paginated(
        filters=ReportFilter, ordering=ReportOrder, description="事件列表（仅本人权限范围内）"
    )
    dispatch_rules: OffsetPaginated[DispatchRuleType] = offset_paginated(
        filters=DispatchRuleFilter, ordering=DispatchRuleOrder, description="派单目录"
    )

    @offset_paginated(
        OffsetPaginated[ReportCategoryType],
        filters=ReportCategoryFilter,
        ordering=ReportCategoryOrder,
        description="事项类别（登录用户可见）",
    )
    def report_categories(self, info: Info) -> QuerySet[ReportCategory]:
        return policy_for(ReportCategory).visible(user_of(info))

    @strawberry_django.field(description="一条事件；不存在或无权查看时为 null")
    def report(self, info: Info, id: strawberry.ID) -> ReportType | None:
        return load_or_none(info, Report, id)  # type: ignore[return-value]

    @strawberry_django.field(description="一个事项类别；不存在时为 null")
    def report_category(self, info: Info, id: strawberry.ID) -> ReportCategoryType | None:
        return load_or_none(info, ReportCategory, id)  # type: ignore[return-value]

    @strawberry_django.field(description="一条派单规则；不存在或无权查看时为 null")
    def dispatch_rule(self, info: Info, id: strawberry.ID) -> DispatchRuleType | None:
        return load_or_none(info, DispatchRule, id)  # type: ignore[return-value]


@strawberry.type
class ReportsMutation(ReportRecordMutation, ReportWorkflowMutation, ReportCatalogueMutation):
    pass
