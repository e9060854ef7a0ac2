"""The dashboard statistics through POST /graphql/: figures worked out by hand from a history made
through the services, each user's scope, and a fixed number of SQL statements per query."""

from contextlib import contextmanager
from datetime import date, datetime, timedelta
from decimal import Decimal
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backend.areas.models import Area
from backend.codes.models import Code, Table
from backend.creation.models import CreationTask
from backend.creation.services import task_create
from backend.disputes.models import Dispute
from backend.disputes.services import dispute_register
from backend.org.services import unit_create
from backend.reports.models import Report, ReportCategory, ReportSource
from backend.reports.services import (
    report_dispatch,
    report_evaluate,
    report_feedback,
    report_sign,
    report_submit,
    report_supervision_raise,
)
from tests.api.conftest import Gql
from tests.disputes.conftest import party

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")
T0 = datetime(2027, 3, 2, 9, tzinfo=SHANGHAI)  # after every row of the demo world
H = timedelta(hours=1)
PERIOD = {"start": "2027-03-01T00:00:00+08:00", "end": "2027-04-01T00:00:00+08:00"}
SUNING_TOWN, XIANXIAN_TOWN = 130926100000, 130929100000
PERFORMANCE = """query ($start: DateTime, $end: DateTime) { unitPerformance(start: $start, end: $end) {
  unit { id name } dispatched signedInTime responseRate evaluated solved resolutionRate
  satisfied satisfactionRate supervisions { ordinary yellow red deduction } } }"""
DISPUTES = """query ($area: String) { disputeStatistics(areaCode: $area) {
  total resolution { finished resolved rate } byType { code name count }
  byStatus { status label count }
  byCounty { area { code name } total finished resolved rate }
  byTownship { area { code name } total finished resolved rate } } }"""
LEVELS = ("ordinary", "yellow", "red", "deduction")
TASKS = "{ taskCompletion { unit { id name } total completed overdue rate averageProgress } }"


@pytest.fixture
def gql_as():
    def as_user(user) -> Gql:
        browser = Client()
        browser.force_login(user)
        return Gql(browser)

    return as_user


