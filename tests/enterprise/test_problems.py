from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from backend.accounts.services import user_create
from backend.enterprise.models import EnterpriseProblem, ProblemAssignment, ProblemStatus
from backend.enterprise.services import (
    problem_accept,
    problem_answer,
    problem_assign_leader,
    problem_dispatch,
    problem_rate,
    problem_submit,
    problem_supervision_raise,
)
from backend.worktime.deadlines import deadline_for

pytestmark = pytest.mark.django_db


def fresh(problem) -> EnterpriseProblem:
    return EnterpriseProblem.objects.get(pk=problem.pk)


def test_submit_numbers_the_problem_in_the_enterprise_area(problem, enterprise):
    assert problem.number == f"QY-{timezone.localtime().year}-000001"
    assert (problem.area, problem.status) == (enterprise.area, ProblemStatus.SUBMITTED)


def test_submit_rejects_an_unknown_category_and_writes_nothing(enterprise):
    with pytest.raises(ValidationError) as error:
        problem_submit(enterprise=enterprise, category="weather", title="x", description="y")
    assert "category" in error.value.message_dict
    assert not EnterpriseProblem.objects.exists()


@pytest.fixture
def dispatched(problem, leader, manager, resources, approvals):
    problem_assign_leader(problem=problem, leader=leader)
    return problem_dispatch(problem=problem, units=[resources, approvals], actor=manager)


def test_the_whole_way_to_closed(dispatched, resources, approvals, manager):
    assert fresh(dispatched).status == ProblemStatus.DISPATCHED
    at = ProblemAssignment.objects.filter(problem=dispatched).first().dispatched_at
    # the answer time limit of backend/worktime (5 working days), from the dispatch
    assert fresh(dispatched).deadline == deadline_for("enterprise.answer", at, "land") > at
    assert set(dispatched.handling_units.all()) == {resources, approvals}
    assert ProblemAssignment.objects.filter(dispatched_by=manager).count() == 2
    problem_accept(problem=dispatched, unit=resources)
    assert fresh(dispatched).status == ProblemStatus.HANDLING
    problem_answer(
        problem=dispatched,
        unit=resources,
        answer="已纳入年度供地计划",
        policy_basis="《河北省建设用地审批管理办法》",
    )
    assert ProblemAssignment.objects.get(unit=resources).answered_at is not None
    problem_rate(problem=dispatched, satisfaction="satisfied")
    closed = fresh(dispatched)
    assert (closed.status, closed.closed_at is not None) == (ProblemStatus.CLOSED, True)


def test_leader_first_then_dispatch(problem, resources, leader, manager):
    with pytest.raises(ValidationError, match="诉求当前状态为“已提交”，不能交办"):
        problem_dispatch(problem=problem, units=[resources], actor=manager)
    problem_assign_leader(problem=problem, leader=leader)
    assert fresh(problem).status == ProblemStatus.LEADER_ASSIGNED
    other = user_create(username="leader2", password="Zl-demo-2026!", full_name="周明")
    problem_assign_leader(problem=problem, leader=other)
    assert (fresh(problem).leader, fresh(problem).status) == (other, ProblemStatus.LEADER_ASSIGNED)


@pytest.mark.parametrize(
    ("units", "deadline", "message"),
    [
        ("none", None, "请至少选择一个承办单位"),
        ("twice", None, "承办单位重复"),
        ("one", -1, "办理期限必须晚于当前时间"),
    ],
)
def test_dispatch_rejects_bad_input_and_writes_nothing(
    problem, leader, manager, resources, units, deadline, message
):
    problem_assign_leader(problem=problem, leader=leader)
    chosen = {"none": [], "twice": [resources, resources], "one": [resources]}[units]
    when = timezone.now() + timedelta(days=deadline) if deadline else None
    with pytest.raises(ValidationError, match=message):
        problem_dispatch(problem=problem, units=chosen, actor=manager, deadline=when)
    assert not ProblemAssignment.objects.exists()
    assert fresh(problem).status == ProblemStatus.LEADER_ASSIGNED


