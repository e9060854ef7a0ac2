"""The resource description of the low-code portal, checked against the schema it describes."""

import re

import pytest
from django.test import Client

from permissions.pii import SENSITIVE_FIELDS
from schema.resources.registry import RESOURCES
from schema.schema import schema
from tests.api.conftest import Gql

pytestmark = pytest.mark.django_db
CHINESE = re.compile(r"[\u4e00-\u9fff]")
TECHNICAL = {"SHA-256"}  # verbose names that are the same in every language
RESOURCES_QUERY = """{ resources {
  name model labelZh labelEn listQuery detailQuery createMutation updateMutation deleteMutation
  listColumns sortable
  fields { name type labelZh labelEn required choices { value label } sensitive reference many }
  filters { name type label }
  actions { name label }
  permissions { view add change delete }
} }"""


@pytest.fixture
def described(gql_as, users) -> dict[str, dict]:
    rows = gql_as(users["city_admin"]).data(RESOURCES_QUERY)["resources"]
    return {row["name"]: row for row in rows}


def test_every_registered_entity_is_described_and_its_queries_exist(described):
    queries = schema._schema.query_type.fields
    assert len(described) == len(RESOURCES)
    for entry in RESOURCES:
        assert entry.list_query is None or entry.list_query in queries, entry
        assert entry.detail_query is None or entry.detail_query in queries, entry
    assert {row["model"] for row in described.values()} == {entry.model for entry in RESOURCES}
    assert {"Dispute", "Report", "CreationTask", "SubsidyCase", "Enterprise"} <= set(described)


def test_list_columns_sort_keys_and_mutations_are_fields_of_the_schema(described):
    mutations = schema._schema.mutation_type.fields
    for name, row in described.items():
        fields = {field["name"] for field in row["fields"]}
        assert set(row["listColumns"]) <= fields, name
        named = [row[k] for k in ("createMutation", "updateMutation", "deleteMutation")]
        assert all(m in mutations for m in named if m), name
        assert all(action["name"] in mutations for action in row["actions"]), name
    assert described["Dispute"]["createMutation"] == "createDispute"
    assert "dispatchReport" in {a["name"] for a in described["Report"]["actions"]}


def test_fields_carry_the_schema_types_and_the_models_labels_and_choices(described):
    dispute = {field["name"]: field for field in described["Dispute"]["fields"]}
    assert dispute["occurredOn"]["labelZh"] == "发生日期"
    assert dispute["occurredOn"]["labelEn"] == "Occurred on"
    assert dispute["occurredOn"]["required"] is True
    unit = dispute["handlingUnit"]
    assert (unit["type"], unit["reference"], unit["many"]) == ("Unit!", "Unit", False)
    assert (dispute["parties"]["reference"], dispute["parties"]["many"]) == ("DisputeParty", True)
    assert {"value": "closed", "label": "已办结"} in dispute["status"]["choices"]
    assert dispute["outcome"]["required"] is False
    member = {field["name"]: field for field in described["TeamMember"]["fields"]}
    assert len(member["teamKind"]["choices"]) == 8
    assert described["TeamMember"]["labelZh"] == "队伍成员"
    assert described["CreationTask"]["labelEn"] == "Creation task"


def test_labels_are_chinese(described):
    for name, row in described.items():
        assert CHINESE.search(row["labelZh"]), name
        for field in row["fields"]:
            label = field["labelZh"]
            assert CHINESE.search(label) or label in TECHNICAL, (name, field["name"])
        for item in row["filters"]:
            assert CHINESE.search(item["label"]), (name, item["name"])
        for action in row["actions"]:
            assert CHINESE.search(action["label"]), (name, action["name"])


def test_sensitive_fields_are_flagged(described):
    flagged = {
        (row["model"], field["name"])
        for row in described.values()
        for field in row["fields"]
        if field["sensitive"]
    }
    assert ("teams.teammember", "phone") in flagged
    assert ("disputes.dispute", "responsiblePhone") in flagged
    assert ("assistance.subsidycase", "applicantIdNumber") in flagged
    camel = lambda name: re.sub(r"_(\w)", lambda m: m.group(1).upper(), name)  # noqa: E731
    expected = {
        (model, camel(field))
        for model, fields in SENSITIVE_FIELDS.items()
        if model in {row["model"] for row in described.values()}
        for field in fields
    }
    assert flagged == expected


def test_filters_are_the_list_querys_filter_fields(described):
    members = {item["name"] for item in described["TeamMember"]["filters"]}
    assert {"teamKind", "unit", "area", "isMediator", "active", "search"} <= members
    assert not members & {"AND", "OR", "NOT", "DISTINCT"}
    assert "name" in described["TeamMember"]["sortable"]


def test_permissions_are_those_of_the_current_user(gql_as, users):
    def permissions(name: str) -> dict[str, dict]:
        rows = gql_as(users[name]).data(
            "{ resources { name permissions { view add change delete } } }"
        )
        return {row["name"]: row["permissions"] for row in rows["resources"]}

    admin, resident = permissions("city_admin"), permissions("resident")
    everything = {"view": True, "add": True, "change": True, "delete": True}
    assert admin["Dispute"] == admin["Unit"] == admin["Membership"] == everything
    assert resident["Report"] == {"view": True, "add": True, "change": False, "delete": False}
    assert (
        resident["Dispute"]
        == resident["Membership"]
        == {
            "view": False,
            "add": False,
            "change": False,
            "delete": False,
        }
    )
    assert resident["Area"]["view"] and not resident["Area"]["add"]
    assert permissions("county_centre")["TeamMember"] == {
        "view": True,
        "add": True,
        "change": True,
        "delete": False,
    }


def test_anonymous_callers_get_no_description():
    assert Gql(Client()).data("{ resources { name } }") == {"resources": []}
