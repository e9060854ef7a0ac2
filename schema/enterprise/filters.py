import strawberry
import strawberry_django
from django.db.models import Q, QuerySet
from strawberry import auto

from backend.enterprise.models import Enterprise, EnterpriseProblem, ProblemAssignment
from schema.base.context import parse_id
from schema.base.filters import search_q, within_q


@strawberry_django.filter_type(Enterprise, lookups=True)
class EnterpriseFilter:
    id: auto
    name: auto
    credit_code: auto

    @strawberry_django.filter_field(description="区划代码：该区划及其下级的企业")
    def area(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, within_q(value, prefix)

    @strawberry_django.filter_field(description="企业类别代码（如 01）")
    def category_code(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, Q(**{f"{prefix}category__code": value.strip()})

    @strawberry_django.filter_field(description="按企业名称、统一社会信用代码、地址搜索")
    def search(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, search_q(value, prefix, ("name", "credit_code", "address"))


@strawberry_django.order_type(Enterprise)
class EnterpriseOrder:
    id: auto
    name: auto
    credit_code: auto
    created_at: auto


@strawberry_django.filter_type(EnterpriseProblem, lookups=True)
class EnterpriseProblemFilter:
    id: auto
    number: auto
    status: auto
    category: auto
    supervision_level: auto
    satisfaction: auto
    submitted_at: auto
    deadline: auto

    @strawberry_django.filter_field(description="区划代码：该区划及其下级的诉求")
    def area(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, within_q(value, prefix)

    @strawberry_django.filter_field(description="企业（企业编号）")
    def enterprise(
        self, queryset: QuerySet, value: strawberry.ID, prefix: str
    ) -> tuple[QuerySet, Q]:
        return queryset, Q(**{f"{prefix}enterprise_id": parse_id(value, "enterprise")})

    @strawberry_django.filter_field(description="包联领导（用户编号）")
    def leader(self, queryset: QuerySet, value: strawberry.ID, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, Q(**{f"{prefix}leader_id": parse_id(value, "leader")})

    @strawberry_django.filter_field(description="承办单位（单位编号）")
    def handling_unit(
        self, queryset: QuerySet, value: strawberry.ID, prefix: str
    ) -> tuple[QuerySet, Q]:
        unit = parse_id(value, "handling_unit")
        handled = ProblemAssignment.objects.filter(unit_id=unit).values("problem_id")
        return queryset, Q(**{f"{prefix}pk__in": handled})

    @strawberry_django.filter_field(description="按诉求编号、标题、问题描述、企业名称搜索")
    def search(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        fields = ("number", "title", "description", "enterprise__name")
        return queryset, search_q(value, prefix, fields)


@strawberry_django.order_type(EnterpriseProblem)
class EnterpriseProblemOrder:
    id: auto
    number: auto
    status: auto
    category: auto
    submitted_at: auto
    deadline: auto
    closed_at: auto
