"""The GraphQL door: lists and rankings within scope, constant SQL per page, the assessment path
through mutations, and approval only for county-level reviewers."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.peacevillage.models import Assessment, AssessmentItem, VillageSponsor

pytestmark = pytest.mark.django_db
LIST = """query ($limit: Int!, $filters: PeaceVillageAssessmentFilter) {
  peaceVillageAssessments(pagination: {offset: 0, limit: $limit}, filters: $filters) {
    totalCount results { id period status score qualified area { code } sponsor { name }
      assessedByName items { passed auto note item { code group } } } } }"""
RANKING = """query ($area: String!, $period: String!) {
  peaceVillageRanking(areaCode: $area, period: $period) { rank areaCode assessedCount averageScore } }"""
CREATE = """mutation ($data: PeaceVillageAssessmentInput!) { createPeaceVillageAssessment(data: $data) {
  ... on PeaceVillageAssessment { id score status items { id auto item { code } } }
  ... on OperationInfo { messages { field message } } } }"""
SET = """mutation ($data: PeaceVillageItemInput!) { setPeaceVillageItem(data: $data) {
  ... on AssessmentItem { passed } ... on OperationInfo { messages { message } } } }"""
SUBMIT = """mutation ($id: ID!) { submitPeaceVillageAssessment(data: {id: $id}) {
  ... on PeaceVillageAssessment { status score } ... on OperationInfo { messages { message } } } }"""
APPROVE = """mutation ($id: ID!) { approvePeaceVillageAssessment(data: {id: $id, remark: "同意"}) {
  ... on PeaceVillageAssessment { status approvedByName }
  ... on OperationInfo { messages { kind message } } } }"""
ZECHENG = "130926100007"  # a community of 肃宁镇, in the shared world


def test_each_county_lists_only_its_own_villages(gql_as, users):
    for user, county in (("county_centre", "130926"), ("xianxian_centre", "130929")):
        page = gql_as(users[user]).data(LIST, {"limit": 100})["peaceVillageAssessments"]
        assert (
            page["totalCount"]
            == Assessment.objects.filter(
                area_id__gte=int(county) * 10**6, area_id__lt=(int(county) + 1) * 10**6
            ).count()
            > 0
        )
        assert {row["area"]["code"][:6] for row in page["results"]} == {county}
        assert all(len(row["items"]) == 11 for row in page["results"])
    leader = gql_as(users["leader"]).data(LIST, {"limit": 1})["peaceVillageAssessments"]
    assert leader["totalCount"] == Assessment.objects.count()


def test_filters_narrow_the_list(gql_as, users):
    api = gql_as(users["city_admin"])
    filters = {"area": "130926100000", "status": {"exact": "approved"}}
    page = api.data(LIST, {"limit": 100, "filters": filters})["peaceVillageAssessments"]
    expected = Assessment.objects.filter(
        area_id__gte=130926100000, area_id__lte=130926100999, status="approved"
    )
    assert page["totalCount"] == expected.count() > 0


def test_the_list_costs_the_same_for_one_row_and_fifty(gql_as, users):
    api, counts = gql_as(users["county_centre"]), []
    for limit in (1, 50):
        with CaptureQueriesContext(connection) as queries:
            rows = api.data(LIST, {"limit": limit})["peaceVillageAssessments"]["results"]
        assert len(rows) == limit
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_the_ranking_shows_only_what_the_caller_may_see(gql_as, users, world):
    period = f"{world.anchor.year}-H1"
    city = {"area": "130900000000", "period": period}
    everyone = gql_as(users["leader"]).data(RANKING, city)["peaceVillageRanking"]
    scores = [float(r["averageScore"]) for r in everyone]
    assert scores == sorted(scores, reverse=True)
    assert [r["rank"] for r in everyone] == [1, 2]
    assert {r["areaCode"] for r in everyone} == {"130926000000", "130929000000"}
    xianxian = gql_as(users["xianxian_centre"]).data(RANKING, city)["peaceVillageRanking"]
    assert [(r["rank"], r["areaCode"]) for r in xianxian] == [(1, "130929000000")]


def test_a_township_assesses_and_only_the_county_approves(gql_as, users):
    township = gql_as(users["township_centre"])
    created = township.data(CREATE, {"data": {"areaCode": ZECHENG, "period": "2024-H2"}})
    assessment = created["createPeaceVillageAssessment"]
    assert assessment["status"] == "draft" and assessment["score"] == "18.2"  # LW02, LW06
    for item in assessment["items"]:
        if not item["auto"]:
            data = {"id": item["id"], "passed": True, "note": "查阅台账"}
            assert township.data(SET, {"data": data})["setPeaceVillageItem"] == {"passed": True}
    submitted = township.data(SUBMIT, {"id": assessment["id"]})["submitPeaceVillageAssessment"]
    assert submitted == {"status": "submitted", "score": "100.0"}
    refused = township.data(APPROVE, {"id": assessment["id"]})["approvePeaceVillageAssessment"]
    assert refused == {
        "messages": [{"kind": "PERMISSION", "message": "只有县级及以上综治中心可以审定或退回考评"}]
    }
    outsider = gql_as(users["xianxian_centre"]).data(APPROVE, {"id": assessment["id"]})
    assert (
        outsider["approvePeaceVillageAssessment"]["messages"][0]["message"] == "平安村庄考评不存在"
    )
    approved = gql_as(users["county_centre"]).data(APPROVE, {"id": assessment["id"]})
    assert approved["approvePeaceVillageAssessment"]["status"] == "approved"


def test_outsiders_cannot_create_or_set_items(gql_as, users):
    data = {"areaCode": ZECHENG, "period": "2024-H1"}
    refused = gql_as(users["xianxian_centre"]).data(CREATE, {"data": data})
    assert (
        refused["createPeaceVillageAssessment"]["messages"][0]["message"]
        == "无权在该区划新增平安村庄考评"
    )
    item = AssessmentItem.objects.filter(assessment__area_id__lt=130927000000, auto=False).first()
    body = gql_as(users["xianxian_centre"]).data(SET, {"data": {"id": item.pk, "passed": False}})
    assert body["setPeaceVillageItem"]["messages"][0]["message"] == "考评结果不存在"
    assert VillageSponsor.objects.exists()


ACTIONS = """query ($id: ID!) { peaceVillageAssessment(id: $id) { status availableActions } }"""


def test_each_reader_is_offered_exactly_the_steps_the_api_would_accept(gql_as, users):
    township = gql_as(users["township_centre"])
    created = township.data(CREATE, {"data": {"areaCode": ZECHENG, "period": "2024-H1"}})
    assessment = created["createPeaceVillageAssessment"]
    for item in assessment["items"]:
        if not item["auto"]:
            township.data(SET, {"data": {"id": item["id"], "passed": True}})
    ask = {"id": assessment["id"]}
    assert township.data(ACTIONS, ask)["peaceVillageAssessment"]["availableActions"] == [
        "submitPeaceVillageAssessment"
    ]
    assert gql_as(users["leader"]).data(ACTIONS, ask)["peaceVillageAssessment"] == {
        "status": "draft",
        "availableActions": [],
    }
    gql_as(users["township_centre"]).data(SUBMIT, ask)
    offered = {
        name: gql_as(users[name]).data(ACTIONS, ask)["peaceVillageAssessment"]
        for name in ("township_centre", "county_centre", "city_admin", "xianxian_centre")
    }
    assert offered["township_centre"]["availableActions"] == []
    both = ["approvePeaceVillageAssessment", "returnPeaceVillageAssessment"]
    assert offered["county_centre"]["availableActions"] == both
    assert offered["city_admin"]["availableActions"] == both
    assert offered["xianxian_centre"] is None


def test_a_sponsorship_is_read_in_scope_and_the_portal_creates_it_by_assigning(gql_as, users):
    sponsor = VillageSponsor.objects.filter(area_id__lt=130927000000).first()
    detail = "query ($id: ID!) { villageSponsor(id: $id) { area { code } unit { name } } }"
    seen = gql_as(users["county_centre"]).data(detail, {"id": sponsor.pk})["villageSponsor"]
    assert seen == {"area": {"code": str(sponsor.area_id)}, "unit": {"name": sponsor.unit.name}}
    assert (
        gql_as(users["xianxian_centre"]).data(detail, {"id": sponsor.pk})["villageSponsor"] is None
    )
    described = gql_as(users["city_admin"]).data(
        "{ resources { name createMutation detailQuery } }"
    )["resources"]
    row = next(r for r in described if r["name"] == "VillageSponsor")
    assert row == {
        "name": "VillageSponsor",
        "createMutation": "assignVillageSponsor",
        "detailQuery": "villageSponsor",
    }
