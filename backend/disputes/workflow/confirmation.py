"""Effects of the judicial confirmation of a written agreement (人民调解法第三十三条): the joint
application within 30 days of the agreement taking effect and the court's acceptance within 3 days
(both windows are checked by JudicialConfirmation.clean). The ruling: ruling.py."""

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from backend.disputes.models import (
    AgreementForm,
    Dispute,
    JudicialConfirmation,
    MediationAgreement,
    Ruling,
)
from backend.workflow.declarations import Firing


def _current_agreement(dispute: Dispute) -> MediationAgreement | None:
    return dispute.agreements.filter(voided=False).first()


def may_apply(dispute: Dispute) -> bool:
    agreement = _current_agreement(dispute)
    return (
        agreement is not None
        and agreement.form == AgreementForm.WRITTEN
        and not hasattr(agreement, "confirmation")
    )


def apply(f: Firing) -> None:
    dispute: Dispute = f.obj
    agreement = _current_agreement(dispute)
    if agreement is None or agreement.form != AgreementForm.WRITTEN:
        raise ValidationError(_("只有书面调解协议可以申请司法确认"))
    if hasattr(agreement, "confirmation"):
        raise ValidationError(_("该调解协议已申请司法确认"))
    court = f.data["court"]
    low, high = court.area.subtree_range()
    if not low <= dispute.area_id <= high:
        raise ValidationError({"court": _("纠纷发生地不在该法院辖区内")})
    confirmation = JudicialConfirmation(
        agreement=agreement,
        court=court,
        applied_on=f.data["applied_on"],
        joint_application=f.data.get("joint_application", True),
    )
    confirmation.full_clean()
    confirmation.save()
    f.result = f.record_object = confirmation


def _pending(dispute: Dispute) -> QuerySet[JudicialConfirmation]:
    return JudicialConfirmation.objects.filter(
        agreement__dispute=dispute, agreement__voided=False, ruling=Ruling.PENDING
    )


def awaiting_acceptance(dispute: Dispute) -> bool:
    return _pending(dispute).filter(accepted_on__isnull=True).exists()


def awaiting_ruling(dispute: Dispute) -> bool:
    return _pending(dispute).filter(accepted_on__isnull=False).exists()


def locked(f: Firing) -> JudicialConfirmation:
    """The confirmation named by the firing, locked; it must be one of this dispute's."""
    found = (
        JudicialConfirmation.objects.select_for_update(of=("self",))
        .select_related("agreement", "court")
        .filter(pk=f.data["confirmation"].pk, agreement__dispute=f.obj)
        .first()
    )
    if found is None:
        raise ValidationError({"confirmation": _("该纠纷没有这一司法确认申请")})
    return found


def save_fields(confirmation: JudicialConfirmation, **values: object) -> None:
    for name, value in values.items():
        setattr(confirmation, name, value)
    confirmation.full_clean()
    confirmation.save(update_fields=list(values))


def accept(f: Firing) -> None:
    """The court accepts the application (立案) and gives it a case number."""
    confirmation = locked(f)
    if confirmation.accepted_on is not None:
        raise ValidationError(_("该申请已受理"))
    save_fields(confirmation, accepted_on=f.data["accepted_on"], case_number=f.data["case_number"])
    f.result = f.record_object = confirmation
