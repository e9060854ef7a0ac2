"""Reads of the legal recommendation module, for the API and the management commands. They take
the disputes a user may see as a queryset from the caller: this app decides nothing about access."""

from dataclasses import dataclass

from django.db.models import QuerySet

from backend.accounts.models import User
from backend.disputes.models import Dispute
from backend.legal.feedback import feedback_factors, own_marks
from backend.legal.recommend import ScoredProvision, recommend_provisions
from backend.legal.similar import SimilarDispute, similar_disputes


@dataclass(frozen=True)
class Recommendation:
    provisions: list[ScoredProvision]
    marks: dict[str, bool]  # the user's own marks on these provisions for this dispute
    similar: list[SimilarDispute]


def provisions_for_text(*, text: str, type_code: str | None, limit: int) -> list[ScoredProvision]:
    factors = feedback_factors(type_code)
    return recommend_provisions(text=text, type_code=type_code, limit=limit, factors=factors)


def recommendation_for_dispute(
    *, dispute: Dispute, visible: QuerySet[Dispute], user: User, limit: int
) -> Recommendation:
    """Provisions and similar resolved disputes for a dispute the caller has already loaded
    through the policy; `visible` bounds the similar disputes to what the user may see."""
    text, code = f"{dispute.title} {dispute.summary}", dispute.type.code
    provisions = provisions_for_text(text=text, type_code=code, limit=limit)
    marks = own_marks(dispute, user, [p.provision.key for p in provisions])
    similar = similar_disputes(
        candidates=visible, text=text, type_code=code, exclude=dispute.pk, limit=limit
    )
    return Recommendation(provisions, marks, similar)
