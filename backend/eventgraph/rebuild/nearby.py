"""Nearby links across divisions: located items streamed in latitude order through a grid of
cells one NEARBY_METRES wide, each compared only with the items of its own and adjacent cells
already seen; cells that fall more than one row behind are dropped, so memory holds a band."""

import heapq
import math
from collections.abc import Iterator
from datetime import date

from backend.disputes.models import Dispute
from backend.eventgraph.models import EventLink
from backend.eventgraph.nodes import (
    Node,
    day_start,
    dispute_node,
    dispute_rows,
    report_node,
    report_rows,
)
from backend.eventgraph.rules import NEARBY_METRES, PER_KIND, days_apart, node_link, place_match
from backend.reports.models import Report

CELL_LAT = NEARBY_METRES / 111_000
CELL_LON = CELL_LAT / math.cos(math.radians(60))  # wide enough for any latitude below 60°
FLUSH = 5000

Cell = tuple[int, int]


def nearby_link(since: date | None) -> None:
    grid: dict[Cell, list[Node]] = {}
    links: list[EventLink] = []
    current = None
    for node in located_nodes(since):
        row, column = _cell(node)
        if row != current:  # a new row of cells: forget the rows no later item can reach
            grid = {cell: nodes for cell, nodes in grid.items() if cell[0] >= row - 1}
            current = row
        links += _links(node, _neighbours(grid, row, column))
        grid.setdefault((row, column), []).append(node)
        if len(links) >= FLUSH:
            EventLink.objects.bulk_create(links, ignore_conflicts=True)
            links = []
    EventLink.objects.bulk_create(links, ignore_conflicts=True)


def located_nodes(since: date | None) -> Iterator[Node]:
    disputes = Dispute.objects.filter(latitude__isnull=False, longitude__isnull=False)
    reports = Report.objects.filter(latitude__isnull=False, longitude__isnull=False)
    if since is not None:
        disputes = disputes.filter(registered_on__gte=since)
        reports = reports.filter(registered_at__gte=day_start(since))
    streams = (
        map(dispute_node, dispute_rows(disputes.order_by("latitude", "pk")).iterator(2000)),
        map(report_node, report_rows(reports.order_by("latitude", "pk")).iterator(2000)),
    )
    return heapq.merge(*streams, key=lambda node: node.lat or 0.0)


def _cell(node: Node) -> Cell:
    assert node.lat is not None and node.lon is not None
    return math.floor(node.lat / CELL_LAT), math.floor(node.lon / CELL_LON)


def _neighbours(grid: dict[Cell, list[Node]], row: int, column: int) -> Iterator[Node]:
    for r in (row - 1, row):
        for c in (column - 1, column, column + 1):
            yield from grid.get((r, c), ())


def _links(node: Node, seen: Iterator[Node]) -> list[EventLink]:
    found = [(days_apart(node, other), other) for other in seen]
    links: list[EventLink] = []
    for _gap, other in sorted(found, key=lambda item: item[0]):
        if len(links) == PER_KIND:
            break
        if (match := place_match(node, other)) is not None:
            links.append(node_link(node, other, match))
    return links
