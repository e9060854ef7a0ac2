"""The matching rules, as pure functions of two nodes: when two items are linked, how strongly,
why (in words that name no person), and under which division the link is filed."""

import math
from dataclasses import dataclass

from backend.eventgraph.models import EventLink, KeyKind, LinkKind
from backend.eventgraph.nodes import Node

WINDOW_DAYS = 30  # place and type links join items at most this many days apart
NEARBY_METRES = 500  # items with coordinates this close count as one place
PER_KIND = 20  # links made for one item per kind, nearest in time first (bounds hubs)
WEIGHTS: dict[str, float] = {
    LinkKind.PARTY: 1.0,
    LinkKind.PHONE: 0.8,
    LinkKind.PLACE: 0.5,
    LinkKind.TYPE: 0.3,
}
KEY_LINKS: dict[str, str] = {KeyKind.ID: LinkKind.PARTY, KeyKind.PHONE: LinkKind.PHONE}
KEY_REASONS: dict[str, str] = {
    KeyKind.ID: "同一当事人（证件号码一致）",
    KeyKind.PHONE: "同一联系电话",
}
EARTH_RADIUS_M = 6_371_000


@dataclass(frozen=True)
class Match:
    kind: str
    weight: float
    reason: str


def is_village(area: int) -> bool:
    return area % 1000 != 0


def township_of(area: int) -> int:
    return area - area % 1000


def common_area(first: int, second: int) -> int | None:
    """The smallest division holding both areas (codes are hierarchical): village, township,
    county or city; None above the city."""
    for width in (1, 1000, 10**6, 10**8):
        if first - first % width == second - second % width:
            return first - first % width
    return None


def metres(x: Node, y: Node) -> float:
    """Great-circle distance (haversine)."""
    assert x.lat is not None and x.lon is not None and y.lat is not None and y.lon is not None
    phi1, phi2 = math.radians(x.lat), math.radians(y.lat)
    dphi, dlam = phi2 - phi1, math.radians(y.lon - x.lon)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(h))


def days_apart(x: Node, y: Node) -> int:
    return abs((x.day - y.day).days)


def place_match(x: Node, y: Node) -> Match | None:
    """Same village (or community), or within NEARBY_METRES, at most WINDOW_DAYS apart."""
    gap = days_apart(x, y)
    if gap > WINDOW_DAYS:
        return None
    if x.area == y.area and is_village(x.area):
        return Match(LinkKind.PLACE, WEIGHTS[LinkKind.PLACE], f"同一村（社区），相隔{gap}天")
    if x.located and y.located and (distance := metres(x, y)) <= NEARBY_METRES:
        weight = WEIGHTS[LinkKind.PLACE] + 0.2 * (1 - distance / NEARBY_METRES)
        return Match(LinkKind.PLACE, round(weight, 3), f"相距约{distance:.0f}米，相隔{gap}天")
    return None


def type_match(x: Node, y: Node) -> Match | None:
    """Same type group in the same township, at most WINDOW_DAYS apart."""
    if x.group != y.group or township_of(x.area) != township_of(y.area):
        return None
    gap = days_apart(x, y)
    if gap > WINDOW_DAYS:
        return None
    reason = f"同一乡镇（街道）同类事项（{x.group_label}），相隔{gap}天"
    return Match(LinkKind.TYPE, WEIGHTS[LinkKind.TYPE], reason)


def key_match(key_kind: str) -> Match:
    kind = KEY_LINKS[key_kind]
    return Match(kind, WEIGHTS[kind], KEY_REASONS[key_kind])


def build_link(
    x: tuple[str, int], y: tuple[str, int], match: Match, areas: tuple[int, int], days: tuple
) -> EventLink:
    """The link row of a match, its ends in canonical order."""
    (a_type, a_id), (b_type, b_id) = sorted((x, y))
    return EventLink(
        kind=match.kind, a_type=a_type, a_id=a_id, b_type=b_type, b_id=b_id,
        area_id=common_area(*areas), weight=match.weight, reason=match.reason[:200],
        day=max(days),
    )  # fmt: skip


def node_link(x: Node, y: Node, match: Match) -> EventLink:
    return build_link(x.ref, y.ref, match, (x.area, y.area), (x.day, y.day))
