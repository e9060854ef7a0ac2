"""The neighbourhood of an item: its links and, at depth 2, its neighbours' links — strongest
first and at most MAX_NODES items — reduced to what the caller may see. An item hidden from the
caller is left out together with everything reached only through it."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q

from backend.eventgraph.models import EventLink, LinkKind
from backend.eventgraph.selectors.items import ItemView, Ref, Visible, item_views

MAX_NODES = 60
MAX_LINKS = 300  # read per level
LINK_FIELDS = ("kind", "a_type", "a_id", "b_type", "b_id", "weight", "reason", "day")


@dataclass(frozen=True)
class GraphNode:
    item: ItemView
    depth: int


@dataclass(frozen=True)
class Edge:
    source: Ref
    target: Ref
    kind: str
    kind_label: str
    weight: float
    reason: str


@dataclass(frozen=True)
class Graph:
    nodes: list[GraphNode]
    edges: list[Edge]


def neighbourhood(*, root: Ref, depth: int, visible: Visible) -> Graph | None:
    """None when the caller may not see `root` (or it does not exist)."""
    depth = min(max(depth, 1), 2)
    levels: dict[Ref, int] = {root: 0}
    edges: dict[tuple, Edge] = {}
    frontier = {root}
    for level in range(1, depth + 1):
        found = set()
        for edge in _edges(frontier):
            edges[(edge.kind, edge.source, edge.target)] = edge
            for end in (edge.source, edge.target):
                if end not in levels and len(levels) < MAX_NODES:
                    levels[end] = level
                    found.add(end)
        frontier = found
    views = item_views(levels, visible)
    if root not in views:
        return None
    reached = _reachable(root, list(edges.values()), set(views), depth)
    order = sorted(reached, key=lambda ref: (reached[ref], ref))
    nodes = [GraphNode(views[ref], reached[ref]) for ref in order]
    kept = [e for e in edges.values() if e.source in reached and e.target in reached]
    return Graph(nodes=nodes, edges=kept)


def _edges(frontier: Iterable[Ref]) -> list[Edge]:
    ids: dict[str, list[int]] = {}
    for object_type, object_id in frontier:
        ids.setdefault(object_type, []).append(object_id)
    condition = Q(pk__in=[])
    for object_type, values in ids.items():
        condition |= Q(a_type=object_type, a_id__in=values) | Q(b_type=object_type, b_id__in=values)
    rows = EventLink.objects.filter(condition).order_by("-weight", "-day", "pk")
    labels = dict(LinkKind.choices)
    return [
        Edge(
            (r["a_type"], r["a_id"]),
            (r["b_type"], r["b_id"]),
            r["kind"],
            str(labels[r["kind"]]),
            r["weight"],
            r["reason"],
        )
        for r in rows.values(*LINK_FIELDS)[:MAX_LINKS]
    ]


def _reachable(root: Ref, edges: list[Edge], allowed: set[Ref], depth: int) -> dict[Ref, int]:
    """Breadth-first from `root` over edges between allowed items, up to `depth` steps."""
    reached, frontier = {root: 0}, {root}
    for step in range(1, depth + 1):
        following = set()
        for edge in edges:
            for here, there in ((edge.source, edge.target), (edge.target, edge.source)):
                if here in frontier and there in allowed and there not in reached:
                    reached[there] = step
                    following.add(there)
        frontier = following
    return reached
