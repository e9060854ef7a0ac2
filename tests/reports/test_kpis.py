"""KPIs against a hand-built history whose rates are worked out in the comments."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from backend.accounts.roles import Role
from backend.common.assignment import assignment_refresh
from backend.org.services import membership_grant
from backend.reports.models import DispatchStep, Report, ReportEvaluation, StepAction
from backend.reports.selectors import (
    Rate,
    resolution_rates,
    response_rates,
    satisfaction_rates,
)
from permissions.registry import policy_for

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 10, 1, tzinfo=ZoneInfo("Asia/Shanghai"))
START, END = T0, T0 + timedelta(days=31)
H = timedelta(hours=1)


def make_report(number, sewer, village) -> Report:
    return Report.objects.create(
        number=number,
        source="resident",
        category=sewer,
        area=village,
        title="下水道堵塞",
        description="污水外溢",
        registered_at=T0,
    )


def step(report, action, to_unit=None, from_unit=None, at=T0, signed_after=None):
    signed = at + signed_after if signed_after is not None else None
    return DispatchStep.objects.create(
        report=report,
        action=action,
        to_unit=to_unit,
        from_unit=from_unit,
        entered_at=at,
        signed_at=signed,
    )


def evaluate(report, solved, satisfaction, at=T0 + 10 * 24 * H):
    ReportEvaluation.objects.create(
        report=report, solved=solved, satisfaction=satisfaction, evaluated_at=at
    )


@pytest.fixture
def history(sewer, village, water, police):
    r = [make_report(f"SJ-2026-{i:07d}", sewer, village) for i in range(1, 7)]
    # 响应率, water: 4 dispatched in October; signed after 1 h and 0.5 h (in time), after 3 h
    # (late), never → 2 / 4. The redo step does not count.
    step(r[0], StepAction.DISPATCH, water, signed_after=H)
    step(r[1], StepAction.DISPATCH, water, signed_after=H / 2)
    step(r[2], StepAction.DISPATCH, water, signed_after=3 * H)
    step(r[3], StepAction.DISPATCH, water)
    step(r[0], StepAction.REDO, water, at=T0 + 5 * 24 * H)
    # police: one transfer in October signed after 1 h → 1 / 1; a September dispatch is outside.
    step(r[4], StepAction.TRANSFER, police, from_unit=water, signed_after=H)
    step(r[5], StepAction.DISPATCH, police, at=T0 - 5 * 24 * H, signed_after=H)
    # 解决率 / 满意率, water fed back r0, r1, r2: solved 2 of 3; 满意 + 基本满意 2 of 3.
    for report in r[:3]:
        step(report, StepAction.FEEDBACK, from_unit=water, at=T0 + 2 * 24 * H)
    evaluate(r[0], True, "satisfied")
    evaluate(r[1], True, "basically")
    evaluate(r[2], False, "dissatisfied")
    # r4: water fed back first, police last → judged on police: solved 1/1, pleased 0/1.
    step(r[4], StepAction.FEEDBACK, from_unit=water, at=T0 + 1 * 24 * H)
    step(r[4], StepAction.FEEDBACK, from_unit=police, at=T0 + 3 * 24 * H)
    evaluate(r[4], True, "dissatisfied")
    # r5 was evaluated in November: outside the period.
    step(r[5], StepAction.FEEDBACK, from_unit=police, at=T0 + 2 * 24 * H)
    evaluate(r[5], True, "satisfied", at=END + H)


def test_response_rate_per_unit(history, water, police, django_assert_num_queries):
    with django_assert_num_queries(1):
        rates = response_rates(START, END, reports=Report.objects.all())
    assert rates == {water.pk: Rate(2, 4), police.pk: Rate(1, 1)}
    assert rates[water.pk].value == 0.5


def test_resolution_rate_per_unit(history, water, police, django_assert_num_queries):
    with django_assert_num_queries(1):
        rates = resolution_rates(START, END, reports=Report.objects.all())
    assert rates == {water.pk: Rate(2, 3), police.pk: Rate(1, 1)}


def test_satisfaction_rate_per_unit(history, water, police, django_assert_num_queries):
    with django_assert_num_queries(1):
        rates = satisfaction_rates(START, END, reports=Report.objects.all())
    assert rates == {water.pk: Rate(2, 3), police.pk: Rate(0, 1)}


@pytest.fixture
def police_handler(history, police, suning_town, handler):
    """Sees r4 only, through 派出所's object grant on the report it currently holds."""
    membership_grant(user=handler, role=Role.UNIT_HANDLER, scope=suning_town, unit=police)
    r4 = Report.objects.get(number="SJ-2026-0000005")
    Report.objects.filter(pk=r4.pk).update(current_unit=police)
    assignment_refresh(obj=r4)
    return handler


def test_restricted_reports_restrict_every_rate(police_handler, police, django_assert_num_queries):
    """Only r4 counts: its transfer to police (1 / 1), its evaluation judged on police."""
    visible = policy_for(Report).visible(police_handler)
    assert "reportunitgrant" in str(visible.query)  # the object grants are a subquery
    with django_assert_num_queries(3):
        assert response_rates(START, END, reports=visible) == {police.pk: Rate(1, 1)}
        assert resolution_rates(START, END, reports=visible) == {police.pk: Rate(1, 1)}
        assert satisfaction_rates(START, END, reports=visible) == {police.pk: Rate(0, 1)}


def test_rate_without_items_has_no_value():
    assert Rate(0, 0).value is None
