"""Writes of the engine's own records outside a transition: proposals of the periodic check and
their decision by a supervisor."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.workflow.engine import fire
from backend.workflow.models import Supervision, SupervisionStatus
from backend.workflow.registry import processes


def supervision_propose(
    *, process_name: str, obj: Any, unit_id: int | None, level: str, reason: str
) -> Supervision | None:
    """A proposal of the periodic check; None when one for this item and level is pending."""
    proposal = Supervision(
        process=process_name, object_type=obj._meta.label_lower, object_id=obj.pk,
        area_id=obj.area_id, unit_id=unit_id, level=level, reason=reason[:500],
        status=SupervisionStatus.PROPOSED, created_at=timezone.now(),
    )  # fmt: skip
    proposal.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            proposal.save()
    except IntegrityError:
        return None
    return proposal


@transaction.atomic
def supervision_decide(
    *, supervision: Supervision, actor: Any, issue: bool, measure: str = "", reason: str = ""
) -> Supervision:
    """Issue a proposal (the item's 督办 transition, by the deciding person) or dismiss it."""
    proposal = Supervision.objects.select_for_update().get(pk=supervision.pk)
    if proposal.status != SupervisionStatus.PROPOSED:
        raise ValidationError(_("该督办建议已处理"), code="decided")
    if not issue:
        proposal.status, proposal.by, proposal.decided_at = (
            SupervisionStatus.DISMISSED,
            actor,
            timezone.now(),
        )
        proposal.save(update_fields=["status", "by", "decided_at"])
        return proposal
    process = processes()[proposal.process]
    item = process.model_class()._default_manager.get(pk=proposal.object_id)
    data = {
        "level": proposal.level,
        "measure": measure,
        "reason": reason or proposal.reason,
        "proposal": proposal,
    }
    fire(process, item, "supervise", actor=actor, data=data)
    proposal.refresh_from_db()
    return proposal
