"""Similar resolved disputes: BM25 over the title and summary of successfully resolved disputes.

Candidates are bounded before any text is read: the caller's queryset (what the user may see),
narrowed in SQL to resolved disputes (化解成功) of the same first-level type, newest first, at most
WINDOW of them. A mediator of 0902 宅基地 looks for 09 土地权属 precedents, and recent ones reflect
current policy; 5,000 rows keep the candidate query and the scoring in tens of milliseconds while
covering years of a county's records (肃宁县 registers a few thousand disputes a year, across all
types). Segmented text is cached per process by (id, updated_at), so a summary is segmented once,
not on every request."""

import re
from collections import Counter, OrderedDict
from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet

from backend.disputes.models import Dispute, DisputeParty
from backend.legal.bm25 import okapi_scores
from backend.legal.text import tokens

WINDOW = 5000
EXCERPT = 80
_CACHE_SIZE = 50_000
_cache: OrderedDict[int, tuple[datetime, Counter[str], int]] = OrderedDict()
_DIGITS = re.compile(r"\d{7,}")  # phone and ID numbers, whatever their format


@dataclass(frozen=True)
class SimilarDispute:
    id: int
    number: str
    title: str
    excerpt: str
    outcome: str
    score: float


def similar_disputes(
    *,
    candidates: QuerySet[Dispute],
    text: str,
    type_code: str,
    exclude: int | None = None,
    limit: int = 5,
) -> list[SimilarDispute]:
    rows = list(_window(candidates, type_code, exclude).values_list("pk", "updated_at"))
    counts = _counts(rows)
    scores = okapi_scores(tokens(text), [c for c, _ in counts], [n for _, n in counts])
    ranked = sorted(
        ((s, pk) for s, (pk, _) in zip(scores, rows, strict=True) if s > 0),
        key=lambda x: (-x[0], x[1]),
    )[: max(1, min(limit, 20))]
    return _described(dict((pk, s) for s, pk in ranked), [pk for _, pk in ranked])


def _window(
    candidates: QuerySet[Dispute], type_code: str, exclude: int | None
) -> QuerySet[Dispute]:
    found = candidates.filter(success=True, type__code__startswith=type_code.strip()[:2])
    if exclude is not None:
        found = found.exclude(pk=exclude)
    return found.order_by("-registered_on", "-id")[:WINDOW]


def _counts(rows: list[tuple[int, datetime]]) -> list[tuple[Counter[str], int]]:
    """Segmented title + summary per row, from the cache or segmented now (one query for misses)."""
    missing = [pk for pk, at in rows if _cache.get(pk, (None,))[0] != at]
    if missing:
        texts = Dispute.objects.filter(pk__in=missing).values_list(
            "pk", "updated_at", "title", "summary"
        )
        for pk, at, title, summary in texts:
            _remember(pk, at, tokens(f"{title} {summary}"))
    empty: Counter[str] = Counter()
    return [_cache[pk][1:] if pk in _cache else (empty, 0) for pk, _ in rows]


def _remember(pk: int, at: datetime, words: list[str]) -> None:
    _cache[pk] = (at, Counter(words), len(words))
    _cache.move_to_end(pk)
    while len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)


def _described(scores: dict[int, float], order: list[int]) -> list[SimilarDispute]:
    """The chosen disputes with party and responsible names masked (王五 → 王某) and long digit
    runs removed: the excerpt shows what happened, never who."""
    rows = {
        d.pk: d
        for d in Dispute.objects.filter(pk__in=order).only(
            "pk", "number", "title", "summary", "outcome", "responsible_name"
        )
    }
    names: dict[int, set[str]] = {pk: {rows[pk].responsible_name} for pk in rows}
    for dispute_id, name in DisputeParty.objects.filter(dispute_id__in=order).values_list(
        "dispute_id", "name"
    ):
        names[dispute_id].add(name)
    return [
        SimilarDispute(
            id=pk,
            number=rows[pk].number,
            title=_mask(rows[pk].title, names[pk]),
            excerpt=_mask(rows[pk].summary, names[pk])[:EXCERPT],
            outcome=_mask(rows[pk].outcome, names[pk])[:EXCERPT],
            score=round(scores[pk], 4),
        )
        for pk in order
        if pk in rows
    ]


def _mask(text: str, names: set[str]) -> str:
    for name in sorted((n for n in names if len(n) >= 2), key=len, reverse=True):
        text = text.replace(name, f"{name[0]}某")
    return _DIGITS.sub("***", text)
