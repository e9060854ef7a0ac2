"""The life of an enterprise problem: submit → 包联领导 → 交办 → 答复 → 评价, and 督办."""

from collections.abc import Sequence
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.common.assignment import assignment_refresh
from backend.common.models import SupervisionLevel
from backend.common.services import create_validated
from backend.enterprise.models import (
    Enterprise,
    EnterpriseProblem,
    ProblemAssignment,
    ProblemSatisfaction,
    ProblemStatus,
)
from backend.org.models import Unit

DEFAULT_TIME_LIMIT = timedelta(days=15)
IN_HAND = (ProblemStatus.DISPATCHED, ProblemStatus.HANDLING, ProblemStatus.REOPENED)
SUPERVISION_ORDER = list(SupervisionLevel.values)


def next_problem_number(year: int) -> str:
    """QY-<year>-<6-digit sequence>; a concurrent duplicate is rejected by the unique index."""
    prefix = f"QY-{year}-"
    last = (
        EnterpriseProblem.objects.filter(number__startswith=prefix)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    return f"{prefix}{int(last[len(prefix) :]) + 1 if last else 1:06d}"


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


def _locked(problem: EnterpriseProblem) -> EnterpriseProblem:
    return EnterpriseProblem.objects.select_for_update().get(pk=problem.pk)


def _require_status(problem: EnterpriseProblem, allowed: Sequence[str], action: str) -> None:
    if problem.status not in allowed:
        raise ValidationError(
            _("诉求当前状态为“%(status)s”，不能%(action)s")
            % {"status": problem.get_status_display(), "action": action},
            code="invalid_state",
        )


def _save(problem: EnterpriseProblem, fields: list[str]) -> None:
    problem.full_clean()
    problem.save(update_fields=[*fields, "updated_at"])


@transaction.atomic
def problem_assign_leader(*, problem: EnterpriseProblem, leader: User) -> EnterpriseProblem:
    """包联领导: assigned after submission; may be changed until the problem is closed."""
    problem = _locked(problem)
    _require_status(
        problem, [s for s in ProblemStatus.values if s != ProblemStatus.CLOSED], _("分配包联领导")
    )
    if not leader.is_active:
        raise ValidationError({"leader": _("包联领导账号已停用")})
    problem.leader = leader
    if problem.status == ProblemStatus.SUBMITTED:
        problem.status = ProblemStatus.LEADER_ASSIGNED
    _save(problem, ["leader", "status"])
    return problem


@transaction.atomic
def problem_dispatch(
    *,
    problem: EnterpriseProblem,
    units: Sequence[Unit],
    actor: User | None,
    deadline: datetime | None = None,
) -> EnterpriseProblem:
    """交办 to one or more units (added to those already handling it)."""
    problem = _locked(problem)
    _require_status(problem, (ProblemStatus.LEADER_ASSIGNED, *IN_HAND), _("交办"))
    now = timezone.now()
    deadline = deadline or problem.deadline or now + DEFAULT_TIME_LIMIT
    _check_dispatch(problem, units, deadline, now)
    ProblemAssignment.objects.bulk_create(
        [
            ProblemAssignment(problem=problem, unit=unit, dispatched_at=now, dispatched_by=actor)
            for unit in units
        ]
    )
    problem.deadline = deadline
    if problem.status == ProblemStatus.LEADER_ASSIGNED:
        problem.status = ProblemStatus.DISPATCHED
    _save(problem, ["deadline", "status"])
    assignment_refresh(obj=problem)
    return problem


def _check_dispatch(problem, units, deadline, now) -> None:
    if not units:
        raise ValidationError({"units": _("请至少选择一个承办单位")})
    if any(not unit.is_active for unit in units):
        raise ValidationError({"units": _("承办单位已停用")})
    if (
        len({unit.pk for unit in units}) != len(units)
        or problem.assignments.filter(unit__in=units).exists()
    ):
        raise ValidationError({"units": _("承办单位重复")})
    if deadline <= now:
        raise ValidationError({"deadline": _("办理期限必须晚于当前时间")})


@transaction.atomic
def problem_accept(*, problem: EnterpriseProblem, unit: Unit) -> EnterpriseProblem:
    """A handling unit starts work (办理中)."""
    problem = _locked(problem)
    _require_status(problem, (ProblemStatus.DISPATCHED, ProblemStatus.REOPENED), _("开始办理"))
    _require_handler(problem, unit)
    problem.status = ProblemStatus.HANDLING
    _save(problem, ["status"])
    return problem


def _require_handler(problem: EnterpriseProblem, unit: Unit) -> ProblemAssignment:
    assignment = problem.assignments.filter(unit=unit).first()
    if assignment is None:
        raise ValidationError({"unit": _("只有承办单位可以办理该诉求")})
    return assignment


@transaction.atomic
def problem_answer(
    *, problem: EnterpriseProblem, unit: Unit, answer: str, policy_basis: str
) -> EnterpriseProblem:
    """答复 with the policy it rests on; both are required."""
    problem = _locked(problem)
    _require_status(problem, IN_HAND, _("答复"))
    assignment = _require_handler(problem, unit)
    errors = {}
    if not (answer or "").strip():
        errors["answer"] = _("答复内容不能为空")
    if not (policy_basis or "").strip():
        errors["policy_basis"] = _("政策依据不能为空")
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    assignment.answered_at = now
    assignment.save(update_fields=["answered_at"])
    problem.answer, problem.policy_basis = answer.strip(), policy_basis.strip()
    problem.status, problem.answered_at = ProblemStatus.ANSWERED, now
    _save(problem, ["answer", "policy_basis", "status", "answered_at"])
    return problem


@transaction.atomic
def problem_rate(
    *, problem: EnterpriseProblem, satisfaction: str, comment: str = ""
) -> EnterpriseProblem:
    """The enterprise rates the answer: satisfied closes it; dissatisfied reopens it for the
    handling units (a comment is then required)."""
    problem = _locked(problem)
    _require_status(problem, (ProblemStatus.ANSWERED,), _("评价"))
    if satisfaction not in ProblemSatisfaction.values:
        raise ValidationError({"satisfaction": _("评价结果不正确")})
    satisfied = satisfaction == ProblemSatisfaction.SATISFIED
    if not satisfied and not (comment or "").strip():
        raise ValidationError({"comment": _("不满意时请填写意见")})
    problem.satisfaction, problem.satisfaction_comment = satisfaction, (comment or "").strip()
    problem.status = ProblemStatus.CLOSED if satisfied else ProblemStatus.REOPENED
    problem.closed_at = timezone.now() if satisfied else None
    _save(problem, ["satisfaction", "satisfaction_comment", "status", "closed_at"])
    if not satisfied:
        problem.assignments.update(answered_at=None)
    return problem


@transaction.atomic
def problem_supervision_raise(
    *, problem: EnterpriseProblem, level: str, reason: str
) -> EnterpriseProblem:
    """督办: the level only goes up; a reason is required; closed problems are not supervised."""
    problem = _locked(problem)
    _require_status(
        problem, [s for s in ProblemStatus.values if s != ProblemStatus.CLOSED], _("督办")
    )
    if level not in SUPERVISION_ORDER:
        raise ValidationError({"level": _("督办级别不正确")})
    if SUPERVISION_ORDER.index(level) <= SUPERVISION_ORDER.index(problem.supervision_level):
        raise ValidationError({"level": _("督办级别只能提高")})
    if not (reason or "").strip():
        raise ValidationError({"reason": _("督办必须填写理由")})
    problem.supervision_level, problem.supervision_reason = level, reason.strip()
    _save(problem, ["supervision_level", "supervision_reason"])
    return problem
