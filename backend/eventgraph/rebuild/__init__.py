"""Bulk (re)indexing, e.g. after the demo loader inserted rows without signals: keys batch by
batch, then links township by township, along a latitude-sorted stream for nearby items, and
along digest-sorted keys for shared parties. Memory stays bounded by one batch, one township or a
band of the coordinate grid, whatever the number of items."""

from collections.abc import Callable
from datetime import date

from backend.eventgraph.models import EventLink, PartyKey
from backend.eventgraph.rebuild.keys import keys_index
from backend.eventgraph.rebuild.nearby import nearby_link
from backend.eventgraph.rebuild.places import places_link
from backend.eventgraph.rebuild.shared import shared_link


def graph_rebuild(
    *, since: date | None = None, clear: bool = True, log: Callable[[str], None] = print
) -> dict[str, int]:
    """Index every report and dispute registered on or after `since` (all when None). `clear`
    first removes the whole graph; without it only missing rows are added. Returns rows added."""
    if clear:
        PartyKey.objects.all().delete()
        EventLink.objects.all().delete()
    before = (PartyKey.objects.count(), EventLink.objects.count())
    keys_index(since)
    log("  事件图谱：当事人索引完成")
    places_link(since)
    nearby_link(since)
    shared_link()
    after = (PartyKey.objects.count(), EventLink.objects.count())
    return {
        "eventgraph.partykey": after[0] - before[0],
        "eventgraph.eventlink": after[1] - before[1],
    }
