"""Decisions on a case: township review → county approval → payment → periodic re-check — each
one transition of the declared subsidy process (backend/assistance/workflow), fired by the
workflow engine. `unit` is the unit the actor decides for; its level and jurisdiction are checked."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.assistance.models import RecheckOutcome, SubsidyCase, SubsidyDecision
from backend.assistance.workflow import SUBSIDY
from backend.org.models import Unit
from backend.workflow.engine import fire

# a decision's outcome → the transition that records it
TOWNSHIP: dict[str, str] = {
    SubsidyDecision.PASS: "township_pass",
    SubsidyDecision.REJECT: "township_reject",
}
COUNTY: dict[str, str] = {
    SubsidyDecision.PASS: "county_approve",
    SubsidyDecision.REJECT: "county_reject",
}
RECHECK: dict[str, str] = {
    RecheckOutcome.CONTINUE: "recheck_continue",
    RecheckOutcome.SUSPEND: "recheck_suspend",
    RecheckOutcome.END: "recheck_end",
}


def township_review(
    *, case: SubsidyCase, actor: User, unit: Unit, decision: str, opinion: str = ""
) -> SubsidyCase:
    """乡镇审核: pass, or reject with an opinion."""
    name = _outcome(TOWNSHIP, decision, "decision", _("审核结论无效"))
    return fire(SUBSIDY, case, name, actor=actor, unit=unit, data={"opinion": opinion})


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
    name = _outcome(COUNTY, decision, "decision", _("审批结论无效"))
    data = {"opinion": opinion, "monthly_amount": monthly_amount, "recheck_on": recheck_on}
    return fire(SUBSIDY, case, name, actor=actor, unit=unit, data=data)


def payment_start(*, case: SubsidyCase, actor: User | None = None) -> SubsidyCase:
    return fire(SUBSIDY, case, "start_payment", actor=actor)


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
    name = _outcome(RECHECK, outcome, "outcome", _("复核结论无效"))
    data = {"opinion": opinion, "recheck_on": recheck_on, "monthly_amount": monthly_amount}
    return fire(SUBSIDY, case, name, actor=actor, unit=unit, data=data)


def case_suspend(*, case: SubsidyCase, actor: User, unit: Unit, reason: str) -> SubsidyCase:
    return fire(SUBSIDY, case, "suspend", actor=actor, unit=unit, data={"opinion": reason})


def case_end(*, case: SubsidyCase, actor: User, unit: Unit, reason: str) -> SubsidyCase:
    return fire(SUBSIDY, case, "end", actor=actor, unit=unit, data={"opinion": reason})


def _outcome(names: dict[str, str], value: str, field: str, message: str) -> str:
    """The transition of a decision's outcome; an unknown outcome is refused before anything."""
    if value not in names:
        raise ValidationError({field: message})
    return names[value]
