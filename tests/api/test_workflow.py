"""The workflow through the API: declarations, the actions a user may take now, the history,
supervision lists in scope and the decision on proposals."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backend.areas.models import Area
from backend.org.models import Unit, UnitKind
from backend.reports.models import Report, ReportCategory, ReportSource
from backend.reports.services import report_dispatch, report_submit
from backend.workflow.models import Supervision, SupervisionStatus
from backend.workflow.periodic import run_checks

pytestmark = pytest.mark.django_db

ACTIONS = """query ($id: ID!) { workflowActions(objectType: "reports.report", id: $id) {
  name label required } }"""
HISTORY = """query ($id: ID!) { workflowHistory(objectType: "reports.report", id: $id) {
  transition fromState toState actorName unit { name } } }"""
SUPERVISIONS = """query ($limit: Int!) { supervisions(pagination: {limit: $limit}) {
  totalCount results { level status objectId area { name } unit { name area { name } } byName } } }"""


def new_dispatched(users, world) -> Report:
    """A report of a 肃宁镇 village, dispatched by the township centre to 市司法局 (the unit
    handler's unit)."""
    town = Area.objects.get(code=130926100000)
    report = report_submit(
        source=ReportSource.GRID_WORKER, category=ReportCategory.objects.get(code="0302"),
        area=Area.objects.filter(parent=town).order_by("code").first(), title="下水道堵塞",
        description="污水外溢", centre=Unit.objects.get(area=town, kind=UnitKind.GOVERNANCE_CENTRE),
        actor=users["grid_worker"],
    )  # fmt: skip
    return report_dispatch(
        report=report, unit=world.member_units[10], actor=users["township_centre"]
    )


@pytest.fixture
def dispatched(users, world) -> Report:
    return new_dispatched(users, world)


def test_the_declarations_are_readable(gql_as, users):
    processes = gql_as(users["unit_handler"]).data(
        "{ workflowProcesses { name objectType transitions { name label sources target actor required } } }"
    )
    report = next(p for p in processes["workflowProcesses"] if p["name"] == "report")
    sign = next(t for t in report["transitions"] if t["name"] == "sign")
    assert sign == {
        "name": "sign",
        "label": "签收",
        "sources": ["dispatched"],
        "target": "signed",
        "actor": "holder",
        "required": [],
    }


def test_each_user_gets_the_actions_they_may_take_now(gql_as, users, dispatched):
    handler = gql_as(users["unit_handler"]).data(ACTIONS, {"id": dispatched.pk})["workflowActions"]
    assert [a["name"] for a in handler] == ["sign", "return", "transfer"]
    centre = gql_as(users["township_centre"]).data(ACTIONS, {"id": dispatched.pk})[
        "workflowActions"
    ]
    assert [a["name"] for a in centre] == ["supervise"]
    # a city leader reads everything and may only 督办
    leader = gql_as(users["leader"]).data(ACTIONS, {"id": dispatched.pk})["workflowActions"]
    assert [a["name"] for a in leader] == ["supervise"]
    assert gql_as(users["auditor"]).data(ACTIONS, {"id": dispatched.pk})["workflowActions"] == []
    # another county's centre cannot see the report at all: null, as for a missing one
    assert (
        gql_as(users["xianxian_centre"]).data(ACTIONS, {"id": dispatched.pk})["workflowActions"]
        is None
    )
    assert gql_as(users["xianxian_centre"]).data(ACTIONS, {"id": 10**9})["workflowActions"] is None


def test_the_history_shows_each_transition(gql_as, users, dispatched):
    api = gql_as(users["unit_handler"])
    api.data(
        """mutation ($id: ID!) { signReport(data: {id: $id}) { ... on Report { status } } }""",
        {"id": dispatched.pk},
    )
    history = api.data(HISTORY, {"id": dispatched.pk})["workflowHistory"]
    assert [(h["transition"], h["fromState"], h["toState"]) for h in history] == [
        ("dispatch", "registered", "dispatched"),
        ("sign", "dispatched", "signed"),
    ]
    assert history[1]["unit"] == {"name": "市司法局"}
    assert (
        gql_as(users["xianxian_centre"]).data(HISTORY, {"id": dispatched.pk})["workflowHistory"]
        is None
    )


def _propose(report: Report) -> None:
    Report.objects.filter(pk=report.pk).update(deadline=timezone.now() - timedelta(days=8))
    run_checks(timezone.now())


def test_supervisions_are_listed_in_scope_and_decided_by_a_county_centre(gql_as, users, dispatched):
    _propose(dispatched)
    county = gql_as(users["county_centre"]).data(SUPERVISIONS, {"limit": 50})["supervisions"]
    assert county["totalCount"] >= 3 and {r["status"] for r in county["results"]} == {"proposed"}
    # 献县's centre sees 献县's own proposals (other overdue items of the world), never 肃宁's
    other = gql_as(users["xianxian_centre"]).data(SUPERVISIONS, {"limit": 100})["supervisions"]
    assert str(dispatched.pk) not in {row["objectId"] for row in other["results"]}
    assert all(row["area"]["name"] != dispatched.area.name for row in other["results"])
    assert (
        Supervision.objects.filter(area_id__gte=130929000000, area_id__lt=130930000000).count()
        == other["totalCount"]
    )
    red = Supervision.objects.get(object_id=dispatched.pk, level="red")
    decide = """mutation ($data: DecideSupervisionInput!) { decideSupervision(data: $data) {
      ... on Supervision { status measure byName } ... on OperationInfo { messages { message } } } }"""
    data = {"id": red.pk, "issue": True, "measure": "05"}
    outsider = gql_as(users["xianxian_centre"]).data(decide, {"data": data})["decideSupervision"]
    assert outsider == {"messages": [{"message": "督办不存在"}]}
    issued = gql_as(users["county_centre"]).data(decide, {"data": data})["decideSupervision"]
    assert issued["status"] == "issued" and issued["measure"] == "05"
    assert Report.objects.get(pk=dispatched.pk).supervision_level == "red"
    assert Supervision.objects.get(pk=red.pk).status == SupervisionStatus.ISSUED


def test_the_supervision_list_costs_the_same_for_any_page(gql_as, users, world):
    for _ in range(17):  # three proposals each (ordinary, yellow, red): 51 rows
        _propose(new_dispatched(users, world))
    api, counts = gql_as(users["city_admin"]), []
    for limit in (1, 50):
        with CaptureQueriesContext(connection) as queries:
            rows = api.data(SUPERVISIONS, {"limit": limit})["supervisions"]["results"]
        assert len(rows) == limit
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
