"""The 五有 / 六无 checklist is data the city's administrators edit through the API: a new item is
in the next assessment, a deactivated one is not, an item assessments used cannot be deleted, and
nobody else may change the checklist."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.peacevillage.models import AssessmentItem, ChecklistItem

pytestmark = pytest.mark.django_db
RESULT = "... on OperationInfo { messages { field message } }"
FIELDS = "id code group text autoRule weight active"
ITEMS = f"""query ($limit: Int!, $filters: ChecklistItemFilter) {{ checklistItems(
  pagination: {{limit: $limit}}, filters: $filters, ordering: {{code: ASC}}) {{
  totalCount results {{ {FIELDS} }} }} }}"""
CREATE = (
    "mutation ($data: ChecklistItemCreateInput!) { createChecklistItem(data: $data) {"
    f" ... on ChecklistItem {{ {FIELDS} }} {RESULT} }} }}"
)
UPDATE = (
    "mutation ($data: ChecklistItemUpdateInput!) { updateChecklistItem(data: $data) {"
    f" ... on ChecklistItem {{ {FIELDS} }} {RESULT} }} }}"
)
DELETE = (
    "mutation ($id: ID!) { deleteChecklistItem(data: {id: $id}) {"
    f" ... on ChecklistItem {{ id code }} {RESULT} }} }}"
)
ASSESS = """mutation ($data: PeaceVillageAssessmentInput!) { createPeaceVillageAssessment(data: $data) {
  ... on PeaceVillageAssessment { items { item { code } } } ... on OperationInfo { messages { message } } } }"""
ZECHENG = "130926100007"  # a community of 肃宁镇, in the shared world
NEW = {"code": "WY06", "group": "five_have", "text": "有一支常态化巡防队伍", "weight": 5}


def assessed_codes(api, period: str) -> set[str]:
    created = api.data(ASSESS, {"data": {"areaCode": ZECHENG, "period": period}})
    return {row["item"]["code"] for row in created["createPeaceVillageAssessment"]["items"]}


def test_a_new_item_is_assessed_and_a_deactivated_one_no_longer(gql_as, users):
    made = gql_as(users["city_admin"]).data(CREATE, {"data": NEW})["createChecklistItem"]
    assert (made["code"], made["active"], made["autoRule"]) == ("WY06", True, "")
    assert "WY06" in assessed_codes(gql_as(users["township_centre"]), "2024-Q1")
    off = gql_as(users["city_admin"]).data(UPDATE, {"data": {"id": made["id"], "active": False}})
    assert off["updateChecklistItem"]["active"] is False
    assert "WY06" not in assessed_codes(gql_as(users["township_centre"]), "2024-Q2")


def test_an_item_used_by_assessments_cannot_be_deleted_only_deactivated(gql_as, users):
    used = AssessmentItem.objects.values_list("item", flat=True).first()
    item = ChecklistItem.objects.get(pk=used)
    refused = gql_as(users["city_admin"]).data(DELETE, {"id": item.pk})["deleteChecklistItem"]
    message = refused["messages"][0]["message"]
    assert message.startswith("该考评标准项已被考评结果使用，不能删除"), message
    assert ChecklistItem.objects.filter(pk=item.pk).exists()


def test_an_unused_item_is_deleted(gql_as, users):
    api = gql_as(users["city_admin"])
    made = api.data(CREATE, {"data": NEW})["createChecklistItem"]
    assert api.data(DELETE, {"id": made["id"]})["deleteChecklistItem"] == {
        "id": made["id"],
        "code": "WY06",
    }
    assert not ChecklistItem.objects.filter(code="WY06").exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({**NEW, "code": "WY01"}, "code"),  # taken by the seeded checklist
        ({**NEW, "group": "seven_maybe"}, "group"),
        ({**NEW, "weight": 0}, "weight"),
        ({**NEW, "autoRule": "guess"}, "autoRule"),
        ({**NEW, "text": ""}, "text"),
    ],
)
def test_bad_items_are_refused_in_chinese_on_their_field(gql_as, users, data, field):
    before = ChecklistItem.objects.count()
    answer = gql_as(users["city_admin"]).data(CREATE, {"data": data})["createChecklistItem"]
    messages = answer["messages"]
    assert field in {m["field"] for m in messages}
    assert all(any("\u4e00" <= c <= "\u9fff" for c in m["message"]) for m in messages)
    assert ChecklistItem.objects.count() == before


@pytest.mark.parametrize(
    "name", ["county_centre", "township_centre", "leader", "unit_handler", "xianxian_centre"]
)
def test_others_read_the_checklist_but_changing_it_looks_like_not_found(gql_as, users, name):
    api, item = gql_as(users[name]), ChecklistItem.objects.order_by("code").first()
    page = api.data(ITEMS, {"limit": 50})["checklistItems"]
    assert page["totalCount"] == ChecklistItem.objects.count()
    for query, variables, key in (
        (UPDATE, {"data": {"id": item.pk, "weight": 99}}, "updateChecklistItem"),
        (DELETE, {"id": item.pk}, "deleteChecklistItem"),
    ):
        assert api.data(query, variables)[key]["messages"][0]["message"] == "考评标准项不存在"
    created = api.data(CREATE, {"data": NEW})["createChecklistItem"]
    assert "无权" in created["messages"][0]["message"]
    assert ChecklistItem.objects.get(pk=item.pk).weight == item.weight


def test_the_list_filters_by_group_and_costs_the_same_for_any_page(gql_as, users):
    api, counts = gql_as(users["leader"]), []
    six = api.data(ITEMS, {"limit": 50, "filters": {"group": {"exact": "six_none"}}})
    assert {row["group"] for row in six["checklistItems"]["results"]} == {"six_none"}
    for limit in (1, 20):
        with CaptureQueriesContext(connection) as queries:
            api.data(ITEMS, {"limit": limit})
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
