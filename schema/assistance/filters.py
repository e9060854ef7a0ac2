import strawberry_django
from django.db.models import Q, QuerySet
from django.utils import timezone
from strawberry import auto

from backend.assistance.models import SubsidyCase
from backend.assistance.selectors import RECHECKABLE
from schema.base.filters import search_q, within_q


@strawberry_django.filter_type(SubsidyCase, lookups=True)
class SubsidyCaseFilter:
    """No filter on the applicant's name or ID number: a filter answers "is this person a
    recipient?" even when every value in the answer is masked."""

    id: auto
    number: auto
    kind: auto
    status: auto
    applied_on: auto
    approved_on: auto
    recheck_on: auto

    @strawberry_django.filter_field(description="区划代码：该区划及其下级的案件")
    def area(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, within_q(value, prefix)

    @strawberry_django.filter_field(description="到期待复核：发放中或已暂停且复核日期不晚于今天")
    def recheck_due(self, queryset: QuerySet, value: bool, prefix: str) -> tuple[QuerySet, Q]:
        due = Q(**{f"{prefix}status__in": RECHECKABLE}) & Q(
            **{f"{prefix}recheck_on__lte": timezone.localdate()}
        )
        return queryset, due if value else ~due

    @strawberry_django.filter_field(description="按案件编号搜索（不支持按姓名或证件号码搜索）")
    def search(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, search_q(value, prefix, ("number",))


@strawberry_django.order_type(SubsidyCase)
class SubsidyCaseOrder:
    id: auto
    number: auto
    kind: auto
    status: auto
    applied_on: auto
    approved_on: auto
    recheck_on: auto
