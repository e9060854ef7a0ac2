"""The GraphQL queries of the event graph: every node, count and label within the caller's scope,
even when the item is linked to items beyond it; constant SQL for any number of neighbours."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.eventgraph.conftest import DAY, index, make_dispute, make_report, person, ref

pytestmark = pytest.mark.django_db
ZECHENG, ANNING = 130926100007, 130926100008  # communities of 肃宁镇 (肃宁县), in the world
TONGDA = 130929100006  # a community of 乐寿镇 (献县), in the world
GRAPH = """query ($type: String!, $id: ID!, $depth: Int!) {
  eventNeighbourhood(objectType: $type, id: $id, depth: $depth) {
    nodes { key id areaCode depth number statusLabel } edges { source target kind reason } } }"""
WARNINGS = """query ($area: String!, $asOf: Date) { earlyWarnings(areaCode: $area, asOf: $asOf) {
  areaCode itemCount riskLevel riskLabel reason } }"""
REPEATED = """query ($area: String!) { repeatedParties(areaCode: $area) {
  kind label itemCount items { key areaCode } } }"""


@pytest.fixture
def chain(world):
    """A (肃宁) — same party — B (献县) — same party — C (肃宁); A and C are not linked."""
    first, second = person(41)[0], person(42)[0]
    a = make_dispute(ZECHENG, parties=((first, "13900000401"),))
    b = make_dispute(
        TONGDA, DAY + timedelta(days=100), parties=((first, "13900000402"), (second, "13900000403"))
    )
    c = make_dispute(
        ANNING, DAY + timedelta(days=200), type_code="0101", parties=((second, "13900000404"),)
    )
    index(a, b, c)
    return a, b, c


def graph(api, item, depth=2):
    variables = {"type": ref(item)[0], "id": item.pk, "depth": depth}
    return api.data(GRAPH, variables)["eventNeighbourhood"]


def test_the_city_sees_the_whole_chain(chain, gql_as, users):
    a, b, c = chain
    found = graph(gql_as(users["city_admin"]), a)
    assert [(n["id"], n["depth"]) for n in found["nodes"]] == [
        (str(a.pk), 0),
        (str(b.pk), 1),
        (str(c.pk), 2),
    ]
    assert {(e["kind"], e["reason"]) for e in found["edges"]} == {
        ("party", "同一当事人（证件号码一致）")
    }
    assert len(found["edges"]) == 2
    assert graph(gql_as(users["city_admin"]), a, depth=1)["nodes"][1:] == [
        {"key": f"disputes.dispute:{b.pk}", "id": str(b.pk), "areaCode": str(TONGDA), "depth": 1,
         "number": b.number, "statusLabel": "已登记"}
    ]  # fmt: skip


def test_a_county_never_sees_a_node_of_its_sibling_even_when_linked(chain, gql_as, users):
    a, b, _c = chain
    suning = graph(gql_as(users["county_centre"]), a)
    assert [n["id"] for n in suning["nodes"]] == [str(a.pk)]  # C is reached only through B
    assert suning["edges"] == []
    xianxian = gql_as(users["xianxian_centre"])
    assert graph(xianxian, a) is None
    assert [n["id"] for n in graph(xianxian, b)["nodes"]] == [str(b.pk)]
    assert graph(gql_as(users["resident"]), a) is None


def test_repeated_parties_follow_scope(chain, gql_as, users):
    a, b, _c = chain
    first = person(41)[0]
    label = first[:6] + "********" + first[-4:]
    rows = gql_as(users["city_admin"]).data(REPEATED, {"area": "130900000000"})["repeatedParties"]
    mine = [row for row in rows if row["label"] == label]
    assert mine == [{"kind": "id", "label": label, "itemCount": 2, "items": [
        {"key": f"disputes.dispute:{b.pk}", "areaCode": str(TONGDA)},
        {"key": f"disputes.dispute:{a.pk}", "areaCode": str(ZECHENG)}]}]  # fmt: skip
    for user, area in (("county_centre", "130900000000"), ("xianxian_centre", "130929000000")):
        rows = gql_as(users[user]).data(REPEATED, {"area": area})["repeatedParties"]
        assert label not in {row["label"] for row in rows}, user
        assert first not in str(rows)


def test_early_warnings_follow_scope(world, gql_as, users):
    index(*(make_report(ZECHENG, DAY + timedelta(days=d)) for d in (0, 5, 9)))
    variables = {"area": "130926000000", "asOf": str(DAY + timedelta(days=10))}
    found = gql_as(users["county_centre"]).data(WARNINGS, variables)["earlyWarnings"]
    assert [(w["areaCode"], w["itemCount"], w["riskLabel"]) for w in found] == [
        (str(ZECHENG), 3, "低")
    ]
    assert gql_as(users["xianxian_centre"]).data(WARNINGS, variables)["earlyWarnings"] == []
    variables["area"] = "130929000000"
    assert gql_as(users["county_centre"]).data(WARNINGS, variables)["earlyWarnings"] == []


def test_the_neighbourhood_costs_the_same_for_one_neighbour_and_twenty(world, gql_as, users):
    api, counts = gql_as(users["county_centre"]), []
    for n in (1, 20):
        day = DAY + timedelta(days=100 * n)
        centre = make_report(ZECHENG, day)
        index(centre, *(make_report(ZECHENG, day + timedelta(days=1)) for _ in range(n)))
        with CaptureQueriesContext(connection) as queries:
            found = graph(api, centre, depth=2)
        assert len(found["nodes"]) == n + 1
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_lists_cost_the_same_for_one_row_and_many(world, gql_as, users):
    api, counts = gql_as(users["county_centre"]), []
    for villages, day in (
        ((ZECHENG,), DAY),
        ((ZECHENG, ANNING, 130926100010), DAY + timedelta(days=200)),
    ):
        phone = f"1390000{day.toordinal() % 10000:04d}"
        index(
            *(
                make_report(v, day + timedelta(days=d), phone=phone if d else "")
                for v in villages
                for d in (0, 1, 2)
            )
        )
        variables = {"area": "130926100000", "asOf": str(day + timedelta(days=3))}
        with CaptureQueriesContext(connection) as queries:
            assert len(api.data(WARNINGS, variables)["earlyWarnings"]) == len(villages)
            api.data(REPEATED, {"area": "130926100000"})
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_input_errors_are_readable(world, gql_as, users):
    api = gql_as(users["county_centre"])
    body = api(GRAPH, {"type": "auth.user", "id": "1", "depth": 1})
    assert body["errors"][0]["message"] == "对象类型须为 disputes.dispute 或 reports.report"
    body = api(GRAPH, {"type": "reports.report", "id": "1", "depth": 3})
    assert body["errors"][0]["message"] == "取值须在 1–2 之间"
    body = api(WARNINGS, {"area": "12345"})
    assert body["errors"][0]["message"] == "区划代码不存在"
