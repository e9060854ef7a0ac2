"""Judicial confirmation of a mediation agreement (人民调解法 art. 33)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.disputes.models import (
    AgreementForm,
    Dispute,
    JudicialConfirmation,
    MediationAgreement,
    Ruling,
    Status,
)
from backend.disputes.services.guards import lock, require_status, save_changed
from backend.org.models import Unit


class NextStep:
    """What follows an invalid ruling: mediate again, or advise the parties to sue."""

    REMEDIATE = "remediate"
    LITIGATE = "litigate"


def _current_written_agreement(dispute: Dispute) -> MediationAgreement:
    agreement = dispute.agreements.filter(voided=False).first()
    if agreement is None or agreement.form != AgreementForm.WRITTEN:
        raise ValidationError(_("只有书面调解协议可以申请司法确认"))
    if hasattr(agreement, "confirmation"):
        raise ValidationError(_("该调解协议已申请司法确认"))
    return agreement


@transaction.atomic
def judicial_confirmation_apply(
    *,
    dispute: Dispute,
    court: Unit,
    applied_on: date,
    joint_application: bool = True,
    actor: User | None = None,
) -> JudicialConfirmation:
    """Both parties apply jointly to the court within 30 days of the agreement taking effect."""
    dispute = lock(dispute)
    require_status(dispute, (Status.AGREED, Status.PERFORMED), _("申请司法确认"))
    agreement = _current_written_agreement(dispute)
    low, high = court.area.subtree_range()
    if not low <= dispute.area_id <= high:
        raise ValidationError({"court": _("纠纷发生地不在该法院辖区内")})
    confirmation = JudicialConfirmation(
        agreement=agreement, court=court, applied_on=applied_on, joint_application=joint_application
    )
    confirmation.full_clean()
    confirmation.save()
    return confirmation


def _lock_confirmation(confirmation: JudicialConfirmation) -> JudicialConfirmation:
    return (
        JudicialConfirmation.objects.select_for_update()
        .select_related("agreement__dispute", "court")
        .get(pk=confirmation.pk)
    )


def _save(confirmation: JudicialConfirmation, **values: object) -> JudicialConfirmation:
    for name, value in values.items():
        setattr(confirmation, name, value)
    confirmation.full_clean()
    confirmation.save(update_fields=list(values))
    return confirmation


@transaction.atomic
def judicial_confirmation_accept(
    *,
    confirmation: JudicialConfirmation,
    accepted_on: date,
    case_number: str,
    actor: User | None = None,
) -> JudicialConfirmation:
    """The court accepts the application (立案) within 3 days and gives it a case number."""
    confirmation = _lock_confirmation(confirmation)
    if confirmation.accepted_on is not None:
        raise ValidationError(_("该申请已受理"))
    if not case_number.strip():
        raise ValidationError({"case_number": _("请填写案号")})
    return _save(confirmation, accepted_on=accepted_on, case_number=case_number.strip())


@transaction.atomic
def judicial_confirmation_rule(
    *,
    confirmation: JudicialConfirmation,
    ruling: str,
    ruled_on: date,
    next_step: str = "",
    actor: User | None = None,
) -> JudicialConfirmation:
    """Valid: the agreement is enforceable. Invalid: the agreement is voided and the dispute is
    mediated again (next_step="remediate") or the parties are advised to sue ("litigate")."""
    confirmation = _lock_confirmation(confirmation)
    if confirmation.accepted_on is None or confirmation.ruling != Ruling.PENDING:
        raise ValidationError(_("只有已受理、尚未裁定的申请可以裁定"))
    if ruling not in (Ruling.VALID, Ruling.INVALID):
        raise ValidationError({"ruling": _("裁定结果须为确认有效或确认无效")})
    if ruling == Ruling.INVALID and next_step not in (NextStep.REMEDIATE, NextStep.LITIGATE):
        raise ValidationError({"next_step": _("裁定无效时须选择重新调解或引导诉讼")})
    _save(confirmation, ruling=ruling, ruled_on=ruled_on)
    if ruling == Ruling.INVALID:
        _after_invalid(confirmation.agreement, next_step, ruled_on)
    return confirmation


def _after_invalid(agreement: MediationAgreement, next_step: str, ruled_on: date) -> None:
    agreement.voided = True
    agreement.save(update_fields=["voided"])
    dispute = lock(agreement.dispute)
    if next_step == NextStep.REMEDIATE:
        save_changed(
            dispute,
            status=Status.MEDIATING,
            success=None,
            resolved_on=None,
            outcome=_("司法确认裁定协议无效，重新调解"),
        )
    else:
        save_changed(
            dispute,
            status=Status.FAILED,
            success=False,
            resolved_on=ruled_on,
            outcome=_("司法确认裁定协议无效，已告知当事人可向人民法院提起诉讼"),
        )
