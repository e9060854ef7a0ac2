"""Reads of the engine's records for assessments: issued supervisions per unit and period."""

from collections import defaultdict
from datetime import datetime

from django.db.models import Count, QuerySet

from backend.workflow.models import Supervision, SupervisionStatus

# What one issued supervision costs a unit in its assessment (点 deducted), by level.
DEDUCTION = {"ordinary": 1, "yellow": 3, "red": 5}


def supervision_tally(
    start: datetime, end: datetime, *, supervisions: QuerySet[Supervision]
) -> dict[int, dict[str, int]]:
    """Per supervised unit: issued supervisions in [start, end) by level, and the deduction.
    `supervisions` is what the caller may see (the policy's queryset). One grouped query."""
    rows = (
        supervisions.filter(
            status=SupervisionStatus.ISSUED,
            decided_at__gte=start,
            decided_at__lt=end,
            unit__isnull=False,
        )
        .values("unit_id", "level")
        .annotate(n=Count("id"))
        .order_by()
    )
    tally: dict[int, dict[str, int]] = defaultdict(
        lambda: {**dict.fromkeys(DEDUCTION, 0), "deduction": 0}
    )
    for row in rows:
        unit = tally[row["unit_id"]]
        unit[row["level"]] += row["n"]
        unit["deduction"] += row["n"] * DEDUCTION[row["level"]]
    return dict(tally)
