"""Reads of subsidy cases: which are due for re-check (derived from recheck_on), counts per county.

The reads take `cases`, the rows to consider: the caller passes what the user may see
(`policy_for(SubsidyCase).visible(user)`), narrowed further if it likes (`.filter(within(area))`).
"""

from datetime import date
from typing import Any

from django.db.models import BigIntegerField, Count, ExpressionWrapper, F, QuerySet

from backend.areas.models import Area
from backend.assistance.models import SubsidyCase, SubsidyStatus

RECHECKABLE = (SubsidyStatus.PAYING, SubsidyStatus.SUSPENDED)
# Village codes are 12 digits; the first six are the county's (integer division keeps them).
COUNTY_OF_AREA = ExpressionWrapper(
    F("area_id") / 1_000_000 * 1_000_000, output_field=BigIntegerField()
)


def cases_due_for_recheck(*, cases: QuerySet[SubsidyCase], today: date) -> QuerySet[SubsidyCase]:
    due = cases.filter(status__in=RECHECKABLE, recheck_on__lte=today)
    return due.order_by("recheck_on", "number")


def case_counts_by_county(*, cases: QuerySet[SubsidyCase]) -> list[dict[str, Any]]:
    """Rows of county code and name, kind, status and count: one grouped query plus the names."""
    rows = list(
        cases.annotate(county=COUNTY_OF_AREA)
        .values("county", "kind", "status")
        .annotate(count=Count("id"))
        .order_by("county", "kind", "status")
    )
    names = dict(
        Area.objects.filter(code__in={row["county"] for row in rows}).values_list("code", "name")
    )
    return [{**row, "county_name": names.get(row["county"], "")} for row in rows]
