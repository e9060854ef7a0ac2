"""Reference data through POST /graphql/: areas, code tables, codes and dispute causes."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from backend.areas.models import Area, Level
from backend.codes.models import Code, CodeTable, Table
from backend.disputes.models import Cause
from tests.api.conftest import Gql

pytestmark = pytest.mark.django_db
SUNING = "130926000000"

AREAS = """query ($limit: Int!, $filters: AreaFilter) {
  areas(pagination: {offset: 0, limit: $limit}, filters: $filters, ordering: [{code: ASC}]) {
    totalCount results { id code name level kind parent { code name } children { code name } }
  }
}"""
CODES = """query ($limit: Int!, $filters: CodeFilter) {
  codes(pagination: {offset: 0, limit: $limit}, filters: $filters, ordering: [{code: ASC}]) {
    totalCount results { id code name table { key name } parent { code } children { code name } }
  }
}"""
TABLES = """query ($limit: Int!) { codeTables(pagination: {offset: 0, limit: $limit}) {
  totalCount results { key name codes { code } } } }"""
CAUSES = """query ($limit: Int!, $filters: CauseFilter) {
  causes(pagination: {offset: 0, limit: $limit}, filters: $filters) { totalCount results { code name } }
}"""


def statements(api, query: str, variables: dict, key: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        rows = api.data(query, variables)[key]["results"]
    assert len(rows) == variables["limit"]
    return len(queries)


@pytest.mark.parametrize(
    ("query", "key"),
    [(AREAS, "areas"), (CODES, "codes"), (TABLES, "codeTables"), (CAUSES, "causes")],
)
def test_the_sql_count_does_not_grow_with_the_page(gql_as, users, query, key):
    api = gql_as(users["resident"])
    large = min(50, api.data(query, {"limit": 100})[key]["totalCount"])
    assert large >= 5
    assert statements(api, query, {"limit": 1}, key) == statements(
        api, query, {"limit": large}, key
    )


def test_every_signed_in_user_reads_the_whole_division_tree(gql_as, users):
    for name in ("resident", "xianxian_centre"):
        total = gql_as(users[name]).data(AREAS, {"limit": 1})["areas"]["totalCount"]
        assert total == Area.objects.count() > 6000


def test_area_filters_and_children(gql_as, users):
    api = gql_as(users["mediator"])

    def page(filters: dict, limit: int = 100) -> dict:
        return api.data(AREAS, {"limit": limit, "filters": filters})["areas"]

    townships = page({"parent": SUNING})
    expected = Area.objects.filter(parent_id=int(SUNING))
    assert townships["totalCount"] == expected.count() > 5
    assert {row["parent"]["name"] for row in townships["results"]} == {"肃宁县"}
    town = next(row for row in townships["results"] if row["code"] == "130926100000")
    assert [c["code"] for c in town["children"]] == [
        f"{a.code:012d}" for a in Area.objects.filter(parent_id=130926100000)
    ]
    assert (
        page({"level": {"exact": Level.COUNTY}})["totalCount"]
        == Area.objects.filter(level=Level.COUNTY).count()
    )
    assert (
        page({"area": SUNING})["totalCount"]
        == Area.objects.filter(path__startswith="130900/130926/").count()
    )
    assert [row["name"] for row in page({"search": "肃宁镇"})["results"]] == ["肃宁镇"]


def test_one_area_by_code(gql_as, users):
    query = "query ($code: String!) { area(code: $code) { id code name level parent { name } } }"
    api = gql_as(users["resident"])
    assert api.data(query, {"code": "130926100000"})["area"] == {
        "id": "130926100000",
        "code": "130926100000",
        "name": "肃宁镇",
        "level": Level.TOWNSHIP,
        "parent": {"name": "肃宁县"},
    }
    assert api.data(query, {"code": "130926"}) == {"area": None}
    assert api.data(query, {"code": "abc"}) == {"area": None}


def test_a_bad_area_filter_is_a_clear_error(gql_as, users):
    [error] = gql_as(users["resident"])(AREAS, {"limit": 1, "filters": {"parent": "x"}})["errors"]
    assert (error["message"], error["extensions"]["field"]) == ("编号格式不正确", "parent")


def test_codes_by_table_and_parent(gql_as, users):
    api = gql_as(users["grid_worker"])

    def page(filters: dict) -> dict:
        return api.data(CODES, {"limit": 100, "filters": filters})["codes"]

    scales = page({"table": Table.EVENT_SCALE})
    assert [(r["code"], r["table"]["key"]) for r in scales["results"]] == [
        ("01", "EventsScale"),
        ("02", "EventsScale"),
        ("03", "EventsScale"),
    ]
    top = page({"table": Table.EVENT_TYPE, "topLevel": True})
    assert "09" in {r["code"] for r in top["results"]}
    land = Code.objects.get(table__key=Table.EVENT_TYPE, code="09")
    children = page({"parent": str(land.pk)})
    assert "0902" in {r["code"] for r in children["results"]}
    assert children["totalCount"] == land.children.count()
    assert page({"table": Table.EVENT_TYPE, "search": "宅基地"})["totalCount"] >= 1


def test_one_code_and_the_code_tables(gql_as, users):
    api = gql_as(users["resident"])
    code = Code.objects.get(table__key=Table.EVENT_TYPE, code="0902")
    query = "query ($id: ID!) { code(id: $id) { code name parent { code } } }"
    assert api.data(query, {"id": code.pk})["code"] == {
        "code": "0902",
        "name": code.name,
        "parent": {"code": "09"},
    }
    assert api.data(query, {"id": 10**12}) == {"code": None}
    tables = api.data(TABLES, {"limit": 100})["codeTables"]
    assert tables["totalCount"] == CodeTable.objects.count()
    scale = next(t for t in tables["results"] if t["key"] == Table.EVENT_SCALE)
    assert (scale["name"], len(scale["codes"])) == ("事件规模", 3)


def test_causes(gql_as, users):
    api = gql_as(users["county_centre"])
    page = api.data(CAUSES, {"limit": 100})["causes"]
    assert page["totalCount"] == Cause.objects.count() > 0
    first = Cause.objects.first()
    found = api.data(CAUSES, {"limit": 100, "filters": {"search": first.name}})["causes"]
    assert {"code": first.code, "name": first.name} in found["results"]


def test_anonymous_callers_read_no_reference_data():
    anonymous = Gql(Client())
    query = "{ areas { totalCount } codes { totalCount } codeTables { totalCount } causes { totalCount } }"
    assert anonymous.data(query) == {
        "areas": {"totalCount": 0},
        "codes": {"totalCount": 0},
        "codeTables": {"totalCount": 0},
        "causes": {"totalCount": 0},
    }
    assert anonymous.data('{ area(code: "130926000000") { name } }') == {"area": None}
