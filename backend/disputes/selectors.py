"""Reads of disputes that lists and analytics (化解率 ranking, distributions) build on.

Each read takes `disputes`, the rows to count: the caller passes what the user may see
(`policy_for(Dispute).visible(user)`), narrowed further if it likes (`.filter(within(area))`).
A filtered queryset stays a WHERE clause or a subquery, so each aggregate is still one statement.
"""

from collections import Counter
from datetime import date

from django.db.models import BigIntegerField, Count, ExpressionWrapper, F, Q, QuerySet
from django.db.models.functions import Coalesce

from backend.areas.models import Area
from backend.areas.selectors import within
from backend.disputes.categories import moj_category
from backend.disputes.models import Dispute
from backend.disputes.models.choices import OPEN_STATUSES

COUNTY_WIDTH = 10**6  # a county's codes share their first six digits
FINISHED = Q(success__isnull=False)  # mediation ended: agreed (success) or failed


def disputes_within(area: Area | None) -> QuerySet[Dispute]:
    """All disputes in `area`'s subtree (every dispute for None); unrestricted by any policy."""
    disputes = Dispute.objects.all()
    return disputes.filter(within(area)) if area is not None else disputes


def _rate(resolved: int, finished: int) -> float | None:
    return round(resolved / finished, 4) if finished else None


def resolution_rate(*, disputes: QuerySet[Dispute]) -> dict:
    """化解率 = disputes resolved successfully ÷ disputes whose mediation has ended."""
    totals = disputes.aggregate(
        finished=Count("id", filter=FINISHED), resolved=Count("id", filter=Q(success=True))
    )
    return {**totals, "rate": _rate(totals["resolved"], totals["finished"])}


def resolution_by_county(*, disputes: QuerySet[Dispute]) -> list[dict]:
    """The county ranking by 化解率, best first: one grouped query plus one for the names."""
    county = ExpressionWrapper(
        F("area_id") / COUNTY_WIDTH * COUNTY_WIDTH, output_field=BigIntegerField()
    )
    rows = list(
        disputes.filter(FINISHED)
        .order_by()  # a caller's ordering must not join the GROUP BY
        .annotate(county=county)
        .values("county")
        .annotate(finished=Count("id"), resolved=Count("id", filter=Q(success=True)))
    )
    names = dict(
        Area.objects.filter(code__in=[r["county"] for r in rows]).values_list("code", "name")
    )
    ranking = [
        {**r, "name": names.get(r["county"], ""), "rate": _rate(r["resolved"], r["finished"])}
        for r in rows
    ]
    return sorted(ranking, key=lambda r: (-(r["rate"] or 0), r["county"]))


def counts_by_type(*, disputes: QuerySet[Dispute], first_level: bool = True) -> list[dict]:
    """Disputes per 事件类型 (first level by default: 0902 counts under 09), most frequent first."""
    code: Coalesce | F
    name: Coalesce | F
    if first_level:
        code, name = (
            Coalesce("type__parent__code", "type__code"),
            Coalesce("type__parent__name", "type__name"),
        )
    else:
        code, name = F("type__code"), F("type__name")
    rows = (
        disputes.values(code=code, name=name).annotate(count=Count("id")).order_by("-count", "code")
    )
    return [dict(row) for row in rows]


def counts_by_status(*, disputes: QuerySet[Dispute]) -> dict[str, int]:
    rows = disputes.values_list("status").annotate(count=Count("id")).order_by()
    return dict(rows)


def counts_by_moj_category(*, disputes: QuerySet[Dispute]) -> dict[str, int]:
    """Disputes per Ministry of Justice statistics category (grouped by code in SQL, folded here)."""
    totals: Counter[str] = Counter()
    for code, count in disputes.values_list("type__code").annotate(count=Count("id")).order_by():
        totals[moj_category(code).value] += count
    return dict(totals)


def counts_by_cause(*, disputes: QuerySet[Dispute]) -> list[dict]:
    rows = (
        disputes.filter(causes__isnull=False)
        .values(code=F("causes__code"), name=F("causes__name"))
        .annotate(count=Count("id"))
        .order_by("-count", "code")
    )
    return [dict(row) for row in rows]


def overdue_disputes(*, disputes: QuerySet[Dispute], today: date) -> QuerySet[Dispute]:
    """Open disputes past their deadline (the 督办 candidates)."""
    return disputes.filter(status__in=OPEN_STATUSES, deadline__lt=today)
