"""The life of an enterprise problem: submit, then the declared process (backend/enterprise/workflow)
— 包联领导 → 交办 → 答复 → 评价, and 督办 — each step one transition fired by the workflow engine."""

from collections.abc import Sequence
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from backend.accounts.models import User
from backend.common.numbering import next_number
from backend.common.services import create_validated
from backend.enterprise.models import Enterprise, EnterpriseProblem, ProblemSatisfaction
from backend.enterprise.workflow import PROBLEM
from backend.org.models import Unit
from backend.workflow.engine import fire


def next_problem_number(year: int) -> str:
    """QY-<year>-<6-digit sequence>."""
    return next_number(EnterpriseProblem, f"QY-{year}-", 6)


@transaction.atomic
def problem_submit(
    *, enterprise: Enterprise, category: str, title: str, description: str
) -> EnterpriseProblem:
    now = timezone.now()
    return create_validated(
        EnterpriseProblem,
        number=next_problem_number(timezone.localtime(now).year),
        enterprise=enterprise,
        area=enterprise.area,
        category=category,
        title=(title or "").strip(),
        description=(description or "").strip(),
        submitted_at=now,
    )


def problem_assign_leader(
    *, problem: EnterpriseProblem, leader: User, actor: User | None = None
) -> EnterpriseProblem:
    """包联领导: assigned after submission; may be changed until the problem is closed."""
    return fire(PROBLEM, problem, "assign_leader", actor=actor, data={"leader": leader})


def problem_dispatch(
    *,
    problem: EnterpriseProblem,
    units: Sequence[Unit],
    actor: User | None,
    deadline: datetime | None = None,
) -> EnterpriseProblem:
    """交办 to one or more units (added to those already handling it). The answer deadline is
    `deadline`, else the one already set, else the configured time limit from now."""
    data = {"units": list(units), "deadline": deadline}
    return fire(PROBLEM, problem, "dispatch", actor=actor, data=data)


def problem_accept(
    *, problem: EnterpriseProblem, unit: Unit, actor: User | None = None
) -> EnterpriseProblem:
    """A handling unit starts work (办理中)."""
    return fire(PROBLEM, problem, "accept", actor=actor, unit=unit)


def problem_answer(
    *,
    problem: EnterpriseProblem,
    unit: Unit,
    answer: str,
    policy_basis: str,
    actor: User | None = None,
) -> EnterpriseProblem:
    """答复 with the policy it rests on; both are required."""
    data = {"answer": answer, "policy_basis": policy_basis}
    return fire(PROBLEM, problem, "answer", actor=actor, unit=unit, data=data)


def problem_rate(
    *,
    problem: EnterpriseProblem,
    satisfaction: str,
    comment: str = "",
    actor: User | None = None,
) -> EnterpriseProblem:
    """The enterprise rates the answer: satisfied closes it; dissatisfied reopens it for the
    handling units (a comment is then required)."""
    satisfied = satisfaction == ProblemSatisfaction.SATISFIED
    name = "rate_satisfied" if satisfied else "rate_dissatisfied"
    data = {"satisfaction": satisfaction, "comment": comment}
    return fire(PROBLEM, problem, name, actor=actor, data=data)


def problem_supervision_raise(
    *, problem: EnterpriseProblem, level: str, reason: str, actor: User | None = None
) -> EnterpriseProblem:
    """督办: the level only goes up; a reason is required; closed problems are not supervised.
    Recorded as a Supervision of the handling unit (backend.workflow.supervision)."""
    data = {"level": level, "reason": reason}
    return fire(PROBLEM, problem, "supervise", actor=actor, data=data)
