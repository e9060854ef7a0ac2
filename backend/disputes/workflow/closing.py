"""Effects after the mediation: 回访, 办结, and 督办."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from backend.disputes.models import Dispute, DisputeReview, Ruling, Status
from backend.workflow.declarations import Firing
from backend.workflow.supervision import supervise as supervise_item


def followup(f: Firing) -> None:
    """A 回访: was the agreement carried out? If so the dispute is 已履行."""
    dispute: Dispute = f.obj
    visited_on = f.data["visited_on"]
    assert dispute.resolved_on is not None  # set on reaching agreement
    if visited_on < dispute.resolved_on:
        raise ValidationError({"visited_on": _("回访日期不能早于达成协议的日期")})
    review = DisputeReview(
        dispute=dispute,
        visited_on=visited_on,
        performed=f.data["performed"],
        opinion=f.data.get("opinion", ""),
        visited_by=f.actor,
    )
    review.full_clean()
    review.save()
    if review.performed:
        dispute.status = Status.PERFORMED
    dispute.evaluated_on, dispute.evaluation = visited_on, review.opinion
    f.result = f.record_object = review


def no_pending_confirmation(dispute: Dispute) -> bool:
    pending = dispute.agreements.filter(voided=False, confirmation__ruling=Ruling.PENDING)
    return not pending.exists()


def close(f: Firing) -> None:
    """办结: after the agreement was carried out, or after mediation failed; not while a court
    is still examining the agreement."""
    dispute: Dispute = f.obj
    if not no_pending_confirmation(dispute):
        raise ValidationError(_("司法确认尚在审查中，不能办结"))
    closed_on = f.data["closed_on"]
    assert dispute.resolved_on is not None  # set on reaching agreement or ending mediation
    if closed_on < dispute.resolved_on:
        raise ValidationError({"closed_on": _("办结日期不能早于化解日期")})
    dispute.closed_on = closed_on


def supervise(f: Firing) -> None:
    """督办 counts against the 化解组织, which answers for the dispute, not against whichever
    holder has the smallest id (the generic effect's choice when a process has several holders)."""
    supervise_item(f)
    supervision = f.record_object
    supervision.unit_id = f.obj.handling_unit_id
    supervision.save(update_fields=["unit"])
