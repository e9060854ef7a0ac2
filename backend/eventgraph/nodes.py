"""An item of the graph as the matching rules see it: type, id, area, day, type group, position."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from backend.disputes.models import Dispute
from backend.eventgraph.groups import dispute_group, group_label, report_group
from backend.eventgraph.models import DISPUTE, REPORT
from backend.reports.models import Report

DISPUTE_FIELDS = ("pk", "area_id", "registered_on", "type__code", "scale__code")
REPORT_FIELDS = ("pk", "area_id", "registered_at", "category__code", "category__name")
POSITION = ("latitude", "longitude")


@dataclass(frozen=True)
class Node:
    type: str
    id: int
    area: int
    day: date
    group: str
    group_label: str
    lat: float | None = None
    lon: float | None = None
    scale: str = ""  # a dispute's 事件规模 code

    @property
    def ref(self) -> tuple[str, int]:
        return (self.type, self.id)

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None


def _degrees(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def dispute_node(row: dict[str, Any]) -> Node:
    group = dispute_group(row["type__code"])
    return Node(
        DISPUTE, row["pk"], row["area_id"], row["registered_on"], group, group_label(group),
        _degrees(row["latitude"]), _degrees(row["longitude"]), row["scale__code"],
    )  # fmt: skip


def report_node(row: dict[str, Any]) -> Node:
    group = report_group(row["category__code"])
    label = group_label(group, row["category__parent__name"] or row["category__name"])
    day = timezone.localdate(row["registered_at"])
    return Node(
        REPORT, row["pk"], row["area_id"], day, group, label,
        _degrees(row["latitude"]), _degrees(row["longitude"]),
    )  # fmt: skip


def dispute_rows(queryset: QuerySet[Dispute]) -> QuerySet:
    return queryset.values(*DISPUTE_FIELDS, *POSITION)


def report_rows(queryset: QuerySet[Report]) -> QuerySet:
    return queryset.values(*REPORT_FIELDS, "category__parent__name", *POSITION)


def nodes_of(disputes: Iterable[dict], reports: Iterable[dict]) -> Iterator[Node]:
    yield from (dispute_node(row) for row in disputes)
    yield from (report_node(row) for row in reports)


def load_node(object_type: str, object_id: int) -> Node | None:
    """The node of one stored item; None when it no longer exists."""
    if object_type == DISPUTE:
        found = list(dispute_rows(Dispute.objects.filter(pk=object_id)))
        return dispute_node(found[0]) if found else None
    found = list(report_rows(Report.objects.filter(pk=object_id)))
    return report_node(found[0]) if found else None


def day_start(day: date) -> datetime:
    """Local midnight opening `day`, for filtering reports by their registration time."""
    return timezone.make_aware(datetime.combine(day, time.min))


def report_day_range(first: date, last: date) -> tuple[datetime, datetime]:
    """[first 00:00, last+1 00:00) in local time: reports registered on days first..last."""
    return day_start(first), day_start(last + timedelta(days=1))
