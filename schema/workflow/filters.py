import strawberry
import strawberry_django
from django.db.models import Q, QuerySet
from strawberry import auto

from backend.workflow.models import Supervision
from schema.base.filters import id_q, within_q


@strawberry_django.filter_type(Supervision, lookups=True)
class SupervisionFilter:
    id: auto
    process: auto
    object_type: auto
    level: auto
    measure: auto
    status: auto
    created_at: auto

    @strawberry_django.filter_field(description="区划代码：该区划及其下级")
    def area(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, within_q(value, prefix)

    @strawberry_django.filter_field(description="被督办单位（单位编号）")
    def unit(self, queryset: QuerySet, value: strawberry.ID, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, id_q(value, prefix, "unit")


@strawberry_django.order_type(Supervision)
class SupervisionOrder:
    id: auto
    created_at: auto
    level: auto
    status: auto
