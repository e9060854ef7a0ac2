"""Repeated parties: ID numbers and phone numbers (by their keyed digests) that occur in at least
`min_items` items the caller may see within an area — shown by their masked label and counts."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F, Max, Min, Q, QuerySet, Window
from django.db.models.functions import RowNumber

from backend.eventgraph.models import DISPUTE, REPORT, KeyKind, PartyKey
from backend.eventgraph.selectors.items import ItemView, Visible, item_views, visible_keys_q

EXAMPLES = 5  # items shown per repeated party


@dataclass(frozen=True)
class RepeatedParty:
    kind: str
    kind_label: str
    label: str  # masked: 130926********1234, 138****5678
    items: int
    disputes: int
    reports: int
    first_day: date
    last_day: date
    examples: list[ItemView]


def repeated_parties(
    *, visible: Visible, low: int, high: int, min_items: int = 2, limit: int = 50
) -> list[RepeatedParty]:
    keys = PartyKey.objects.filter(area_id__gte=low, area_id__lte=high).filter(
        visible_keys_q(visible)
    )
    groups = list(
        keys.order_by()
        .values("digest", "kind")
        .annotate(
            items=Count("id"),
            disputes=Count("id", filter=Q(object_type=DISPUTE)),
            reports=Count("id", filter=Q(object_type=REPORT)),
            label=Max("label"),
            first_day=Min("day"),
            last_day=Max("day"),
        )
        .filter(items__gte=max(min_items, 2))
        .order_by("-items", "-last_day", "digest")[:limit]
    )
    examples = _examples(keys, [group["digest"] for group in groups], visible)
    labels = dict(KeyKind.choices)
    return [
        RepeatedParty(
            g["kind"],
            str(labels[g["kind"]]),
            g["label"],
            g["items"],
            g["disputes"],
            g["reports"],
            g["first_day"],
            g["last_day"],
            examples.get(g["digest"], []),
        )
        for g in groups
    ]


def _examples(
    keys: QuerySet[PartyKey], digests: list[str], visible: Visible
) -> dict[str, list[ItemView]]:
    """The newest EXAMPLES items of each digest (a window function: bounded, however many)."""
    newest = Window(RowNumber(), partition_by=F("digest"), order_by=[F("day").desc(), F("pk")])
    rows = keys.filter(digest__in=digests).annotate(rank=newest).filter(rank__lte=EXAMPLES)
    by_digest: dict[str, list[tuple[str, int]]] = {}
    for digest, object_type, object_id in rows.order_by("digest", "rank").values_list(
        "digest", "object_type", "object_id"
    ):
        by_digest.setdefault(digest, []).append((object_type, object_id))
    views = item_views({ref for refs in by_digest.values() for ref in refs}, visible)
    return {d: [views[r] for r in refs if r in views] for d, refs in by_digest.items()}
