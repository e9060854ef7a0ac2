"""Administrators' time limits: defaults from the migration, category overrides, validation."""

from datetime import datetime

import pytest
from django.core.exceptions import ValidationError

from backend.accounts.roles import Role
from backend.accounts.services import user_create
from backend.org.services import membership_grant
from backend.worktime.deadlines import CHINA, deadline_for
from backend.worktime.models import CalendarDay, LimitUnit, TimeLimit
from backend.worktime.selectors import limit_for
from backend.worktime.services import time_limit_delete, time_limit_set
from permissions.codenames import Action
from permissions.registry import policy_for

pytestmark = pytest.mark.django_db


def test_the_defaults_are_installed():
    got = {
        (row.process, row.category_code): (row.amount, row.unit) for row in TimeLimit.objects.all()
    }
    assert got == {
        ("dispute.mediation", ""): (30, LimitUnit.DAYS),
        ("dispute.confirmation_apply", ""): (30, LimitUnit.DAYS),
        ("dispute.confirmation_accept", ""): (3, LimitUnit.DAYS),
        ("subsidy.township_review", ""): (10, LimitUnit.WORKING_DAYS),
        ("subsidy.county_approval", ""): (10, LimitUnit.WORKING_DAYS),
        ("enterprise.answer", ""): (5, LimitUnit.WORKING_DAYS),
    }


def test_a_category_limit_wins_and_other_categories_fall_back_to_the_default():
    assert limit_for("enterprise.answer", "01").amount == 5
    time_limit_set(
        process="enterprise.answer",
        category_code="01",
        amount=3,
        unit=LimitUnit.WORKING_DAYS,
        label="内资企业诉求答复期限",
    )
    assert limit_for("enterprise.answer", "01").amount == 3
    assert limit_for("enterprise.answer", "02").amount == 5
    assert limit_for("enterprise.answer").amount == 5
    assert limit_for("task") is None
    start = datetime(2026, 2, 12, 9, 0, tzinfo=CHINA)
    assert deadline_for("enterprise.answer", start, "01").date().isoformat() == "2026-02-24"


def test_changing_and_deleting_a_limit_take_effect_at_once():
    time_limit_set(process="task", amount=48, unit=LimitUnit.HOURS, label="任务签收期限")
    assert limit_for("task").amount == 48
    time_limit_set(process="task", amount=72, unit=LimitUnit.HOURS, label="任务签收期限")
    assert limit_for("task").amount == 72
    assert TimeLimit.objects.filter(process="task").count() == 1
    time_limit_delete(process="task")
    assert limit_for("task") is None


def test_limit_for_costs_no_query_once_loaded(django_assert_num_queries):
    limit_for("dispute.mediation")
    with django_assert_num_queries(0):
        assert limit_for("dispute.mediation", "0101").amount == 30


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"process": "Dispute Mediation"}, "process"),
        ({"amount": 0}, "amount"),
        ({"amount": 10000}, "amount"),
        ({"unit": "weeks"}, "unit"),
        ({"label": ""}, "label"),
    ],
)
def test_invalid_limits_are_refused_and_nothing_is_written(values, field):
    fields = {"process": "task", "amount": 2, "unit": LimitUnit.DAYS, "label": "任务期限"}
    with pytest.raises(ValidationError) as raised:
        time_limit_set(**{**fields, **values})
    assert field in raised.value.message_dict
    assert not TimeLimit.objects.filter(process__in=["task", "Dispute Mediation"]).exists()


def test_deleting_a_missing_limit_is_an_error():
    with pytest.raises(ValidationError) as raised:
        time_limit_delete(process="task")
    assert raised.value.message_dict == {"process": ["该流程没有这一时限"]}


def test_only_the_city_administrator_edits_the_calendar_and_the_limits(city, suning):
    admin = user_create(username="cal_admin", password="Zl-demo-2026!")
    clerk = user_create(username="cal_clerk", password="Zl-demo-2026!")
    membership_grant(user=admin, role=Role.CITY_ADMIN, scope=city)
    membership_grant(user=clerk, role=Role.COUNTY_CENTRE, scope=suning)
    for model in (CalendarDay, TimeLimit):
        policy = policy_for(model)
        assert all(policy.may(admin, action) for action in (Action.ADD, Action.CHANGE))
        assert policy.may(clerk, Action.VIEW) and not policy.may(clerk, Action.CHANGE)
