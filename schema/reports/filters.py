import strawberry
import strawberry_django
from django.db.models import Q, QuerySet
from django.utils import timezone
from strawberry import auto

from backend.reports.models import DispatchRule, Report, ReportCategory, ReportStatus
from schema.base.context import parse_id
from schema.base.filters import id_q, search_q, within_q
from schema.base.kept import pure

# The holding unit is still working on these: past the deadline they are overdue.
IN_HAND = (ReportStatus.DISPATCHED, ReportStatus.SIGNED, ReportStatus.HANDLING)


def category_q(value: strawberry.ID, prefix: str) -> Q:
    """A category and, for a top-level category, its subcategories."""

    pk = parse_id(value, "category")  # a malformed id reads as a plain error (ReadableInputErrors)
    return Q(**{f"{prefix}category_id": pk}) | Q(**{f"{prefix}category__parent_id": pk})


@strawberry_django.filter_type(Report, lookups=True)
class ReportFilter:
    id: auto
    number: auto
    status: auto
    source: auto
    supervision_level: auto
    registered_at: auto
    deadline: auto

    @strawberry_django.filter_field(description="事项类别编号（一级类别含其下级）")
    @pure
    def category(self, queryset: QuerySet, value: strawberry.ID, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, category_q(value, prefix)

    @strawberry_django.filter_field(description="区划代码：该区划及其下级的事项")
    def area(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, within_q(value, prefix)

    @strawberry_django.filter_field(description="当前承办单位（单位编号）")
    @pure
    def current_unit(
        self, queryset: QuerySet, value: strawberry.ID, prefix: str
    ) -> tuple[QuerySet, Q]:
        return queryset, id_q(value, prefix, "current_unit")

    @strawberry_django.filter_field(description="超期未反馈（已派单、已签收或办理中且已过期限）")
    def overdue(self, queryset: QuerySet, value: bool, prefix: str) -> tuple[QuerySet, Q]:
        overdue = Q(**{f"{prefix}deadline__lt": timezone.now(), f"{prefix}status__in": IN_HAND})
        return queryset, overdue if value else ~overdue

    @strawberry_django.filter_field(description="按编号、标题、描述、地点搜索，空格分隔多个词")
    @pure
    def search(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        fields = ("number", "title", "description", "location")
        return queryset, search_q(value, prefix, fields)


@strawberry_django.order_type(Report)
class ReportOrder:
    id: auto
    number: auto
    registered_at: auto
    deadline: auto
    status: auto
    supervision_level: auto
    closed_at: auto


@strawberry_django.filter_type(ReportCategory, lookups=True)
class ReportCategoryFilter:
    id: auto
    code: auto
    name: auto
    limit_class: auto
    active: auto

    @strawberry_django.filter_field(description="上级类别编号")
    def parent(self, queryset: QuerySet, value: strawberry.ID, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, id_q(value, prefix, "parent")

    @strawberry_django.filter_field(description="只看一级类别（true）或只看二级类别（false）")
    def top_level(self, queryset: QuerySet, value: bool, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, Q(**{f"{prefix}parent__isnull": value})

    @strawberry_django.filter_field(description="按编码、名称搜索")
    @pure
    def search(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, search_q(value, prefix, ("code", "name"))


@strawberry_django.order_type(ReportCategory)
class ReportCategoryOrder:
    id: auto
    code: auto
    name: auto
    time_limit_hours: auto


@strawberry_django.filter_type(DispatchRule, lookups=True)
class DispatchRuleFilter:
    id: auto

    @strawberry_django.filter_field(description="事项类别编号（一级类别含其下级）")
    @pure
    def category(self, queryset: QuerySet, value: strawberry.ID, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, category_q(value, prefix)

    @strawberry_django.filter_field(description="区划代码：该区划及其下级的规则")
    def area(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, within_q(value, prefix)

    @strawberry_django.filter_field(description="承办单位编号")
    def unit(self, queryset: QuerySet, value: strawberry.ID, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, id_q(value, prefix, "unit")

    @strawberry_django.filter_field(description="按类别名称、单位名称搜索")
    @pure
    def search(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, search_q(value, prefix, ("category__name", "unit__name", "area__name"))


@strawberry_django.order_type(DispatchRule)
class DispatchRuleOrder:
    id: auto
    created_at: auto
    updated_at: auto
