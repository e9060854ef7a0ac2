"""Links of items that share a key: the stored keys of repeated digests streamed in digest and day
order, each item linked to the PER_KIND items before it with the same digest."""

from itertools import groupby
from operator import itemgetter

from django.db.models import Count

from backend.eventgraph.models import EventLink, PartyKey
from backend.eventgraph.rules import PER_KIND, build_link, key_match

FLUSH = 5000


def shared_link() -> None:
    repeated = PartyKey.objects.order_by().values("digest").annotate(n=Count("id")).filter(n__gte=2)
    rows = (
        PartyKey.objects.filter(digest__in=repeated.values("digest"))
        .order_by("digest", "day", "object_type", "object_id")
        .values_list("digest", "kind", "object_type", "object_id", "area_id", "day")
        .iterator(chunk_size=FLUSH)
    )
    links: list[EventLink] = []
    for _digest, group in groupby(rows, key=itemgetter(0)):
        previous: list[tuple] = []
        for _, kind, object_type, object_id, area, day in group:
            for _, _, other_type, other_id, other_area, other_day in previous[-PER_KIND:]:
                links.append(
                    build_link(
                        (object_type, object_id),
                        (other_type, other_id),
                        key_match(kind),
                        (area, other_area),
                        (day, other_day),
                    )
                )
            previous = [*previous[-PER_KIND:], (None, None, object_type, object_id, area, day)]
        if len(links) >= FLUSH:
            EventLink.objects.bulk_create(links, ignore_conflicts=True)
            links = []
    EventLink.objects.bulk_create(links, ignore_conflicts=True)
