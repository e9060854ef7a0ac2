import strawberry
import strawberry_django
from django.db.models import Q, QuerySet
from django.utils import timezone
from strawberry import auto

from backend.disputes.models import Dispute
from schema.base.filters import id_q, search_q, within_q
from schema.base.kept import pure


@strawberry_django.filter_type(Dispute, lookups=True)
class DisputeFilter:
    id: auto
    number: auto
    status: auto
    source: auto
    method: auto
    success: auto
    registered_on: auto
    deadline: auto

    @strawberry_django.filter_field(description="化解组织（单位编号）")
    @pure
    def handling_unit(
        self, queryset: QuerySet, value: strawberry.ID, prefix: str
    ) -> tuple[QuerySet, Q]:
        return queryset, id_q(value, prefix, "handling_unit")

    @strawberry_django.filter_field(description="区划代码：该区划及其下级的纠纷")
    def area(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, within_q(value, prefix)

    @strawberry_django.filter_field(description="事件类型代码（一级两位或二级四位）")
    @pure
    def type_code(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, Q(**{f"{prefix}type__code__startswith": value.strip()[:4]})

    @strawberry_django.filter_field(description="逾期未办结（截至今天）")
    def overdue(self, queryset: QuerySet, value: bool, prefix: str) -> tuple[QuerySet, Q]:
        overdue = Q(**{f"{prefix}deadline__lt": timezone.localdate()}) & ~Q(
            **{f"{prefix}status": "closed"}
        )
        return queryset, overdue if value else ~overdue

    @strawberry_django.filter_field(description="按编号、事件名称、简述搜索，空格分隔多个词")
    @pure
    def search(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, search_q(value, prefix, ("number", "title", "summary", "address"))


@strawberry_django.order_type(Dispute)
class DisputeOrder:
    id: auto
    number: auto
    registered_on: auto
    occurred_on: auto
    deadline: auto
    status: auto
    people_count: auto
