import strawberry
import strawberry_django
from django.db.models import Q, QuerySet
from django.utils import timezone
from strawberry import auto

from backend.creation.models import DONE_STATUSES, CreationTask, Guideline, TaskCoUnit
from schema.base.context import parse_id
from schema.base.filters import search_q, within_q


@strawberry_django.filter_type(CreationTask, lookups=True)
class CreationTaskFilter:
    id: auto
    code: auto
    status: auto
    dimension: auto
    deadline: auto
    progress: auto

    @strawberry_django.filter_field(description="牵头单位（单位编号）")
    def lead_unit(
        self, queryset: QuerySet, value: strawberry.ID, prefix: str
    ) -> tuple[QuerySet, Q]:
        return queryset, Q(**{f"{prefix}lead_unit_id": parse_id(value, "lead_unit")})

    @strawberry_django.filter_field(description="责任单位（牵头或协办，单位编号）")
    def unit(self, queryset: QuerySet, value: strawberry.ID, prefix: str) -> tuple[QuerySet, Q]:
        unit = parse_id(value, "unit")
        co_led = TaskCoUnit.objects.filter(unit_id=unit).values("task_id")
        return queryset, Q(**{f"{prefix}lead_unit_id": unit}) | Q(**{f"{prefix}pk__in": co_led})

    @strawberry_django.filter_field(description="区划代码：该区划及其下级的任务")
    def area(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, within_q(value, prefix)

    @strawberry_django.filter_field(description="来源文件（工作指引编号）")
    def guideline(
        self, queryset: QuerySet, value: strawberry.ID, prefix: str
    ) -> tuple[QuerySet, Q]:
        return queryset, Q(**{f"{prefix}guideline_id": parse_id(value, "guideline")})

    @strawberry_django.filter_field(description="逾期：超过完成时限且未完成（截至今天）")
    def overdue(self, queryset: QuerySet, value: bool, prefix: str) -> tuple[QuerySet, Q]:
        overdue = Q(**{f"{prefix}deadline__lt": timezone.localdate()}) & ~Q(
            **{f"{prefix}status__in": DONE_STATUSES}
        )
        return queryset, overdue if value else ~overdue

    @strawberry_django.filter_field(
        description="按任务编号、任务名称、目标要求搜索，空格分隔多个词"
    )
    def search(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, search_q(value, prefix, ("code", "title", "target"))


@strawberry_django.order_type(CreationTask)
class CreationTaskOrder:
    id: auto
    code: auto
    dimension: auto
    deadline: auto
    status: auto
    progress: auto
    weight: auto
    created_at: auto


@strawberry_django.filter_type(Guideline, lookups=True)
class GuidelineFilter:
    id: auto
    code: auto
    level: auto
    issued_on: auto

    @strawberry_django.filter_field(description="按文件编号、文件名称、印发单位搜索")
    def search(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, search_q(value, prefix, ("code", "title", "issuer"))


@strawberry_django.order_type(Guideline)
class GuidelineOrder:
    id: auto
    code: auto
    level: auto
    issued_on: auto
