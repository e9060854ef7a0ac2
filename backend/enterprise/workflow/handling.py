"""Effects up to the answer: 包联领导, 交办 (with the answer deadline), 答复."""

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from backend.audit.bulk import audit_created, audited_update
from backend.enterprise.models import EnterpriseProblem, ProblemAssignment, ProblemStatus
from backend.workflow.declarations import Firing
from backend.worktime.deadlines import deadline_for

ANSWER_LIMIT = "enterprise.answer"  # the time limit's process in backend/worktime
FALLBACK_LIMIT = timedelta(days=15)  # when no time limit is configured


def assign_leader(f: Firing) -> None:
    """包联领导: may be changed until the problem is closed; the first one moves it on."""
    problem: EnterpriseProblem = f.obj
    leader = f.data["leader"]
    if not leader.is_active:
        raise ValidationError({"leader": _("包联领导账号已停用")})
    problem.leader = leader
    if problem.status == ProblemStatus.SUBMITTED:
        problem.status = ProblemStatus.LEADER_ASSIGNED


def answer_deadline(f: Firing) -> datetime:
    """The explicit deadline, else the one already set, else the configured time limit."""
    problem: EnterpriseProblem = f.obj
    return (
        f.data.get("deadline")
        or problem.deadline
        or deadline_for(ANSWER_LIMIT, f.now, problem.category)
        or f.now + FALLBACK_LIMIT
    )


def dispatch(f: Firing) -> None:
    """交办 to one or more units, added to those already handling the problem."""
    problem: EnterpriseProblem = f.obj
    units, deadline = list(f.data["units"]), answer_deadline(f)
    if any(not unit.is_active for unit in units):
        raise ValidationError({"units": _("承办单位已停用")})
    repeated = problem.assignments.filter(unit__in=units).exists()
    if repeated or len({unit.pk for unit in units}) != len(units):
        raise ValidationError({"units": _("承办单位重复")})
    if deadline <= f.now:
        raise ValidationError({"deadline": _("办理期限必须晚于当前时间")})
    created = ProblemAssignment.objects.bulk_create(
        [ProblemAssignment(problem=problem, unit=unit, dispatched_at=f.now,
                           dispatched_by=f.actor) for unit in units]
    )  # fmt: skip
    audit_created(created)
    if problem.status == ProblemStatus.LEADER_ASSIGNED:
        problem.status = ProblemStatus.DISPATCHED


def answer(f: Firing) -> None:
    """答复 for the acting handling unit, with the policy it rests on."""
    problem: EnterpriseProblem = f.obj
    audited_update(problem.assignments.filter(unit=f.unit), answered_at=f.now)
    problem.answer, problem.policy_basis = f.data["answer"], f.data["policy_basis"]
    problem.answered_at = f.now
