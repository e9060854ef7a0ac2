"""Provisions for a dispute description: BM25F over the corpus, times the dispute-type prior,
times the mediators' feedback factor."""

from collections.abc import Mapping
from dataclasses import dataclass

from backend.legal.corpus import Provision, provision_index, provisions
from backend.legal.text import tokens
from backend.legal.topics import prior, topics_for, type_names

MAX_LIMIT = 20


@dataclass(frozen=True)
class ScoredProvision:
    provision: Provision
    score: float


def query_text(text: str, type_code: str | None) -> str:
    """The description plus the type's name (宅基地使用), which names the subject in the standard's
    words even when the record does not."""
    return f"{text} {type_names().get((type_code or '').strip(), '')}"


def recommend_provisions(
    *,
    text: str,
    type_code: str | None = None,
    limit: int = 5,
    factors: Mapping[str, float] | None = None,
) -> list[ScoredProvision]:
    """The best `limit` provisions (at most MAX_LIMIT), best first; ties by key, so stable."""
    raw = provision_index().scores(tokens(query_text(text, type_code)))
    topics, factors = topics_for(type_code), factors or {}
    ranked = [
        ScoredProvision(p, score * prior(p, topics) * factors.get(p.key, 1.0))
        for p, score in zip(provisions(), raw, strict=True)
        if score > 0
    ]
    ranked.sort(key=lambda item: (-item.score, item.provision.key))
    return ranked[: max(1, min(limit, MAX_LIMIT))]
