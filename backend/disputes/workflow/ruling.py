"""The court's ruling on a judicial confirmation, and what an invalid one does to the dispute."""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from backend.disputes.models import Dispute, MediationAgreement, Ruling, Status
from backend.disputes.workflow.confirmation import locked, save_fields
from backend.workflow.declarations import Firing


class NextStep:
    """What follows an invalid ruling: mediate again, or advise the parties to sue."""

    REMEDIATE = "remediate"
    LITIGATE = "litigate"


def rule(f: Firing) -> None:
    """Valid: the agreement is enforceable. Invalid: the agreement is voided and the dispute is
    mediated again (next_step "remediate") or the parties are advised to sue ("litigate")."""
    confirmation = locked(f)
    ruling, next_step = f.data.get("ruling"), f.data.get("next_step") or ""
    if confirmation.accepted_on is None or confirmation.ruling != Ruling.PENDING:
        raise ValidationError(_("只有已受理、尚未裁定的申请可以裁定"))
    if ruling not in (Ruling.VALID, Ruling.INVALID):
        raise ValidationError({"ruling": _("裁定结果须为确认有效或确认无效")})
    if ruling == Ruling.INVALID and next_step not in (NextStep.REMEDIATE, NextStep.LITIGATE):
        raise ValidationError({"next_step": _("裁定无效时须选择重新调解或引导诉讼")})
    save_fields(confirmation, ruling=ruling, ruled_on=f.data["ruled_on"])
    if ruling == Ruling.INVALID:
        _after_invalid(f.obj, confirmation.agreement, next_step, f.data["ruled_on"])
    f.result = f.record_object = confirmation


def _after_invalid(
    dispute: Dispute, agreement: MediationAgreement, next_step: str, ruled_on: date
) -> None:
    agreement.voided = True
    agreement.save(update_fields=["voided"])
    if next_step == NextStep.REMEDIATE:
        dispute.status, dispute.success, dispute.resolved_on = Status.MEDIATING, None, None
        dispute.outcome = _("司法确认裁定协议无效，重新调解")
    else:
        dispute.status, dispute.success, dispute.resolved_on = Status.FAILED, False, ruled_on
        dispute.outcome = _("司法确认裁定协议无效，已告知当事人可向人民法院提起诉讼")
