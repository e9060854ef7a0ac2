"""Decisions on a case: township review → county approval → payment → periodic re-check."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.areas.models import Level
from backend.assistance.models import (
    RecheckOutcome,
    ReviewStage,
    SubsidyCase,
    SubsidyDecision,
    SubsidyReview,
    SubsidyStatus,
)
from backend.common.services import create_validated
from backend.org.models import Unit

S = SubsidyStatus
RECHECK_RESULT: dict[str, str] = {
    RecheckOutcome.CONTINUE: S.PAYING,
    RecheckOutcome.SUSPEND: S.SUSPENDED,
    RecheckOutcome.END: S.ENDED,
}


@transaction.atomic
def township_review(
    *, case: SubsidyCase, actor: User, unit: Unit, decision: str, opinion: str = ""
) -> SubsidyCase:
    case = _locked(case, (S.APPLIED,), _("只有已申请的案件可以进行乡镇审核"))
    _check_unit(unit, case, Level.TOWNSHIP, _("乡镇审核须由该村（社区）所属乡镇的单位办理"))
    _record(case, ReviewStage.TOWNSHIP_REVIEW, decision, opinion, actor, unit)
    return _move(case, S.TOWNSHIP_REVIEWED if decision == SubsidyDecision.PASS else S.REJECTED)


@transaction.atomic
def county_approve(
    *,
    case: SubsidyCase,
    actor: User,
    unit: Unit,
    decision: str,
    opinion: str = "",
    monthly_amount: Decimal | None = None,
    recheck_on: date | None = None,
) -> SubsidyCase:
    """Approve with the monthly amount and the first re-check date, or reject with an opinion."""
    case = _locked(case, (S.TOWNSHIP_REVIEWED,), _("只有乡镇已审核的案件可以进行县级审批"))
    _check_unit(unit, case, Level.COUNTY, _("县级审批须由该村（社区）所属县（市、区）的单位办理"))
    _record(case, ReviewStage.COUNTY_APPROVAL, decision, opinion, actor, unit)
    if decision != SubsidyDecision.PASS:
        return _move(case, S.REJECTED)
    case.monthly_amount, case.recheck_on = monthly_amount, recheck_on
    case.approved_on = timezone.localdate()
    return _move(case, S.APPROVED, "monthly_amount", "recheck_on", "approved_on")


@transaction.atomic
def payment_start(*, case: SubsidyCase) -> SubsidyCase:
    case = _locked(case, (S.APPROVED,), _("只有县级已审批的案件可以开始发放"))
    return _move(case, S.PAYING)


@transaction.atomic
def case_recheck(
    *,
    case: SubsidyCase,
    actor: User,
    unit: Unit,
    outcome: str,
    opinion: str = "",
    recheck_on: date | None = None,
    monthly_amount: Decimal | None = None,
) -> SubsidyCase:
    """Periodic re-check: continue (next re-check date, optionally a new amount), suspend or end."""
    case = _locked(case, (S.PAYING, S.SUSPENDED), _("只有发放中或已暂停的案件可以复核"))
    _check_unit(unit, case, None, _("复核须由该村（社区）所属乡镇或县（市、区）的单位办理"))
    if outcome not in RECHECK_RESULT:
        raise ValidationError({"outcome": _("复核结论无效")})
    passed = outcome == RecheckOutcome.CONTINUE
    decision = SubsidyDecision.PASS if passed else SubsidyDecision.REJECT
    _record(case, ReviewStage.RECHECK, decision, opinion, actor, unit)
    if not passed:
        return _move(case, RECHECK_RESULT[outcome])
    if recheck_on is None or recheck_on <= timezone.localdate():
        raise ValidationError({"recheck_on": _("继续发放须确定晚于今天的下次复核日期")})
    case.recheck_on = recheck_on
    if monthly_amount is not None:
        case.monthly_amount = monthly_amount
    return _move(case, S.PAYING, "recheck_on", "monthly_amount")


@transaction.atomic
def case_suspend(*, case: SubsidyCase, actor: User, unit: Unit, reason: str) -> SubsidyCase:
    case = _locked(case, (S.PAYING,), _("只有发放中的案件可以暂停"))
    _check_unit(unit, case, None, _("暂停发放须由该村（社区）所属乡镇或县（市、区）的单位办理"))
    _record(case, ReviewStage.SUSPENSION, SubsidyDecision.REJECT, reason, actor, unit)
    return _move(case, S.SUSPENDED)


@transaction.atomic
def case_end(*, case: SubsidyCase, actor: User, unit: Unit, reason: str) -> SubsidyCase:
    case = _locked(
        case, (S.APPROVED, S.PAYING, S.SUSPENDED), _("只有已审批、发放中或已暂停的案件可以终止")
    )
    _check_unit(unit, case, None, _("终止救助须由该村（社区）所属乡镇或县（市、区）的单位办理"))
    _record(case, ReviewStage.TERMINATION, SubsidyDecision.REJECT, reason, actor, unit)
    return _move(case, S.ENDED)


def _locked(case: SubsidyCase, allowed: tuple[str, ...], message: str) -> SubsidyCase:
    locked = SubsidyCase.objects.select_for_update().get(pk=case.pk)
    if locked.status not in allowed:
        raise ValidationError({"status": message})
    return locked


def _check_unit(unit: Unit, case: SubsidyCase, level: Level | None, message: str) -> None:
    """The unit's jurisdiction must contain the case's village (and be of `level` if given)."""
    low, high = unit.area.subtree_range()
    right_level = level is None or unit.area.level == level
    if not (right_level and low <= case.area_id <= high and unit.area.level > Level.CITY):
        raise ValidationError({"unit": message})


def _record(
    case: SubsidyCase, stage: str, decision: str, opinion: str, actor: User, unit: Unit
) -> SubsidyReview:
    return create_validated(
        SubsidyReview,
        case=case,
        stage=stage,
        decision=decision,
        opinion=opinion.strip(),
        reviewer=actor,
        unit=unit,
    )


def _move(case: SubsidyCase, status: str, *changed: str) -> SubsidyCase:
    case.status = status
    case.full_clean()
    case.save(update_fields=["status", *changed, "updated_at"])
    return case
