import strawberry
import strawberry_django
from django.db.models import Q, QuerySet
from strawberry import auto

from backend.teams.models import TeamMember
from schema.base.filters import id_q, search_q, within_q


@strawberry_django.filter_type(TeamMember, lookups=True)
class TeamMemberFilter:
    id: auto
    team_kind: auto
    is_mediator: auto
    active: auto

    @strawberry_django.filter_field(description="所在单位（单位编号）")
    def unit(self, queryset: QuerySet, value: strawberry.ID, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, id_q(value, prefix, "unit")

    @strawberry_django.filter_field(description="区划代码：服务该区划及其下级的成员")
    def area(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, within_q(value, prefix)

    # The phone number is personal information: never searchable.
    @strawberry_django.filter_field(description="按姓名、职务搜索，空格分隔多个词")
    def search(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, search_q(value, prefix, ("name", "title"))


@strawberry_django.order_type(TeamMember)
class TeamMemberOrder:
    id: auto
    name: auto
    team_kind: auto
    created_at: auto
