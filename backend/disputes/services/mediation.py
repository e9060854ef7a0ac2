"""The mediation workflow: assign → record sessions → agreement or failure → 回访 → close."""

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.common.assignment import assignment_refresh
from backend.disputes.models import (
    AgreementForm,
    Dispute,
    DisputeMediator,
    DisputeReview,
    MediationAgreement,
    MediationRecord,
    PartyRole,
    Ruling,
    Status,
)
from backend.disputes.services.guards import lock, require_status, save_changed
from backend.teams.models import TeamMember


def _check_mediators(dispute: Dispute, members: list[TeamMember]) -> None:
    if not members:
        raise ValidationError({"members": _("请至少指派一名调解员")})
    county = dispute.area_id // 10**6
    for member in members:
        if not (member.is_mediator and member.active):
            raise ValidationError({"members": _("%(name)s 不是在岗调解员") % {"name": member.name}})
        if member.area_id // 10**6 != county:
            raise ValidationError(
                {"members": _("%(name)s 不属于纠纷发生地所在县（市、区）") % {"name": member.name}}
            )


@transaction.atomic
def mediators_assign(
    *,
    dispute: Dispute,
    members: Iterable[TeamMember],
    actor: User | None = None,
    assigned_at: datetime | None = None,
) -> Dispute:
    """Assign mediators (already assigned ones are kept); a registered dispute becomes 已指派."""
    dispute = lock(dispute)
    require_status(dispute, (Status.REGISTERED, Status.ASSIGNED, Status.MEDIATING), _("指派调解员"))
    members = list(members)
    _check_mediators(dispute, members)
    present = set(dispute.mediator_assignments.values_list("member_id", flat=True))
    DisputeMediator.objects.bulk_create(
        [
            DisputeMediator(
                dispute=dispute,
                member=m,
                assigned_by=actor,
                assigned_at=assigned_at or timezone.now(),
            )
            for m in {m.pk: m for m in members}.values()
            if m.pk not in present
        ]
    )
    assignment_refresh(obj=dispute)  # the mediators' units now share the dispute
    if dispute.status == Status.REGISTERED:
        save_changed(dispute, status=Status.ASSIGNED)
    return dispute


@transaction.atomic
def mediation_record_add(
    *,
    dispute: Dispute,
    held_at: datetime,
    place: str,
    mediators: Iterable[TeamMember],
    content: str,
    result: str,
    actor: User | None = None,
) -> MediationRecord:
    """Record one mediation session; the dispute is then 调解中."""
    dispute = lock(dispute)
    require_status(dispute, (Status.ASSIGNED, Status.MEDIATING), _("记录调解"))
    present = list(mediators)
    assigned = set(dispute.mediator_assignments.values_list("member_id", flat=True))
    if not present or any(m.pk not in assigned for m in present):
        raise ValidationError({"mediators": _("到场调解员须为本纠纷已指派的调解员")})
    if timezone.localdate(held_at) < dispute.registered_on:
        raise ValidationError({"held_at": _("调解时间不能早于受理日期")})
    record = MediationRecord(
        dispute=dispute,
        held_at=held_at,
        place=place,
        content=content,
        result=result,
        recorded_by=actor,
    )
    record.full_clean()
    record.save()
    record.mediators.set(present)
    if dispute.status != Status.MEDIATING:
        save_changed(dispute, status=Status.MEDIATING)
    return record


def _check_agreement_parties(dispute: Dispute, form: str) -> None:
    roles = set(dispute.parties.values_list("role", flat=True))
    if form == AgreementForm.WRITTEN and not {PartyRole.APPLICANT, PartyRole.RESPONDENT} <= roles:
        raise ValidationError(_("书面调解协议须载明申请人和被申请人，请先登记双方当事人"))


@transaction.atomic
def agreement_conclude(
    *, dispute: Dispute, form: str, signed_on: date, actor: User | None = None, **terms: Any
) -> MediationAgreement:
    """The parties reached an agreement (人民调解法 art. 28–29): 已达成协议, success."""
    dispute = lock(dispute)
    require_status(dispute, (Status.MEDIATING,), _("达成调解协议"))
    _check_agreement_parties(dispute, form)
    if signed_on < dispute.registered_on:
        raise ValidationError({"signed_on": _("签订日期不能早于受理日期")})
    agreement = MediationAgreement(dispute=dispute, form=form, signed_on=signed_on, **terms)
    agreement.full_clean()
    agreement.save()
    summary = agreement.terms if form == AgreementForm.WRITTEN else agreement.content
    save_changed(
        dispute, status=Status.AGREED, success=True, resolved_on=signed_on, outcome=summary
    )
    return agreement


@transaction.atomic
def mediation_fail(
    *, dispute: Dispute, reason: str, failed_on: date, actor: User | None = None
) -> Dispute:
    """Mediation ended without agreement (调解不成); the reason is the outcome narrative."""
    dispute = lock(dispute)
    require_status(dispute, (Status.ASSIGNED, Status.MEDIATING), _("终止调解"))
    if not reason.strip():
        raise ValidationError({"outcome": _("请填写调解不成的原因")})
    if failed_on < dispute.registered_on:
        raise ValidationError({"resolved_on": _("终止日期不能早于受理日期")})
    return save_changed(
        dispute, status=Status.FAILED, success=False, resolved_on=failed_on, outcome=reason
    )


@transaction.atomic
def performance_followup(
    *, dispute: Dispute, visited_on: date, performed: bool, opinion: str, actor: User | None = None
) -> DisputeReview:
    """A 回访: record whether the agreement was carried out; if so the dispute is 已履行."""
    dispute = lock(dispute)
    require_status(dispute, (Status.AGREED, Status.PERFORMED), _("回访"))
    assert dispute.resolved_on is not None  # set on reaching agreement
    if visited_on < dispute.resolved_on:
        raise ValidationError({"visited_on": _("回访日期不能早于达成协议的日期")})
    review = DisputeReview(
        dispute=dispute,
        visited_on=visited_on,
        performed=performed,
        opinion=opinion,
        visited_by=actor,
    )
    review.full_clean()
    review.save()
    status = Status.PERFORMED if performed else dispute.status
    save_changed(dispute, status=status, evaluated_on=visited_on, evaluation=opinion)
    return review


@transaction.atomic
def dispute_close(*, dispute: Dispute, closed_on: date, actor: User | None = None) -> Dispute:
    """办结: after the agreement was carried out (回访), or after mediation failed."""
    dispute = lock(dispute)
    require_status(dispute, (Status.PERFORMED, Status.FAILED), _("办结"))
    pending = dispute.agreements.filter(voided=False, confirmation__ruling=Ruling.PENDING)
    if pending.exists():
        raise ValidationError(_("司法确认尚在审查中，不能办结"))
    assert dispute.resolved_on is not None  # set on reaching agreement or ending mediation
    if closed_on < dispute.resolved_on:
        raise ValidationError({"closed_on": _("办结日期不能早于化解日期")})
    return save_changed(dispute, status=Status.CLOSED, closed_on=closed_on)