def test_dispatch_adds_units_but_not_the_same_one_again(dispatched, resources, manager, city):
    with pytest.raises(ValidationError, match="承办单位重复"):
        problem_dispatch(problem=dispatched, units=[resources], actor=manager)
    assert ProblemAssignment.objects.count() == 2


def test_answer_needs_answer_and_policy_basis(dispatched, resources):
    with pytest.raises(ValidationError) as error:
        problem_answer(problem=dispatched, unit=resources, answer=" ", policy_basis="")
    assert error.value.message_dict == {
        "answer": ["答复内容不能为空"],
        "policy_basis": ["政策依据不能为空"],
    }
    assert fresh(dispatched).status == ProblemStatus.DISPATCHED
    assert ProblemAssignment.objects.get(unit=resources).answered_at is None


def test_only_a_handling_unit_answers(problem, dispatched, city):
    from backend.org.models import UnitKind
    from backend.org.services import unit_create

    stranger = unit_create(
        code="CZ-U34", name="市市场监督管理局", kind=UnitKind.MEMBER_UNIT, area=city
    )
    with pytest.raises(ValidationError, match="只有承办单位可以办理该诉求"):
        problem_answer(problem=dispatched, unit=stranger, answer="a", policy_basis="b")
    with pytest.raises(ValidationError, match="只有承办单位可以办理该诉求"):
        problem_accept(problem=dispatched, unit=stranger)


def test_dissatisfied_reopens_and_needs_a_comment(dispatched, resources):
    problem_answer(
        problem=dispatched,
        unit=resources,
        answer="建议另行选址",
        policy_basis="《土地管理法》第四十四条",
    )
    with pytest.raises(ValidationError, match="不满意时请填写意见"):
        problem_rate(problem=dispatched, satisfaction="dissatisfied")
    assert fresh(dispatched).status == ProblemStatus.ANSWERED
    problem_rate(problem=dispatched, satisfaction="dissatisfied", comment="未解决实际问题")
    reopened = fresh(dispatched)
    assert (reopened.status, reopened.satisfaction) == (ProblemStatus.REOPENED, "dissatisfied")
    assert ProblemAssignment.objects.get(unit=resources).answered_at is None
    problem_accept(problem=reopened, unit=resources)
    problem_answer(
        problem=reopened,
        unit=resources,
        answer="已协调置换用地指标",
        policy_basis="《河北省城乡建设用地增减挂钩管理办法》",
    )
    problem_rate(problem=reopened, satisfaction="satisfied")
    assert fresh(dispatched).status == ProblemStatus.CLOSED


def test_rate_before_an_answer_or_with_a_bad_value_is_refused(dispatched, resources):
    with pytest.raises(ValidationError, match="不能评价"):
        problem_rate(problem=dispatched, satisfaction="satisfied")
    problem_answer(problem=dispatched, unit=resources, answer="a", policy_basis="b")
    with pytest.raises(ValidationError, match="评价结果不正确"):
        problem_rate(problem=dispatched, satisfaction="meh")
    assert fresh(dispatched).status == ProblemStatus.ANSWERED


def test_supervision_goes_up_only_and_not_after_closing(dispatched, resources):
    with pytest.raises(ValidationError, match="督办必须填写理由"):
        problem_supervision_raise(problem=dispatched, level="ordinary", reason="")
    problem_supervision_raise(problem=dispatched, level="yellow", reason="临近期限未答复")
    assert fresh(dispatched).supervision_reason == "临近期限未答复"
    with pytest.raises(ValidationError, match="督办级别只能提高"):
        problem_supervision_raise(problem=dispatched, level="ordinary", reason="x")
    problem_answer(problem=dispatched, unit=resources, answer="a", policy_basis="b")
    problem_rate(problem=dispatched, satisfaction="satisfied")
    with pytest.raises(ValidationError, match="不能督办"):
        problem_supervision_raise(problem=dispatched, level="red", reason="x")
