"""Disputes through POST /graphql/: scoped lists, detail, create / update / delete."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.disputes.models import Dispute
from backend.teams.models import TeamMember

pytestmark = pytest.mark.django_db

LIST = """query ($limit: Int!, $filters: DisputeFilter) {
  disputes(pagination: {offset: 0, limit: $limit}, filters: $filters, ordering: [{deadline: ASC}]) {
    totalCount
    results { id number status deadline area { code name } handlingUnit { name area { name } }
              type { code name } parties { name idNumber phone } mediators { name unit { name } }
              evidence { originalName downloadUrl } }
  }
}"""


def test_a_county_centre_lists_only_its_county(gql_as, users):
    page = gql_as(users["county_centre"]).data(LIST, {"limit": 100})["disputes"]
    expected = Dispute.objects.filter(area__path__startswith="130900/130926/").count()
    assert page["totalCount"] == expected == len(page["results"]) > 0
    assert all(row["area"]["code"].startswith("130926") for row in page["results"])
    deadlines = [row["deadline"] for row in page["results"]]
    assert deadlines == sorted(deadlines)


def test_filters_narrow_the_list(gql_as, users):
    api = gql_as(users["city_admin"])
    township = api.data(LIST, {"limit": 100, "filters": {"area": "130926100000"}})["disputes"]
    assert (
        township["totalCount"] == Dispute.objects.filter(area__path__contains="/130926100/").count()
    )
    closed = api.data(LIST, {"limit": 100, "filters": {"status": {"exact": "closed"}}})["disputes"]
    assert {row["status"] for row in closed["results"]} == {"closed"}


def test_the_sql_count_does_not_grow_with_the_page(gql_as, users):
    api = gql_as(users["city_admin"])
    counts = []
    for limit in (1, 50):
        with CaptureQueriesContext(connection) as queries:
            rows = api.data(LIST, {"limit": limit})["disputes"]["results"]
        assert len(rows) == limit
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_sensitive_fields_are_masked_without_unmask(gql_as, users):
    rows = gql_as(users["leader"]).data(LIST, {"limit": 5})["disputes"]["results"]
    numbers = [party["idNumber"] for row in rows for party in row["parties"]]
    assert numbers and all("********" in number for number in numbers)


def test_a_forbidden_dispute_reads_like_a_missing_one(gql_as, users):
    suning = Dispute.objects.filter(area__path__startswith="130900/130926/").first()
    query = "query ($id: ID!) { dispute(id: $id) { id number } }"
    api = gql_as(users["xianxian_centre"])
    assert api.data(query, {"id": suning.pk}) == {"dispute": None}
    assert api.data(query, {"id": 10**12}) == {"dispute": None}
    assert api.data(query, {"id": "abc"}) == {"dispute": None}
    assert (
        gql_as(users["county_centre"]).data(query, {"id": suning.pk})["dispute"]["number"]
        == suning.number
    )


CREATE = """mutation ($data: DisputeCreateInput!) {
  createDispute(data: $data) {
    ... on Dispute { id number status area { code } parties { name } }
    ... on OperationInfo { messages { kind field message code } }
  }
}"""


def create_input(world, **overrides) -> dict:
    centre = world.township_units[(130926100000, "governance_centre")]
    village = world.villages_of(centre.area)[0]
    data = {
        "title": "宅基地边界纠纷",
        "occurredOn": "2026-10-20",
        "areaCode": f"{village.code:012d}",
        "address": "东街村3排",
        "scaleCode": "01",
        "typeCode": "0902",
        "peopleCount": 2,
        "summary": "两户因宅基地界址发生争执",
        "source": "visit",
        "handlingUnitId": str(centre.pk),
        "responsibleName": "王建国",
        "responsiblePhone": "13831700001",
        "parties": [
            {
                "role": "applicant",
                "name": "张伟",
                "idNumber": "11010519491231002X",
                "sex": "female",
                "phone": "13812345678",
                "address": "东街村3排5号",
            }
        ],
    }
    return {**data, **overrides}


def test_create_update_delete_round_trip(gql_as, users, world):
    api = gql_as(users["township_centre"])
    created = api.data(CREATE, {"data": create_input(world)})["createDispute"]
    assert created["status"] == "registered" and created["parties"] == [{"name": "张伟"}]
    update = """mutation ($data: DisputeUpdateInput!) { updateDispute(data: $data) {
      ... on Dispute { title peopleCount } ... on OperationInfo { messages { field message } } } }"""
    updated = api.data(
        update, {"data": {"id": created["id"], "title": "宅基地界址纠纷", "peopleCount": 3}}
    )
    assert updated["updateDispute"] == {"title": "宅基地界址纠纷", "peopleCount": 3}
    delete = """mutation ($id: ID!) { deleteDispute(data: {id: $id}) {
      ... on Dispute { number } ... on OperationInfo { messages { kind message } } } }"""
    refused = api.data(delete, {"id": created["id"]})[
        "deleteDispute"
    ]  # 乡镇综治中心 may not delete
    assert refused["messages"][0]["message"] == "矛盾纠纷不存在"
    deleted = gql_as(users["city_admin"]).data(delete, {"id": created["id"]})["deleteDispute"]
    assert deleted["number"] == created["number"]
    assert not Dispute.objects.filter(pk=created["id"]).exists()


def test_bad_input_gets_a_chinese_error_on_its_field_and_writes_nothing(gql_as, users, world):
    before = Dispute.objects.count()
    party = {
        "role": "applicant",
        "name": "张伟",
        "idNumber": "110105194912310021",
        "sex": "female",
        "ethnicity": "汉族",
    }
    result = gql_as(users["township_centre"]).data(
        CREATE, {"data": create_input(world, parties=[party])}
    )
    messages = result["createDispute"]["messages"]
    assert any("校验位" in m["message"] for m in messages), messages
    assert "110105194912310021" not in str(messages)
    assert Dispute.objects.count() == before


def test_creating_outside_the_scope_is_refused(gql_as, users, world):
    result = gql_as(users["xianxian_centre"]).data(CREATE, {"data": create_input(world)})
    assert result["createDispute"]["messages"][0]["kind"] == "ERROR"
    assert not Dispute.objects.filter(title="宅基地边界纠纷").exists()


def test_assigning_mediators_shares_the_dispute_with_their_unit(gql_as, users, world):
    api = gql_as(users["township_centre"])
    created = api.data(CREATE, {"data": create_input(world)})["createDispute"]
    office = world.township_units[(130926100000, "judicial_office")]
    member = TeamMember.objects.filter(unit=office, is_mediator=True).first()
    mutation = """mutation ($id: ID!, $m: [ID!]!) { assignMediators(data: {id: $id, memberIds: $m}) {
      ... on Dispute { status mediators { name } } ... on OperationInfo { messages { message } } } }"""
    result = api.data(mutation, {"id": created["id"], "m": [member.pk]})
    assert result["assignMediators"] == {"status": "assigned", "mediators": [{"name": member.name}]}
    assert Dispute.objects.get(pk=created["id"]).unit_grants.filter(group=office.group).exists()
