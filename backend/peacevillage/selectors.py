"""Rankings of the assessments the caller may see: the divisions one level below an area (the
counties of the city, the townships of a county, the villages of a township), by average score,
then by the number of villages meeting all 六无, then by code."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Avg, BigIntegerField, Count, ExpressionWrapper, F, Q, QuerySet

from backend.areas.models import Area, Level
from backend.peacevillage.models import Assessment, AssessmentStatus

CHILD_WIDTH = {Level.CITY: 10**6, Level.COUNTY: 1000, Level.TOWNSHIP: 1, Level.VILLAGE: 1}


@dataclass(frozen=True)
class RankingRow:
    rank: int
    area_code: int
    area_name: str
    assessed: int
    qualified: int
    average_score: Decimal
    villages: int  # villages and communities under the division


def ranking(
    *, assessments: QuerySet[Assessment], area: Area, period: str, include_submitted: bool = False
) -> list[RankingRow]:
    low, high = area.subtree_range()
    width = CHILD_WIDTH[Level(area.level)]
    statuses = [AssessmentStatus.APPROVED]
    if include_submitted:
        statuses.append(AssessmentStatus.SUBMITTED)
    rows = list(
        assessments.filter(period=period, status__in=statuses, area_id__gte=low, area_id__lte=high)
        .annotate(child=_child("area_id", width))
        .order_by()
        .values("child")
        .annotate(n=Count("id"), ok=Count("id", filter=Q(qualified=True)), avg=Avg("score"))
    )
    names = dict(
        Area.objects.filter(code__in=[r["child"] for r in rows]).values_list("code", "name")
    )
    villages = _village_counts(low, high, width)
    rows.sort(key=lambda r: (-Decimal(r["avg"]), -r["ok"], r["child"]))
    return [
        RankingRow(
            rank,
            r["child"],
            names.get(r["child"], ""),
            r["n"],
            r["ok"],
            Decimal(r["avg"]).quantize(Decimal("0.1")),
            villages.get(r["child"], 0),
        )
        for rank, r in enumerate(rows, start=1)
    ]


def _child(field: str, width: int) -> ExpressionWrapper:
    """The code of the division one level down holding the row: integer division keeps it exact
    on every backend (MOD returns a float on SQLite)."""
    return ExpressionWrapper(F(field) / width * width, output_field=BigIntegerField())


def _village_counts(low: int, high: int, width: int) -> dict[int, int]:
    rows = (
        Area.objects.filter(level=Level.VILLAGE, code__gte=low, code__lte=high)
        .annotate(child=_child("code", width))
        .order_by()
        .values("child")
        .annotate(n=Count("code"))
    )
    return {row["child"]: row["n"] for row in rows}
