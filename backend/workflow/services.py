"""Writes of the engine's own records outside a transition: proposals of the periodic check and
their decision by a supervisor."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.common.services import save_many
from backend.workflow.engine import fire
from backend.workflow.models import Supervision, SupervisionStatus
from backend.workflow.registry import processes


def supervision_build(
    *, process_name: str, obj: Any, unit_id: int | None, level: str, reason: str
) -> Supervision:
    """A validated, unsaved proposal of the periodic check. No query: the area and the unit come
    from the item itself."""
    proposal = Supervision(
        process=process_name, object_type=obj._meta.label_lower, object_id=obj.pk,
        area_id=obj.area_id, unit_id=unit_id, level=level, reason=reason[:500],
        status=SupervisionStatus.PROPOSED, created_at=timezone.now(),
    )  # fmt: skip
    proposal.full_clean(exclude=["area", "unit"], validate_constraints=False)
    return proposal


def supervisions_propose_many(proposals: list[Supervision]) -> int:
    """Save the proposals with their audit entries, one INSERT each; when a concurrent check
    proposed some of them meanwhile (one pending proposal per item and level), one by one."""
    return save_many(proposals)


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
