"""How mediators' marks feed back into the ranking.

For a query of dispute type T, each provision's marks on disputes of T's first-level group (09 for
0902) are counted: u useful, n not useful. Its score is multiplied by

    factor(u, n) = 1 + β · (u − n) / (u + n + m)        β = 0.3, m = 2

so the boost is bounded to (1 − β, 1 + β) however many marks there are, a single mark moves the
score by at most β/3 (10 %), and a provision marked both ways equally keeps its score. The smoothing
m keeps one or two marks from outweighing the text match."""

from collections.abc import Iterable

from django.db.models import Count, Q

from backend.accounts.models import User
from backend.disputes.models import Dispute
from backend.legal.models import RecommendationFeedback

FEEDBACK_WEIGHT = 0.3  # β
FEEDBACK_SMOOTHING = 2  # m


def feedback_factor(useful: int, not_useful: int) -> float:
    marks = useful + not_useful
    return 1 + FEEDBACK_WEIGHT * (useful - not_useful) / (marks + FEEDBACK_SMOOTHING)


def feedback_factors(type_code: str | None) -> dict[str, float]:
    """provision key → factor, from the marks on disputes of the same first-level type (one query)."""
    group = (type_code or "").strip()[:2]
    if len(group) < 2:
        return {}
    rows = (
        RecommendationFeedback.objects.filter(dispute__type__code__startswith=group)
        .values("provision_key")
        .annotate(up=Count("id", filter=Q(useful=True)), down=Count("id", filter=Q(useful=False)))
    )
    return {row["provision_key"]: feedback_factor(row["up"], row["down"]) for row in rows}


def own_marks(dispute: Dispute, user: User, keys: Iterable[str]) -> dict[str, bool]:
    """The user's own marks on these provisions for this dispute."""
    rows = RecommendationFeedback.objects.filter(
        dispute=dispute, user=user, provision_key__in=list(keys)
    ).values_list("provision_key", "useful")
    return dict(rows)
