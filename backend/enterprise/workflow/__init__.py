"""The enterprise-problem process (企业家直通车) as a declaration: 已提交 → 分配包联领导 → 交办 to one
or more units → 开始办理 → 答复 (with the policy basis) → the enterprise's 评价: 满意 closes it,
不满意 reopens it for the handling units; 督办 (backend.workflow.supervision) until closed.

The holders are the handling units (many-to-many through ProblemAssignment, so `holders`).
包联 and 交办 may be repeated while the problem is open (a new leader, more units): the first one
moves the state on, later ones keep it — the engine has no state-dependent target, so their
effects advance the state (target None). The answer deadline runs from the first 交办: the
explicit one, else the time limit "enterprise.answer" of backend/worktime."""

from dataclasses import replace

from django.utils.translation import gettext_lazy as _

from backend.enterprise.models import EnterpriseProblem
from backend.enterprise.models import ProblemStatus as S
from backend.enterprise.workflow import handling, rating
from backend.workflow.declarations import Actor, Process, Transition
from backend.workflow.supervision import supervise_transition

OPEN = tuple(s for s in S.values if s != S.CLOSED)
IN_HAND = (S.DISPATCHED, S.HANDLING, S.REOPENED)


def handling_units(problem: EnterpriseProblem) -> set[int]:
    return {assignment.unit_id for assignment in problem.assignments.all()}


PROBLEM = Process(
    name="enterprise_problem",
    label=_("企业诉求办理"),
    noun=_("诉求"),
    model="enterprise.enterpriseproblem",
    holders=handling_units,
    holders_prefetch=("assignments",),
    not_holder=_("只有承办单位可以办理该诉求"),
    deadline_field="deadline",
    closed_states=(S.CLOSED,),
    assigned=True,
    transitions=(
        Transition("assign_leader", _("分配包联领导"), OPEN, actor=Actor.OVERSEER,
                   required={"leader": _("请选择包联领导")}, effect=handling.assign_leader),
        Transition("dispatch", _("交办"), (S.LEADER_ASSIGNED, *IN_HAND), actor=Actor.OVERSEER,
                   required={"units": _("请至少选择一个承办单位")}, effect=handling.dispatch,
                   deadline=handling.answer_deadline, notify="dispatched"),
        Transition("accept", _("开始办理"), (S.DISPATCHED, S.REOPENED), S.HANDLING,
                   actor=Actor.HOLDER),
        Transition("answer", _("答复"), IN_HAND, S.ANSWERED, actor=Actor.HOLDER,
                   required={"answer": _("答复内容不能为空"), "policy_basis": _("政策依据不能为空")},
                   effect=handling.answer),
        Transition("rate_satisfied", _("评价"), (S.ANSWERED,), S.CLOSED, actor=Actor.OVERSEER,
                   effect=rating.satisfied),
        Transition("rate_dissatisfied", _("评价"), (S.ANSWERED,), S.REOPENED,
                   actor=Actor.OVERSEER, effect=rating.dissatisfied, notify="returned"),
        replace(supervise_transition(OPEN), effect=rating.supervise),
    ),
)  # fmt: skip
