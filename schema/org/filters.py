import strawberry
import strawberry_django
from django.db.models import Q, QuerySet
from strawberry import auto

from backend.org.models import Membership, Unit
from schema.base.filters import id_q, search_q, within_q


@strawberry_django.filter_type(Unit, lookups=True)
class UnitFilter:
    id: auto
    code: auto
    kind: auto
    is_active: auto

    @strawberry_django.filter_field(description="区划代码：管辖区划在该区划及其下级的单位")
    def area(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, within_q(value, prefix)

    @strawberry_django.filter_field(description="上级单位（单位编号）")
    def parent(self, queryset: QuerySet, value: strawberry.ID, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, id_q(value, prefix, "parent")

    @strawberry_django.filter_field(description="按名称、简称、单位编码搜索，空格分隔多个词")
    def search(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, search_q(value, prefix, ("name", "short_name", "code"))


@strawberry_django.order_type(Unit)
class UnitOrder:
    id: auto
    code: auto
    name: auto
    kind: auto


@strawberry_django.filter_type(Membership, lookups=True)
class MembershipFilter:
    id: auto

    @strawberry_django.filter_field(description="角色代码，如 county_centre")
    def role(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, Q(**{f"{prefix}role__name": f"role:{value.strip()}"})

    @strawberry_django.filter_field(description="区划代码：授权范围在该区划及其下级的授权")
    def area(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, within_q(value, prefix, "scope")

    @strawberry_django.filter_field(description="单位（单位编号）")
    def unit(self, queryset: QuerySet, value: strawberry.ID, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, id_q(value, prefix, "unit")

    @strawberry_django.filter_field(description="按账号、用户姓名搜索")
    def search(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, search_q(value, prefix, ("user__username", "user__full_name"))


@strawberry_django.order_type(Membership)
class MembershipOrder:
    id: auto
    created_at: auto
