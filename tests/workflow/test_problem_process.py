"""The enterprise-problem process through the engine: the whole way with real users (the answer
deadline from the configured time limit, the dispatch notified, 督办 recorded like the reports'),
every illegal transition refused without a write, and what each side is offered."""

# ruff: noqa: F811  (the app's fixtures are imported from its conftest and used as parameters)

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from backend.accounts.roles import Role
from backend.accounts.services import user_create
from backend.audit.models import AuditEntry
from backend.enterprise.models import EnterpriseProblem, ProblemAssignment, ProblemStatus
from backend.enterprise.workflow import PROBLEM
from backend.notifications.models import Notification
from backend.org.services import membership_grant
from backend.workflow.engine import available, fire
from backend.workflow.models import Supervision, TransitionRecord
from backend.worktime.deadlines import deadline_for
from backend.worktime.models import TimeLimit
from tests.enterprise.conftest import (  # noqa: F401
    approvals,
    domestic,
    enterprise,
    leader,
    manager,
    problem,
    resources,
)

pytestmark = pytest.mark.django_db
S = ProblemStatus


@pytest.fixture
def clerk(resources, city):
    """A handler of 市自然资源和规划局, one of the handling units."""
    user = user_create(username="clerk", password="Zl-demo-2026!", full_name="郑伟")
    membership_grant(user=user, role=Role.UNIT_HANDLER, scope=city, unit=resources)
    return user


@pytest.fixture
def dispatched(problem, leader, manager, resources, approvals):
    fire(PROBLEM, problem, "assign_leader", actor=manager, data={"leader": leader})
    units = [resources, approvals]
    return fire(PROBLEM, problem, "dispatch", actor=manager, data={"units": units})


def counts() -> tuple[int, ...]:
    models = (TransitionRecord, AuditEntry, ProblemAssignment, Supervision)
    return tuple(model.objects.count() for model in models)


def test_the_whole_way_to_closed(
    problem, leader, manager, resources, approvals, clerk, django_capture_on_commit_callbacks
):
    fire(PROBLEM, problem, "assign_leader", actor=manager, data={"leader": leader})
    with django_capture_on_commit_callbacks(execute=True):
        data = {"units": [resources, approvals]}
        sent = fire(PROBLEM, problem, "dispatch", actor=manager, data=data)
    assert sent.deadline == deadline_for(
        "enterprise.answer", sent.assignments.first().dispatched_at
    )
    told = Notification.objects.filter(kind="dispatched", object_id=str(problem.pk))
    assert set(told.values_list("unit", flat=True)) == {resources.pk, approvals.pk}
    fire(PROBLEM, problem, "accept", actor=clerk)
    data = {"answer": "已纳入年度供地计划", "policy_basis": "《河北省建设用地审批管理办法》"}
    fire(PROBLEM, problem, "answer", actor=clerk, data=data)
    assert ProblemAssignment.objects.get(unit=resources).answered_at is not None
    closed = fire(PROBLEM, problem, "rate_satisfied", actor=manager, data={"comment": "满意"})
    assert (closed.status, closed.satisfaction) == (S.CLOSED, "satisfied")
    records = TransitionRecord.objects.filter(process="enterprise_problem", object_id=problem.pk)
    assert [(r.transition, r.to_state, r.unit) for r in records] == [
        ("assign_leader", S.LEADER_ASSIGNED, None),
        ("dispatch", S.DISPATCHED, None),
        ("accept", S.HANDLING, resources),
        ("answer", S.ANSWERED, resources),
        ("rate_satisfied", S.CLOSED, None),
    ]
    assert records.get(transition="dispatch").deadline == sent.deadline


def test_without_a_configured_limit_the_answer_is_due_in_fifteen_days(
    problem, leader, manager, resources
):
    TimeLimit.objects.filter(process="enterprise.answer").delete()
    fire(PROBLEM, problem, "assign_leader", actor=manager, data={"leader": leader})
    sent = fire(PROBLEM, problem, "dispatch", actor=manager, data={"units": [resources]})
    assert sent.deadline == sent.assignments.get().dispatched_at + timedelta(days=15)


def test_supervision_is_recorded_for_the_handling_unit(dispatched, resources, manager):
    data = {"level": "yellow", "reason": "临近期限未答复", "measure": "03"}
    supervised = fire(PROBLEM, dispatched, "supervise", actor=manager, data=data)
    assert (supervised.supervision_level, supervised.supervision_reason) == (
        "yellow",
        "临近期限未答复",
    )
    record = Supervision.objects.get()
    assert (record.process, record.object_id, record.unit, record.by) == (
        "enterprise_problem",
        dispatched.pk,
        resources,  # the first handling unit
        manager,
    )
    with pytest.raises(ValidationError, match="督办级别只能提高"):
        fire(PROBLEM, dispatched, "supervise", actor=manager, data={**data, "level": "ordinary"})


def test_a_dissatisfied_rating_reopens_it_for_every_handling_unit(dispatched, clerk, manager):
    data = {"answer": "建议另行选址", "policy_basis": "《土地管理法》第四十四条"}
    fire(PROBLEM, dispatched, "answer", actor=clerk, data=data)
    with pytest.raises(ValidationError, match="不满意时请填写意见"):
        fire(
            PROBLEM,
            dispatched,
            "rate_dissatisfied",
            actor=manager,
            data={"satisfaction": "dissatisfied"},
        )
    data = {"satisfaction": "dissatisfied", "comment": "未解决实际问题"}
    reopened = fire(PROBLEM, dispatched, "rate_dissatisfied", actor=manager, data=data)
    assert reopened.status == S.REOPENED
    assert not ProblemAssignment.objects.filter(answered_at__isnull=False).exists()


ILLEGAL = [
    (transition.name, state)
    for transition in PROBLEM.transitions
    for state in S.values
    if state not in transition.sources
]


@pytest.mark.parametrize(("name", "state"), ILLEGAL)
def test_every_illegal_transition_is_refused_and_writes_nothing(
    dispatched, resources, leader, name, state
):
    EnterpriseProblem.objects.filter(pk=dispatched.pk).update(status=state)
    data = {
        "leader": leader,
        "units": [resources],
        "answer": "a",
        "policy_basis": "b",
        "satisfaction": "satisfied",
        "level": "red",
        "reason": "慢",
    }
    before = counts()
    with pytest.raises(ValidationError) as refused:
        fire(PROBLEM, dispatched, name, actor=None, unit=resources, data=data)
    assert refused.value.code == "invalid_state"
    assert counts() == before
    assert EnterpriseProblem.objects.get().status == state


def names(problem, user) -> list[str]:
    return [t.name for t in available(PROBLEM, EnterpriseProblem.objects.get(pk=problem.pk), user)]


def test_the_handling_unit_and_the_manager_are_offered_their_own_steps(dispatched, clerk, manager):
    assert names(dispatched, clerk) == ["accept", "answer"]
    assert names(dispatched, manager) == ["assign_leader", "dispatch", "supervise"]
    EnterpriseProblem.objects.filter(pk=dispatched.pk).update(status=S.ANSWERED)
    assert names(dispatched, clerk) == []  # a unit neither rates nor supervises its own answer
    assert names(dispatched, manager) == [
        "assign_leader",
        "rate_satisfied",
        "rate_dissatisfied",
        "supervise",
    ]
