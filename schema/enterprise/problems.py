"""The life of an enterprise problem: 包联领导 → 交办 → 办理 → 答复 → 评价, and 督办."""

import strawberry
import strawberry_django
from strawberry.types import Info

from backend.enterprise.models import EnterpriseProblem
from backend.enterprise.services import (
    problem_accept,
    problem_answer,
    problem_assign_leader,
    problem_dispatch,
    problem_rate,
    problem_supervision_raise,
)
from backend.org.models import Unit
from permissions.codenames import Action
from schema.base.context import user_of
from schema.base.inputs import IdInput
from schema.base.loading import load, load_many
from schema.enterprise.acting import as_seen, handling_unit, leader_for, require_manager
from schema.enterprise.inputs import (
    AnswerEnterpriseProblemInput,
    AssignProblemLeaderInput,
    DispatchEnterpriseProblemInput,
    RateEnterpriseProblemInput,
    SuperviseEnterpriseProblemInput,
)
from schema.enterprise.types import EnterpriseProblemType


def _managed(info: Info, value: strawberry.ID) -> EnterpriseProblem:
    problem = load(info, EnterpriseProblem, value, Action.CHANGE)
    require_manager(info, problem)
    return problem


@strawberry.type
class ProblemWorkflowMutation:
    @strawberry_django.mutation(handle_django_errors=True, description="分配或更换包联领导")
    def assign_problem_leader(
        self, info: Info, data: AssignProblemLeaderInput
    ) -> EnterpriseProblemType:
        problem = _managed(info, data.id)
        leader = leader_for(problem, data.leader_id)
        return as_seen(
            info, problem_assign_leader(problem=problem, leader=leader, actor=user_of(info))
        )  # type: ignore[return-value]

    @strawberry_django.mutation(handle_django_errors=True, description="交办承办单位")
    def dispatch_enterprise_problem(
        self, info: Info, data: DispatchEnterpriseProblemInput
    ) -> EnterpriseProblemType:
        problem = _managed(info, data.id)
        units = load_many(info, Unit, list(data.unit_ids), "unit_ids")
        done = problem_dispatch(
            problem=problem, units=units, actor=user_of(info), deadline=data.deadline
        )
        return as_seen(info, done)  # type: ignore[return-value]

    @strawberry_django.mutation(handle_django_errors=True, description="承办单位开始办理")
    def accept_enterprise_problem(self, info: Info, data: IdInput) -> EnterpriseProblemType:
        problem = load(info, EnterpriseProblem, data.id, Action.CHANGE)
        done = problem_accept(
            problem=problem, unit=handling_unit(info, problem), actor=user_of(info)
        )
        return as_seen(info, done)  # type: ignore[return-value]

    @strawberry_django.mutation(handle_django_errors=True, description="承办单位答复（附政策依据）")
    def answer_enterprise_problem(
        self, info: Info, data: AnswerEnterpriseProblemInput
    ) -> EnterpriseProblemType:
        problem = load(info, EnterpriseProblem, data.id, Action.CHANGE)
        done = problem_answer(
            actor=user_of(info),
            problem=problem,
            unit=handling_unit(info, problem),
            answer=data.answer,
            policy_basis=data.policy_basis,
        )
        return as_seen(info, done)  # type: ignore[return-value]

    @strawberry_django.mutation(
        handle_django_errors=True, description="登记企业评价（满意办结，不满意重新办理）"
    )
    def rate_enterprise_problem(
        self, info: Info, data: RateEnterpriseProblemInput
    ) -> EnterpriseProblemType:
        problem = _managed(info, data.id)
        done = problem_rate(
            problem=problem,
            satisfaction=data.satisfaction,
            comment=data.comment,
            actor=user_of(info),
        )
        return as_seen(info, done)  # type: ignore[return-value]

    @strawberry_django.mutation(handle_django_errors=True, description="督办（级别只升不降）")
    def supervise_enterprise_problem(
        self, info: Info, data: SuperviseEnterpriseProblemInput
    ) -> EnterpriseProblemType:
        problem = _managed(info, data.id)
        done = problem_supervision_raise(
            problem=problem, level=data.level, reason=data.reason, actor=user_of(info)
        )
        return as_seen(info, done)  # type: ignore[return-value]
