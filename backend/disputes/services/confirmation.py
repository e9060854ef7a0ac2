"""Judicial confirmation of a mediation agreement (人民调解法 art. 33): each step one transition of
the declared dispute process (backend/disputes/workflow), fired by the workflow engine."""

from datetime import date

from backend.accounts.models import User
from backend.disputes.models import Dispute, JudicialConfirmation
from backend.disputes.workflow import DISPUTE
from backend.disputes.workflow.ruling import NextStep
from backend.org.models import Unit
from backend.workflow.engine import fire

__all__ = [
    "NextStep",
    "judicial_confirmation_accept",
    "judicial_confirmation_apply",
    "judicial_confirmation_rule",
]


def judicial_confirmation_apply(
    *,
    dispute: Dispute,
    court: Unit,
    applied_on: date,
    joint_application: bool = True,
    actor: User | None = None,
) -> JudicialConfirmation:
    """Both parties apply jointly to the court within 30 days of the agreement taking effect."""
    data = {"court": court, "applied_on": applied_on, "joint_application": joint_application}
    return fire(DISPUTE, dispute, "apply_confirmation", actor=actor, data=data)


def judicial_confirmation_accept(
    *,
    confirmation: JudicialConfirmation,
    accepted_on: date,
    case_number: str,
    actor: User | None = None,
) -> JudicialConfirmation:
    """The court accepts the application (立案) within 3 days and gives it a case number."""
    data = {"confirmation": confirmation, "accepted_on": accepted_on, "case_number": case_number}
    return fire(DISPUTE, _dispute_of(confirmation), "accept_confirmation", actor=actor, data=data)


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
    data = {
        "confirmation": confirmation,
        "ruling": ruling,
        "ruled_on": ruled_on,
        "next_step": next_step,
    }
    return fire(DISPUTE, _dispute_of(confirmation), "rule_confirmation", actor=actor, data=data)


def _dispute_of(confirmation: JudicialConfirmation) -> Dispute:
    return Dispute.objects.get(agreements__confirmation=confirmation.pk)
