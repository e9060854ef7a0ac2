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
from backend.disputes.tally import status_tally, tally_resolution, tally_statuses

COUNTY_WIDTH = 10**6  # a county's codes share their first six digits
TOWNSHIP_WIDTH = 10**3  # a township's codes share their first nine
FINISHED = Q(success__isnull=False)  # mediation ended: agreed (success) or failed


def disputes_within(area: Area | None) -> QuerySet[Dispute]:
    """All disputes in `area`'s subtree (every dispute for None); unrestricted by any policy."""
    disputes = Dispute.objects.all()
    return disputes.filter(within(area)) if area is not None else disputes


def _rate(resolved: int, finished: int) -> float | None:
    return round(resolved / finished, 4) if finished else None


def resolution_rate(*, disputes: QuerySet[Dispute]) -> dict:
    """化解率 = disputes resolved successfully ÷ disputes whose mediation has ended (the same
    figure as the dashboard's, from the same tally)."""
    return tally_resolution(status_tally(disputes=disputes))


def resolution_by_county(*, disputes: QuerySet[Dispute]) -> list[dict]:
    """The county ranking by 化解率 (see resolution_ranking), each row also keyed "county"."""
    return [{**row, "county": row["area"]} for row in resolution_ranking(disputes=disputes)]


def resolution_ranking(*, disputes: QuerySet[Dispute], width: int = COUNTY_WIDTH) -> list[dict]:
    """Per county (width COUNTY_WIDTH) or township (TOWNSHIP_WIDTH): all disputes, those whose
    mediation ended, those resolved, and the 化解率; best first. One grouped query plus one for
    the names. A dispute filed on a county itself ranks under the county's code."""
    code = ExpressionWrapper(F("area_id") / width * width, output_field=BigIntegerField())
    rows = list(
        disputes.order_by()  # a caller's ordering must not join the GROUP BY
        .annotate(code=code)
        .values("code")
        .annotate(
            total=Count("id"),
            finished=Count("id", filter=FINISHED),
            resolved=Count("id", filter=Q(success=True)),
        )
    )
    names = dict(
        Area.objects.filter(code__in=[r["code"] for r in rows]).values_list("code", "name")
    )
    ranking = [
        {
            "area": r["code"], "name": names.get(r["code"], ""), "total": r["total"],
            "finished": r["finished"], "resolved": r["resolved"],
            "rate": _rate(r["resolved"], r["finished"]),
        }
        for r in rows
    ]  # fmt: skip
    return sorted(ranking, key=lambda r: (-(r["rate"] or 0), r["area"]))


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


def status_distribution(*, disputes: QuerySet[Dispute]) -> list[dict]:
    """Every status in the order of the process, with its label and count (0 included)."""
    return tally_statuses(status_tally(disputes=disputes))


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
