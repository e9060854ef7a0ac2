"""Reads of the reports app: the dispatch catalogue and the KPIs (computed, never typed).

The KPIs take `reports`, whose steps and evaluations count: the caller passes what the user may see
(`policy_for(Report).visible(user)`), narrowed further if it likes. It enters each KPI's one
statement as a `report IN (subquery)` condition.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)

from backend.areas.models import Area
from backend.org.models import Unit
from backend.reports.models import (
    DispatchRule,
    DispatchStep,
    Report,
    ReportCategory,
    ReportEvaluation,
    Satisfaction,
    StepAction,
)

# 签收时限: a unit must sign for a dispatched item within this time to count as "in time" for
# 响应率. A constant for now; it becomes catalogue data with the workflow engine.
SIGN_LIMIT = timedelta(hours=2)


def dispatch_target(category: ReportCategory, area: Area) -> Unit | None:
    """The unit of the rule for `category` (or its parent category) on the most specific area
    among `area` and its ancestors. Deeper areas have larger codes than their ancestors."""
    ancestor_codes = [int(part.ljust(12, "0")) for part in area.path.strip("/").split("/")]
    categories = [category.pk, *([category.parent_id] if category.parent_id else [])]
    exact_first = Case(
        When(category_id=category.pk, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    rule = (
        DispatchRule.objects.filter(
            category_id__in=categories, area_id__in=ancestor_codes, unit__is_active=True
        )
        .select_related("unit")
        .order_by("-area_id", exact_first)
        .first()
    )
    return rule.unit if rule else None


@dataclass(frozen=True)
class Rate:
    numerator: int
    denominator: int

    @property
    def value(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None


def response_rates(start: datetime, end: datetime, *, reports: QuerySet[Report]) -> dict[int, Rate]:
    """响应率 per unit: items of `reports` dispatched or transferred to it in [start, end), and
    those signed within SIGN_LIMIT. One grouped query."""
    rows = (
        DispatchStep.objects.filter(
            report__in=reports,
            action__in=(StepAction.DISPATCH, StepAction.TRANSFER),
            entered_at__gte=start,
            entered_at__lt=end,
            to_unit__isnull=False,
        )
        .values("to_unit")
        .annotate(
            dispatched=Count("id"),
            in_time=Count("id", filter=Q(signed_at__lte=F("entered_at") + SIGN_LIMIT)),
        )
        .order_by("to_unit")
    )
    return {row["to_unit"]: Rate(row["in_time"], row["dispatched"]) for row in rows}


def _evaluations_by_unit(start: datetime, end: datetime, reports: QuerySet[Report]) -> QuerySet:
    """Evaluations of `reports` in [start, end) grouped by the unit whose feedback the resident
    judged."""
    handler = (
        DispatchStep.objects.filter(report=OuterRef("report"), action=StepAction.FEEDBACK)
        .order_by("-entered_at", "-id")
        .values("from_unit")[:1]
    )
    return (
        ReportEvaluation.objects.filter(
            report__in=reports, evaluated_at__gte=start, evaluated_at__lt=end
        )
        .annotate(unit=Subquery(handler))
        .exclude(unit__isnull=True)
        .values("unit")
        .order_by("unit")
    )


def resolution_rates(
    start: datetime, end: datetime, *, reports: QuerySet[Report]
) -> dict[int, Rate]:
    """解决率 per unit = solved ÷ evaluated. One grouped query."""
    rows = _evaluations_by_unit(start, end, reports).annotate(
        evaluated=Count("id"), solved=Count("id", filter=Q(solved=True))
    )
    return {row["unit"]: Rate(row["solved"], row["evaluated"]) for row in rows}


def satisfaction_rates(
    start: datetime, end: datetime, *, reports: QuerySet[Report]
) -> dict[int, Rate]:
    """满意率 per unit = (满意 + 基本满意) ÷ evaluated. One grouped query."""
    pleased = Q(satisfaction__in=(Satisfaction.SATISFIED, Satisfaction.BASICALLY))
    rows = _evaluations_by_unit(start, end, reports).annotate(
        evaluated=Count("id"), pleased=Count("id", filter=pleased)
    )
    return {row["unit"]: Rate(row["pleased"], row["evaluated"]) for row in rows}
