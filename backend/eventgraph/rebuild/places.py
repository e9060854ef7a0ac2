"""Place (same village) and type links, township by township: the township's items sorted by day,
each linked to the nearest PER_KIND earlier items of its village and of its type group that lie
within the window."""

from collections import deque
from collections.abc import Callable, Iterable
from datetime import date

from backend.areas.models import Area, Level
from backend.disputes.models import Dispute
from backend.eventgraph.models import EventLink
from backend.eventgraph.nodes import Node, day_start, dispute_rows, nodes_of, report_rows
from backend.eventgraph.rules import (
    PER_KIND,
    WINDOW_DAYS,
    Match,
    is_village,
    node_link,
    place_match,
    type_match,
)
from backend.reports.models import Report

Rule = Callable[[Node, Node], Match | None]


def places_link(since: date | None) -> None:
    for township in Area.objects.filter(level=Level.TOWNSHIP).values_list("code", flat=True):
        nodes = sorted(township_nodes(township, since), key=lambda node: (node.day, node.ref))
        villages = [node for node in nodes if is_village(node.area)]
        links = [
            *window_links(villages, lambda node: node.area, place_match),
            *window_links(nodes, lambda node: node.group, type_match),
        ]
        EventLink.objects.bulk_create(links, batch_size=2000, ignore_conflicts=True)


def township_nodes(township: int, since: date | None) -> Iterable[Node]:
    span = {"area_id__gte": township, "area_id__lte": township + 999}
    disputes = Dispute.objects.filter(**span)
    reports = Report.objects.filter(**span)
    if since is not None:
        disputes = disputes.filter(registered_on__gte=since)
        reports = reports.filter(registered_at__gte=day_start(since))
    return nodes_of(dispute_rows(disputes.order_by()), report_rows(reports.order_by()))


def window_links(
    nodes: list[Node], bucket: Callable[[Node], object], rule: Rule
) -> list[EventLink]:
    """`nodes` sorted by day; each is linked to the nearest PER_KIND earlier nodes of its bucket
    that `rule` accepts."""
    recent: dict[object, deque[Node]] = {}
    links = []
    for node in nodes:
        earlier = recent.setdefault(bucket(node), deque())
        while earlier and (node.day - earlier[0].day).days > WINDOW_DAYS:
            earlier.popleft()
        matched = 0
        for other in reversed(earlier):
            if matched == PER_KIND:
                break
            if (match := rule(node, other)) is not None:
                links.append(node_link(node, other, match))
                matched += 1
        earlier.append(node)
    return links