@contextmanager
def clock(moment: datetime):
    """The services (and the workflow engine) see `moment` as now."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


class History:
    """Reports dispatched from a township centre, signed, fed back and evaluated at set times."""

    def __init__(self, world, users) -> None:
        self.world, self.users = world, users
        self.category = ReportCategory.objects.get(code="0302")

    def report(self, town: int, unit, actor: str, at: datetime = T0) -> Report:
        centre = self.world.township_units[(town, "governance_centre")]
        village = Area.objects.filter(parent_id=town).order_by("code").first()
        with clock(at):
            report = report_submit(
                source=ReportSource.GRID_WORKER, category=self.category, area=village,
                title="下水道堵塞", description="污水外溢", centre=centre,
                actor=self.users[actor],
            )  # fmt: skip
            return report_dispatch(report=report, unit=unit, actor=self.users[actor])

    def handle(self, report, signed_after, evaluation=None, actor=None) -> None:
        """Signed after `signed_after`, fed back a day later, then evaluated (solved, satisfaction)
        a day after that; None: not signed at all."""
        if signed_after is None:
            return
        actor = self.users[actor] if actor else None
        with clock(T0 + signed_after):
            report_sign(report=report, actor=actor)
        with clock(T0 + 24 * H):
            report_feedback(report=report, actor=actor, content="已疏通")
        if evaluation is not None:
            with clock(T0 + 48 * H):
                report_evaluate(report=report, solved=evaluation[0], satisfaction=evaluation[1])


@pytest.fixture
def history(world, users):
    """市司法局 (A, the unit handler's unit) and 肃宁镇派出所 (B):
    r1 → A, signed after 1 h (in time), solved, 满意
    r2 → A, signed after 3 h (late), not solved, 不满意
    r3 → A, never signed; the 肃宁县 centre gives A a yellow card for it (3 points)
    r4 → B, signed after 30 min, solved, 基本满意
    x1 → A from 献县's 乐寿镇, signed after 1 h, solved, 满意"""
    made = History(world, users)
    office = world.member_units[10]
    police = world.township_units[(SUNING_TOWN, "police_station")]
    r1, r2, r3 = (made.report(SUNING_TOWN, office, "township_centre") for _ in range(3))
    made.handle(r1, H, (True, "satisfied"), "unit_handler")
    made.handle(r2, 3 * H, (False, "dissatisfied"), "unit_handler")
    with clock(T0 + 24 * H):
        report_supervision_raise(
            report=r3, level="yellow", reason="逾期未签收", actor=users["county_centre"]
        )
    made.handle(made.report(SUNING_TOWN, police, "township_centre"), H / 2, (True, "basically"))
    x1 = made.report(XIANXIAN_TOWN, office, "xianxian_centre")
    made.handle(x1, H, (True, "satisfied"), "unit_handler")
    return {"office": office, "police": police}


def row(unit, counts: tuple, rates: tuple, supervisions=(0, 0, 0, 0)) -> dict:
    dispatched, in_time, evaluated, solved, satisfied = counts
    return {
        "unit": {"id": str(unit.pk), "name": unit.name},
        "dispatched": dispatched, "signedInTime": in_time, "responseRate": rates[0],
        "evaluated": evaluated, "solved": solved, "resolutionRate": rates[1],
        "satisfied": satisfied, "satisfactionRate": rates[2],
        "supervisions": dict(zip(LEVELS, supervisions, strict=True)),
    }  # fmt: skip


def by_code(rows: list[dict], *units) -> list[dict]:
    """Rows ordered by unit code, as the query orders them."""
    order = {str(u.pk): u.code for u in units}
    assert {r["unit"]["id"] for r in rows} == set(order)
    return sorted(rows, key=lambda r: order[r["unit"]["id"]])


def test_unit_performance_worked_out_by_hand(gql_as, users, history):
    office, police = history["office"], history["police"]
    rows = gql_as(users["city_admin"]).data(PERFORMANCE, PERIOD)["unitPerformance"]
    # A: dispatched r1 r2 r3 x1, in time r1 x1 → 2/4; evaluated r1 r2 x1, solved r1 x1 → 2/3,
    # satisfied r1 x1 → 2/3; one yellow card → 3 points. B: 1/1, 1/1, 基本满意 counts → 1/1.
    assert rows == by_code(
        [
            row(office, (4, 2, 3, 2, 2), (0.5, 0.6667, 0.6667), (0, 1, 0, 3)),
            row(police, (1, 1, 1, 1, 1), (1.0, 1.0, 1.0)),
        ],
        office, police,
    )  # fmt: skip


def test_each_centre_counts_only_its_county(gql_as, users, history):
    office, police = history["office"], history["police"]
    suning = gql_as(users["county_centre"]).data(PERFORMANCE, PERIOD)["unitPerformance"]
    # 肃宁县: A has r1 r2 r3 → in time 1/3, solved 1/2, satisfied 1/2, and the yellow card.
    assert suning == by_code(
        [
            row(office, (3, 1, 2, 1, 1), (0.3333, 0.5, 0.5), (0, 1, 0, 3)),
            row(police, (1, 1, 1, 1, 1), (1.0, 1.0, 1.0)),
        ],
        office, police,
    )  # fmt: skip
    xianxian = gql_as(users["xianxian_centre"]).data(PERFORMANCE, PERIOD)["unitPerformance"]
    assert xianxian == [row(office, (1, 1, 1, 1, 1), (1.0, 1.0, 1.0))]


def test_the_period_bounds_the_figures(gql_as, users, history):
    api = gql_as(users["city_admin"])
    march = {"start": "2027-03-01T00:00:00+08:00", "end": "2027-03-03T12:00:00+08:00"}
    rows = api.data(PERFORMANCE, march)["unitPerformance"]
    # the dispatches and the supervision fall inside, the evaluations (T0 + 48 h) do not
    office = next(r for r in rows if r["unit"]["id"] == str(history["office"].pk))
    assert (office["dispatched"], office["evaluated"], office["resolutionRate"]) == (4, 0, None)
    assert office["supervisions"]["yellow"] == 1
    april = {"start": "2027-04-01T00:00:00+08:00", "end": "2027-05-01T00:00:00+08:00"}
    assert api.data(PERFORMANCE, april)["unitPerformance"] == []


def in_county(code: int):
    return Dispute.objects.filter(area_id__gte=code, area_id__lt=code + 10**6)


def test_dispute_statistics_stay_in_the_county(gql_as, users):
    for username, county in (("county_centre", 130926000000), ("xianxian_centre", 130929000000)):
        stats = gql_as(users[username]).data(DISPUTES)["disputeStatistics"]
        mine = in_county(county)
        assert stats["total"] == mine.count() > 0
        assert [r["area"]["code"] for r in stats["byCounty"]] == [f"{county:012d}"]
        assert stats["byCounty"][0]["total"] == mine.count()
        assert all(r["area"]["code"].startswith(str(county)[:6]) for r in stats["byTownship"])
        assert sum(r["total"] for r in stats["byTownship"]) == mine.count()
        assert sum(r["count"] for r in stats["byType"]) == mine.count()
        statuses = {r["status"]: r["count"] for r in stats["byStatus"]}
        assert statuses == {s: mine.filter(status=s).count() for s in statuses}
        finished = mine.filter(success__isnull=False)
        resolved = finished.filter(success=True).count()
        assert stats["resolution"] == {
            "finished": finished.count(),
            "resolved": resolved,
            "rate": round(resolved / finished.count(), 4),
        }


def test_dispute_statistics_of_one_township_and_a_bad_code(gql_as, users):
    api = gql_as(users["city_admin"])
    town = api.data(DISPUTES, {"area": f"{SUNING_TOWN}"})["disputeStatistics"]
    expected = Dispute.objects.filter(area_id__gte=SUNING_TOWN, area_id__lt=SUNING_TOWN + 1000)
    assert town["total"] == expected.count() > 0
    assert [r["area"]["name"] for r in town["byTownship"]] == ["肃宁镇"]
    statuses = [r["status"] for r in town["byStatus"]]
    assert statuses[:3] == ["registered", "assigned", "mediating"] and len(statuses) == 7
    outside = gql_as(users["xianxian_centre"]).data(DISPUTES, {"area": f"{SUNING_TOWN}"})
    assert outside["disputeStatistics"]["total"] == 0
    body = api(DISPUTES, {"area": "999999999999"})
    assert [e["message"] for e in body["errors"]] == ["区划代码不存在"]


def test_task_completion_per_lead_unit(gql_as, users):
    rows = gql_as(users["city_admin"]).data(TASKS)["taskCompletion"]
    tasks = CreationTask.objects.exclude(lead_unit=None)
    assert sum(r["total"] for r in rows) == tasks.count() > 0
    first = rows[0]
    led = tasks.filter(lead_unit_id=first["unit"]["id"])
    done = led.filter(status__in=("completed", "accepted")).count()
    assert (first["total"], first["completed"]) == (led.count(), done)
    assert first["rate"] == round(done / led.count(), 4)
    overdue = led.filter(deadline__lt=timezone.localdate()).exclude(
        status__in=("completed", "accepted")
    )
    assert first["overdue"] == overdue.count()


def _more_data(world, users) -> None:
    """New rows for every figure, in new units and townships: reports to three other units
    (one supervised), disputes in a township of another county, tasks led by units that led none."""
    made = History(world, users)
    units = [world.township_units[(SUNING_TOWN, kind)] for kind in ("judicial_office",
             "tribunal", "grid_team")]  # fmt: skip
    for unit in units:
        report = made.report(SUNING_TOWN, unit, "township_centre")
        made.handle(report, 5 * H, (False, "basically"))
    with clock(T0 + 24 * H):
        report_supervision_raise(
            report=made.report(SUNING_TOWN, units[0], "township_centre"), level="red",
            reason="逾期", actor=users["county_centre"],
        )  # fmt: skip
    other_town = Area.objects.filter(level=5, code__lt=130926000000).order_by("code").first()
    centre = world.township_units[(other_town.code, "governance_centre")]
    for type_code in ("0101", "0401", "1002"):
        dispute_register(
            title="新登记纠纷", occurred_on=date(2026, 10, 1),
            area=Area.objects.filter(parent=other_town).first(), address="某村",
            scale=Code.objects.get(table__key=Table.EVENT_SCALE, code="01"),
            type=Code.objects.get(table__key=Table.EVENT_TYPE, code=type_code),
            people_count=2, summary="双方争执", source="visit",
            handling_unit=centre, responsible_name="王建国",
            responsible_phone="13831700001",
            parties=[party("applicant", seed=int(type_code), area_code=other_town.code)],
        )  # fmt: skip
    task = CreationTask.objects.select_related("guideline", "area").first()
    for i in range(3):
        lead = unit_create(
            code=f"CZ-N{i}", name=f"新成员单位{i}", kind="member_unit", area=task.area
        )
        task_create(
            code=f"T-NEW-{i}", guideline=task.guideline, dimension=task.dimension,
            title="新增任务", target="完成", lead_unit=lead,
            deadline=timezone.localdate() + timedelta(days=30), weight=Decimal("1"),
            area=task.area,
        )  # fmt: skip


def test_each_query_costs_the_same_with_more_rows_and_units(gql_as, users, world, history):
    api = gql_as(users["city_admin"])
    queries = [(PERFORMANCE, PERIOD), (DISPUTES, {}), (TASKS, {})]

    def counts() -> tuple[list[int], list[dict]]:
        found, answers = [], []
        for query, variables in queries:
            with CaptureQueriesContext(connection) as captured:
                answers.append(api.data(query, variables))
            found.append(len(captured))
        return found, answers

    before, old = counts()
    _more_data(world, users)
    after, new = counts()
    assert before == after, (before, after)
    assert len(new[0]["unitPerformance"]) == len(old[0]["unitPerformance"]) + 3
    for ranking in ("byCounty", "byTownship"):
        grown = new[1]["disputeStatistics"][ranking]
        assert len(grown) == len(old[1]["disputeStatistics"][ranking]) + 1
    assert len(new[2]["taskCompletion"]) == len(old[2]["taskCompletion"]) + 3


def test_anonymous_callers_get_no_figures():
    api = Gql(Client())
    assert api.data(PERFORMANCE, PERIOD) == {"unitPerformance": []}
    assert api.data(TASKS) == {"taskCompletion": []}
    assert api.data(DISPUTES)["disputeStatistics"]["total"] == 0


def test_total_resolution_and_statuses_share_one_scan(gql_as, users):
    api, counts = gql_as(users["county_centre"]), []
    for fields in ("total", "total resolution { rate } byStatus { status count }"):
        with CaptureQueriesContext(connection) as captured:
            api.data(f"{{ disputeStatistics {{ {fields} }} }}")
        counts.append(len(captured))
    assert counts[0] == counts[1], counts
