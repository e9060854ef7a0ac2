"""Indexing one item after it was written: its keys, then its links to every stored item that
matches a rule (nearest PER_KIND per kind), stored as a difference so unchanged links keep their
rows. Idempotent: running it twice leaves the same rows."""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q, QuerySet

from backend.eventgraph.candidates import key_candidates, near_candidates
from backend.eventgraph.indexing import item_keys, keys_store
from backend.eventgraph.keys import Key
from backend.eventgraph.models import EventLink, PartyKey
from backend.eventgraph.nodes import Node, load_node
from backend.eventgraph.rules import (
    PER_KIND,
    build_link,
    days_apart,
    key_match,
    node_link,
    place_match,
    type_match,
)

LinkId = tuple[str, str, int, str, int]


def item_index(*, object_type: str, object_id: int) -> int:
    """(Re)index one item; the number of links it has afterwards (0 when it no longer exists)."""
    with transaction.atomic():
        node = load_node(object_type, object_id)
        if node is None:
            item_forget(object_type=object_type, object_id=object_id)
            return 0
        keys = item_keys(node)
        keys_store(node, keys)
        return links_store(node, wanted_links(node, keys))


def item_forget(*, object_type: str, object_id: int) -> None:
    PartyKey.objects.filter(object_type=object_type, object_id=object_id).delete()
    _links_of(object_type, object_id).delete()


def wanted_links(node: Node, keys: set[Key]) -> list[EventLink]:
    found: list[tuple[int, EventLink]] = []
    for row in key_candidates(node, {key.digest for key in keys}):
        other, gap = (row["object_type"], row["object_id"]), abs((node.day - row["day"]).days)
        link = build_link(
            node.ref,
            other,
            key_match(row["kind"]),
            (node.area, row["area_id"]),
            (node.day, row["day"]),
        )
        found.append((gap, link))
    for other_node in near_candidates(node):
        for match in (place_match(node, other_node), type_match(node, other_node)):
            if match is not None:
                found.append((days_apart(node, other_node), node_link(node, other_node, match)))
    return nearest_per_kind(found)


def nearest_per_kind(found: Iterable[tuple[int, EventLink]]) -> list[EventLink]:
    """One link per pair and kind; per kind the PER_KIND nearest in time."""
    kept: dict[LinkId, EventLink] = {}
    per_kind: dict[str, int] = {}
    for _gap, link in sorted(found, key=lambda item: (item[0], -item[1].day.toordinal())):
        if link_id(link) in kept or per_kind.get(link.kind, 0) >= PER_KIND:
            continue
        kept[link_id(link)] = link
        per_kind[link.kind] = per_kind.get(link.kind, 0) + 1
    return list(kept.values())


def link_id(link: EventLink) -> LinkId:
    return (link.kind, link.a_type, link.a_id, link.b_type, link.b_id)


def _content(link: EventLink) -> tuple:
    return (link.area_id, round(link.weight, 6), link.reason, link.day)


def links_store(node: Node, wanted: list[EventLink]) -> int:
    stored = {link_id(link): link for link in _links_of(node.type, node.id)}
    target = {link_id(link): link for link in wanted}
    stale = [
        link.pk
        for key, link in stored.items()
        if key not in target or _content(target[key]) != _content(link)
    ]
    EventLink.objects.filter(pk__in=stale).delete()
    fresh = [link for key, link in target.items() if key not in stored or stored[key].pk in stale]
    EventLink.objects.bulk_create(fresh, ignore_conflicts=True)
    return len(target)


def _links_of(object_type: str, object_id: int) -> QuerySet[EventLink]:
    return EventLink.objects.filter(
        Q(a_type=object_type, a_id=object_id) | Q(b_type=object_type, b_id=object_id)
    )
