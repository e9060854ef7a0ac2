"""Writes of the legal recommendation module."""

from django.db import transaction
from django.utils import timezone

from backend.accounts.models import User
from backend.disputes.models import Dispute
from backend.legal.models import RecommendationFeedback


@transaction.atomic
def recommendation_mark(
    *, dispute: Dispute, provision_key: str, useful: bool, actor: User
) -> RecommendationFeedback:
    """A mediator marks a recommended provision useful or not for a dispute; marking it again
    replaces the earlier mark. The caller has checked that the actor may view the dispute."""
    mark = (
        RecommendationFeedback.objects.select_for_update()
        .filter(dispute=dispute, provision_key=provision_key, user=actor)
        .first()
    ) or RecommendationFeedback(dispute=dispute, provision_key=provision_key, user=actor)
    mark.useful, mark.marked_at = useful, timezone.now()
    mark.full_clean()
    mark.save()
    return mark
