"""The subsidy-case process through the engine: the whole way with a real civil-affairs officer,
every illegal transition refused without a write, and who is offered what."""

# ruff: noqa: F811  (the app's fixtures are imported from its conftest and used as parameters)

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from backend.accounts.roles import Role
from backend.accounts.services import user_create
from backend.assistance.models import ReviewStage, SubsidyCase, SubsidyReview, SubsidyStatus
from backend.assistance.workflow import SUBSIDY
from backend.audit.models import AuditEntry
from backend.org.services import membership_grant
from backend.workflow.engine import available, fire
from backend.workflow.errors import NotPermitted
from backend.workflow.models import TransitionRecord
from tests.assistance.conftest import (  # noqa: F401
    application,
    case,
    next_year,
    officer,
    units,
    village,
)

pytestmark = pytest.mark.django_db
S = SubsidyStatus


def counts() -> tuple[int, int, int]:
    return (
        TransitionRecord.objects.count(),
        AuditEntry.objects.count(),
        SubsidyReview.objects.count(),
    )


def test_the_whole_way_from_review_to_termination(case, units, officer, next_year):
    township, county = units["township"], units["county"]
    fire(SUBSIDY, case, "township_pass", actor=officer, unit=township, data={"opinion": "属实"})
    approval = {"monthly_amount": Decimal("820.00"), "recheck_on": next_year}
    fire(SUBSIDY, case, "county_approve", actor=officer, unit=county, data=approval)
    fire(SUBSIDY, case, "start_payment", actor=officer)
    later = {"recheck_on": next_year + timedelta(days=365), "monthly_amount": Decimal("760")}
    paying = fire(SUBSIDY, case, "recheck_continue", actor=officer, unit=township, data=later)
    assert (paying.status, paying.monthly_amount) == (S.PAYING, Decimal("760"))
    fire(SUBSIDY, case, "suspend", actor=officer, unit=township, data={"opinion": "待核实"})
    ended = fire(SUBSIDY, case, "recheck_end", actor=officer, unit=county, data={"opinion": "迁出"})
    assert ended.status == S.ENDED
    records = TransitionRecord.objects.filter(process="subsidy_case", object_id=case.pk)
    assert [(r.transition, r.to_state, r.unit) for r in records] == [
        ("township_pass", S.TOWNSHIP_REVIEWED, township),
        ("county_approve", S.APPROVED, county),
        ("start_payment", S.PAYING, None),
        ("recheck_continue", S.PAYING, township),
        ("suspend", S.SUSPENDED, township),
        ("recheck_end", S.ENDED, county),
    ]
    stages = list(SubsidyReview.objects.values_list("stage", "decision"))
    assert stages == [
        (ReviewStage.TOWNSHIP_REVIEW, "pass"),
        (ReviewStage.COUNTY_APPROVAL, "pass"),
        (ReviewStage.RECHECK, "pass"),
        (ReviewStage.SUSPENSION, "reject"),
        (ReviewStage.RECHECK, "reject"),
    ]


def test_each_step_needs_a_unit_of_its_level(case, units, officer):
    with pytest.raises(ValidationError, match="乡镇审核须由该村（社区）所属乡镇的单位办理"):
        fire(SUBSIDY, case, "township_pass", actor=officer, unit=units["county"])
    fire(SUBSIDY, case, "township_pass", actor=officer, unit=units["township"])
    with pytest.raises(ValidationError, match="县级审批须由"):
        data = {"opinion": "不符合条件"}
        fire(SUBSIDY, case, "county_reject", actor=officer, unit=units["township"], data=data)
    assert SubsidyCase.objects.get().status == S.TOWNSHIP_REVIEWED


def test_an_officer_of_another_county_may_not_decide(case, units, xianxian):
    stranger = user_create(username="xian", password="Zl-demo-2026!", full_name="孙强")
    membership_grant(user=stranger, role=Role.COUNTY_CENTRE, scope=xianxian)
    before = counts()
    with pytest.raises(NotPermitted):
        fire(SUBSIDY, case, "township_pass", actor=stranger, unit=units["other_county"])
    assert counts() == before


ILLEGAL = [
    (transition.name, state)
    for transition in SUBSIDY.transitions
    for state in S.values
    if state not in transition.sources
]


@pytest.mark.parametrize(("name", "state"), ILLEGAL)
def test_every_illegal_transition_is_refused_and_writes_nothing(
    case, units, next_year, name, state
):
    SubsidyCase.objects.filter(pk=case.pk).update(status=state)
    data = {"opinion": "意见", "monthly_amount": Decimal("500"), "recheck_on": next_year}
    before = counts()
    with pytest.raises(ValidationError) as refused:
        fire(SUBSIDY, case, name, actor=None, unit=units["township"], data=data)
    assert refused.value.code == "invalid_state"
    assert counts() == before
    assert SubsidyCase.objects.get().status == state


def names(case, user) -> list[str]:
    return [t.name for t in available(SUBSIDY, SubsidyCase.objects.get(pk=case.pk), user)]


def test_the_officer_is_offered_the_steps_of_the_state_and_a_reader_none(case, officer, city):
    reader = user_create(username="reader", password="Zl-demo-2026!", full_name="钱文")
    membership_grant(user=reader, role=Role.LEADER, scope=city)
    assert names(case, officer) == ["township_pass", "township_reject"]
    assert names(case, reader) == []
    SubsidyCase.objects.filter(pk=case.pk).update(status=S.PAYING)
    expected = ["recheck_continue", "recheck_suspend", "recheck_end", "suspend", "end"]
    assert names(case, officer) == expected
    assert names(case, reader) == []
