import strawberry
import strawberry_django
from django.db.models import Q, QuerySet
from strawberry import auto

from backend.peacevillage.models import Assessment, VillageSponsor
from schema.base.filters import id_q, within_q


@strawberry_django.filter_type(Assessment, lookups=True)
class PeaceVillageAssessmentFilter:
    id: auto
    period: auto
    status: auto
    qualified: auto
    score: auto

    @strawberry_django.filter_field(description="区划代码：该区划下的村（社区）")
    def area(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, within_q(value, prefix)

    @strawberry_django.filter_field(description="包联单位（单位编号）")
    def sponsor(self, queryset: QuerySet, value: strawberry.ID, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, id_q(value, prefix, "sponsor")


@strawberry_django.order_type(Assessment)
class PeaceVillageAssessmentOrder:
    id: auto
    period: auto
    score: auto
    status: auto
    area: auto
    created_at: auto


@strawberry_django.filter_type(VillageSponsor, lookups=True)
class VillageSponsorFilter:
    id: auto
    start_on: auto
    end_on: auto

    @strawberry_django.filter_field(description="区划代码：该区划下的村（社区）")
    def area(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, within_q(value, prefix)

    @strawberry_django.filter_field(description="包联单位（单位编号）")
    def unit(self, queryset: QuerySet, value: strawberry.ID, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, id_q(value, prefix, "unit")


@strawberry_django.order_type(VillageSponsor)
class VillageSponsorOrder:
    id: auto
    area: auto
    start_on: auto
