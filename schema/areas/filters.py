import strawberry_django
from django.db.models import Q, QuerySet
from strawberry import auto

from backend.areas.models import Area
from schema.base.filters import id_q, search_q, within_q


@strawberry_django.filter_type(Area, lookups=True)
class AreaFilter:
    level: auto
    kind: auto

    @strawberry_django.filter_field(description="上级区划代码（12 位）：只列其直接下级")
    def parent(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, id_q(value, prefix, "parent")

    @strawberry_django.filter_field(description="区划代码：该区划及其全部下级")
    def area(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, within_q(value, prefix, "code")

    @strawberry_django.filter_field(description="按名称搜索，空格分隔多个词")
    def search(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, search_q(value, prefix, ("name",))


@strawberry_django.order_type(Area)
class AreaOrder:
    code: auto
    name: auto
    level: auto
