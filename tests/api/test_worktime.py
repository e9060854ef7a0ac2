"""Time limits and the working-day calendar are data administrators edit through the API (and so
in the portal): the city administrator changes them, everyone signed in reads them, and an edit
changes the deadlines computed afterwards."""

from datetime import date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.worktime.deadlines import CHINA, deadline_after
from backend.worktime.models import CalendarDay, LimitUnit, TimeLimit
from backend.worktime.selectors import limit_for

pytestmark = pytest.mark.django_db

RESULT = "... on OperationInfo { messages { field message } }"
CREATE_LIMIT = (
    "mutation ($data: TimeLimitCreateInput!) { createTimeLimit(data: $data) {"
    " ... on TimeLimit { id process amount unit } " + RESULT + " } }"
)
UPDATE_LIMIT = (
    "mutation ($data: TimeLimitUpdateInput!) { updateTimeLimit(data: $data) {"
    " ... on TimeLimit { amount unit } " + RESULT + " } }"
)
DELETE_DAY = (
    "mutation ($id: ID!) { deleteCalendarDay(data: {id: $id}) {"
    " ... on CalendarDay { id day } " + RESULT + " } }"
)
LIMITS = """query ($limit: Int!) { timeLimits(pagination: {limit: $limit}, ordering: {process: ASC}) {
  totalCount results { process categoryCode amount unit label } } }"""


def test_the_city_administrator_edits_a_limit_and_new_deadlines_follow(gql_as, users):
    api = gql_as(users["city_admin"])
    data = {
        "process": "dispute.mediation",
        "categoryCode": "0902",
        "amount": 45,
        "unit": "days",
        "label": "宅基地纠纷调解",
    }
    created = api.data(CREATE_LIMIT, {"data": data})["createTimeLimit"]
    assert (created["process"], created["amount"], created["unit"]) == (
        "dispute.mediation",
        45,
        "days",
    )
    assert limit_for("dispute.mediation", "0902").amount == 45
    updated = api.data(
        UPDATE_LIMIT, {"data": {"id": created["id"], "amount": 20, "unit": "working_days"}}
    )
    assert updated["updateTimeLimit"] == {"amount": 20, "unit": "working_days"}
    assert limit_for("dispute.mediation", "0902").unit == LimitUnit.WORKING_DAYS


def test_bad_limits_are_refused_in_chinese_on_their_field(gql_as, users):
    api = gql_as(users["city_admin"])
    before = TimeLimit.objects.count()
    bad = {"process": "Dispute Mediation", "amount": 0, "unit": "weeks", "label": "x"}
    messages = api.data(CREATE_LIMIT, {"data": bad})["createTimeLimit"]["messages"]
    assert {m["field"] for m in messages} >= {"process", "amount", "unit"}
    assert TimeLimit.objects.count() == before


def test_others_read_but_may_not_change(gql_as, users):
    limit = TimeLimit.objects.get(process="dispute.mediation", category_code="")
    for name in ("county_centre", "leader", "unit_handler"):
        api = gql_as(users[name])
        assert (
            api.data(LIMITS, {"limit": 5})["timeLimits"]["totalCount"] == TimeLimit.objects.count()
        )
        refused = api.data(UPDATE_LIMIT, {"data": {"id": limit.pk, "amount": 1}})["updateTimeLimit"]
        assert refused["messages"][0]["message"] == "办理时限不存在"
    assert TimeLimit.objects.get(pk=limit.pk).amount == limit.amount


def test_removing_a_holiday_makes_it_a_working_day_again(gql_as, users):
    start = datetime(2026, 9, 30, 9, 0, tzinfo=CHINA)  # 国庆 2026: 10/1–10/7 off
    before = deadline_after(start, 1, LimitUnit.WORKING_DAYS)
    assert before.date() == date(2026, 10, 8)  # the first working day after the holiday
    holiday = CalendarDay.objects.get(day=date(2026, 10, 1))
    deleted = gql_as(users["city_admin"]).data(DELETE_DAY, {"id": holiday.pk})["deleteCalendarDay"]
    assert deleted == {"id": str(holiday.pk), "day": "2026-10-01"}
    assert deadline_after(start, 1, LimitUnit.WORKING_DAYS).date() == date(2026, 10, 1)


def test_the_lists_cost_the_same_for_any_page(gql_as, users):
    api, counts = gql_as(users["leader"]), []
    for limit in (1, 50):
        with CaptureQueriesContext(connection) as queries:
            api.data(
                """query ($limit: Int!) { calendarDays(pagination: {limit: $limit}) {
              totalCount results { day kind name } } }""",
                {"limit": limit},
            )
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
