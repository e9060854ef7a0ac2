"""The stored items an item may link to, found by indexed lookups (never a scan): its keys'
digests, its village, its township's items of the same type group, and a box around its
coordinates — each within the time window where the rule has one."""

import math
from datetime import timedelta

from django.db.models import Q

from backend.disputes.models import Dispute
from backend.eventgraph.groups import report_codes_of
from backend.eventgraph.models import DISPUTE, REPORT, PartyKey
from backend.eventgraph.nodes import Node, dispute_rows, nodes_of, report_day_range, report_rows
from backend.eventgraph.rules import NEARBY_METRES, WINDOW_DAYS, is_village, township_of
from backend.reports.models import Report, ReportCategory

MAX_ROWS = 500  # candidates read per query; the rules keep the nearest PER_KIND of them
KEY_ROWS = 400
METRES_PER_DEGREE = 111_000


def key_candidates(node: Node, digests: set[str]) -> list[dict]:
    """Other items' PartyKey rows sharing one of `digests`, newest first."""
    if not digests:
        return []
    rows = PartyKey.objects.filter(digest__in=digests).exclude(
        object_type=node.type, object_id=node.id
    )
    fields = ("object_type", "object_id", "kind", "area_id", "day")
    return list(rows.order_by("-day").values(*fields)[:KEY_ROWS])


def near_candidates(node: Node) -> list[Node]:
    """Items in the window that share the village, the township and group, or the box."""
    first, last = node.day - timedelta(days=WINDOW_DAYS), node.day + timedelta(days=WINDOW_DAYS)
    disputes = Dispute.objects.filter(registered_on__range=(first, last))
    disputes = disputes.filter(_where(node, _dispute_group_q(node.group)))
    start, end = report_day_range(first, last)
    reports = Report.objects.filter(registered_at__gte=start, registered_at__lt=end)
    reports = reports.filter(_where(node, Q(category__code__in=_report_codes(node.group))))
    if node.type == DISPUTE:
        disputes = disputes.exclude(pk=node.id)
    if node.type == REPORT:
        reports = reports.exclude(pk=node.id)
    return list(nodes_of(dispute_rows(disputes)[:MAX_ROWS], report_rows(reports)[:MAX_ROWS]))


def _where(node: Node, same_group: Q) -> Q:
    township = township_of(node.area)
    condition = Q(area_id__gte=township, area_id__lte=township + 999) & same_group
    if is_village(node.area):
        condition |= Q(area_id=node.area)
    if node.located:
        assert node.lat is not None and node.lon is not None
        condition |= _box(node.lat, node.lon)
    return condition


def _box(lat: float, lon: float) -> Q:
    dlat = NEARBY_METRES / METRES_PER_DEGREE
    dlon = dlat / max(0.1, math.cos(math.radians(lat)))
    return Q(
        latitude__gte=round(lat - dlat, 6), latitude__lte=round(lat + dlat, 6),
        longitude__gte=round(lon - dlon, 6), longitude__lte=round(lon + dlon, 6),
    )  # fmt: skip


def _dispute_group_q(group: str) -> Q:
    """Disputes only form "T" groups (their first-level 事件类型)."""
    return Q(type__code__startswith=group[1:]) if group.startswith("T") else Q(pk__in=[])


def _report_codes(group: str) -> list[str]:
    return report_codes_of(group, list(ReportCategory.objects.values_list("code", flat=True)))
