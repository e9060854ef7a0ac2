"""案（事）件登记 and the automatic check 无重大刑事案件: only a criminal case (案件类型 04) graded
特别重大 / 重大 (01 / 02) in the village and the period fails it; incidents are recorded through
the API within scope, with Chinese errors on their fields and nothing written when refused."""

from datetime import date

import pytest

from backend.codes.models import Code, Table
from backend.peacevillage.models import Incident
from backend.peacevillage.services import assessment_create, assessment_submit
from tests.peacevillage.conftest import WOBEI, results
from tests.peacevillage.test_services import decide_all

pytestmark = pytest.mark.django_db
PERIOD, IN_PERIOD = "2025-H2", date(2025, 9, 10)
CREATE = """mutation ($data: IncidentCreateInput!) { createIncident(data: $data) {
  ... on Incident { id title caseType { code } grade { code } area { code } }
  ... on OperationInfo { messages { field message } } } }"""
ZECHENG = "130926100007"  # a community of 肃宁镇, in the shared world


def record(village: int, day: date, kind: str, grade: str) -> Incident:
    return Incident.objects.create(
        area_id=village,
        case_type=Code.objects.get(table__key=Table.CASE_TYPE, code=kind),
        grade=Code.objects.get(table__key=Table.CASE_GRADE, code=grade),
        title="测试案件",
        occurred_on=day,
    )


def test_only_a_major_criminal_case_in_the_village_and_period_fails_the_check(wobei):
    record(WOBEI, IN_PERIOD, "04", "03")  # criminal but 较大: does not count
    record(WOBEI, IN_PERIOD, "01", "01")  # 特别重大 but an accident: does not count
    record(WOBEI, date(2025, 6, 30), "04", "02")  # the day before the period
    record(130926102202, IN_PERIOD, "04", "01")  # another village
    passing = results(assessment_create(village=wobei, period=PERIOD))["LW06"]
    assert (passing.auto, passing.passed, passing.note) == (
        True,
        True,
        "期间内无重大（特别重大）刑事案件登记",
    )
    record(WOBEI, date(2025, 12, 31), "04", "02")
    failing = results(assessment_create(village=wobei, period="2025-Q4"))["LW06"]
    assert (failing.passed, failing.note) == (False, "期间内登记重大（特别重大）刑事案件 1 件")


def test_a_case_recorded_after_opening_is_counted_on_submit(wobei):
    assessment = assessment_create(village=wobei, period=PERIOD)
    decide_all(assessment)
    record(WOBEI, IN_PERIOD, "04", "01")
    submitted = assessment_submit(assessment=assessment)
    assert results(submitted)["LW06"].passed is False and submitted.qualified is False


def test_a_township_records_an_incident_and_outsiders_cannot(gql_as, users):
    data = {
        "areaCode": ZECHENG,
        "caseTypeCode": "04",
        "gradeCode": "02",
        "title": "泽城社区入室盗窃案",
        "occurredOn": "2026-10-20",
    }
    made = gql_as(users["township_centre"]).data(CREATE, {"data": data})["createIncident"]
    assert (made["caseType"], made["grade"], made["area"]) == (
        {"code": "04"},
        {"code": "02"},
        {"code": ZECHENG},
    )
    before = Incident.objects.count()
    refused = gql_as(users["xianxian_centre"]).data(CREATE, {"data": data})["createIncident"]
    assert refused["messages"][0]["message"] == "无权在该区划新增案（事）件登记"
    assert Incident.objects.count() == before


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"caseTypeCode": "77"}, "caseTypeCode", "代码不存在"),
        ({"areaCode": "130926100000"}, "area", "须为村（社区）"),  # a township
        ({"occurredOn": "2099-01-01"}, "occurredOn", "发生日期不能晚于今天"),
        ({"title": ""}, "title", None),
    ],
)
def test_bad_incidents_are_refused_on_their_field(gql_as, users, change, field, message):
    data = {"areaCode": ZECHENG, "caseTypeCode": "01", "gradeCode": "04", "title": "火灾"}
    data = {**data, "occurredOn": "2026-10-01", **change}
    before = Incident.objects.count()
    answer = gql_as(users["township_centre"]).data(CREATE, {"data": data})["createIncident"]
    found = {m["field"]: m["message"] for m in answer["messages"]}
    assert field in found and (message is None or found[field] == message), found
    assert Incident.objects.count() == before
