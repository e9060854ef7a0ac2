"""Effects of the mediation itself: 指派调解员, 记录调解, 达成调解协议, 调解不成.

Each receives the firing with the dispute locked and its state, the actor and the required fields
already checked by the engine, and writes the dispute's own records."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.audit.bulk import audit_created
from backend.disputes.models import (
    AgreementForm,
    Dispute,
    DisputeMediator,
    MediationAgreement,
    MediationRecord,
    PartyRole,
    Status,
)
from backend.teams.models import TeamMember
from backend.workflow.declarations import Firing


def _members(ids: list[int]) -> list[TeamMember]:
    """The team members in the order given (re-read inside the transaction), each once."""
    found = TeamMember.objects.in_bulk(ids)
    return [found[pk] for pk in dict.fromkeys(ids) if pk in found]


def _check_mediators(dispute: Dispute, members: list[TeamMember]) -> None:
    if not members:  # the engine refused an empty list; these ids are gone since
        raise ValidationError({"members": _("请至少指派一名调解员")})
    county = dispute.area_id // 10**6
    for member in members:
        if not (member.is_mediator and member.active):
            raise ValidationError({"members": _("%(name)s 不是在岗调解员") % {"name": member.name}})
        if member.area_id // 10**6 != county:
            raise ValidationError(
                {"members": _("%(name)s 不属于纠纷发生地所在县（市、区）") % {"name": member.name}}
            )


def assign(f: Firing) -> None:
    """Mediators already assigned are kept; a registered dispute becomes 已指派. The engine gives
    the mediators' units their object grants (they become holders)."""
    dispute: Dispute = f.obj
    members = _members(f.data["members"])
    _check_mediators(dispute, members)
    present = set(dispute.mediator_assignments.values_list("member_id", flat=True))
    at = f.data.get("assigned_at") or f.now
    new = [
        DisputeMediator(dispute=dispute, member=m, assigned_by=f.actor, assigned_at=at)
        for m in members
        if m.pk not in present
    ]
    audit_created(DisputeMediator.objects.bulk_create(new))
    if dispute.status == Status.REGISTERED:
        dispute.status = Status.ASSIGNED


def record(f: Firing) -> None:
    """One mediation session, attended by mediators assigned to this dispute."""
    dispute: Dispute = f.obj
    present = _members(f.data.get("mediators") or [])
    assigned = set(dispute.mediator_assignments.values_list("member_id", flat=True))
    if not present or any(m.pk not in assigned for m in present):
        raise ValidationError({"mediators": _("到场调解员须为本纠纷已指派的调解员")})
    held_at = f.data["held_at"]
    if timezone.localdate(held_at) < dispute.registered_on:
        raise ValidationError({"held_at": _("调解时间不能早于受理日期")})
    fields = {name: f.data.get(name, "") for name in ("place", "content", "result")}
    session = MediationRecord(dispute=dispute, held_at=held_at, recorded_by=f.actor, **fields)
    session.full_clean()
    session.save()
    session.mediators.set(present)
    f.result = f.record_object = session


def _check_agreement_parties(dispute: Dispute, form: str) -> None:
    roles = set(dispute.parties.values_list("role", flat=True))
    if form == AgreementForm.WRITTEN and not {PartyRole.APPLICANT, PartyRole.RESPONDENT} <= roles:
        raise ValidationError(_("书面调解协议须载明申请人和被申请人，请先登记双方当事人"))


def conclude(f: Firing) -> None:
    """The parties reached an agreement (人民调解法 art. 28–29): success."""
    dispute: Dispute = f.obj
    terms = dict(f.data)
    form, signed_on = terms.pop("form"), terms.pop("signed_on")
    _check_agreement_parties(dispute, form)
    if signed_on < dispute.registered_on:
        raise ValidationError({"signed_on": _("签订日期不能早于受理日期")})
    agreement = MediationAgreement(dispute=dispute, form=form, signed_on=signed_on, **terms)
    agreement.full_clean()
    agreement.save()
    dispute.success, dispute.resolved_on = True, signed_on
    dispute.outcome = agreement.terms if form == AgreementForm.WRITTEN else agreement.content
    f.result = f.record_object = agreement


def fail(f: Firing) -> None:
    """调解不成: the reason is the outcome narrative."""
    dispute: Dispute = f.obj
    failed_on = f.data["failed_on"]
    if failed_on < dispute.registered_on:
        raise ValidationError({"resolved_on": _("终止日期不能早于受理日期")})
    dispute.success, dispute.resolved_on, dispute.outcome = False, failed_on, f.data["reason"]
