"""Pages shaped straight from `values_list` (schema/base/projection.py) answer exactly what
graphql-core's field-by-field completion answers, for every list of the portal and for the shapes
a client may write: aliases, `__typename`, inline fragments, null foreign keys, computed codes.
Selections the projection does not serve fall back, and still answer the same."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from graphql import GraphQLObjectType, get_named_type, is_list_type, parse, print_ast

from backend.areas.models import Area
from schema.base import kept, projection
from schema.base.shaping import COMPUTED, LEAF, Plan, Unservable
from schema.resources.registry import RESOURCES
from schema.schema import schema

pytestmark = pytest.mark.django_db
LISTS = [entry for entry in RESOURCES if entry.list_query]


def plain_selection(type_: GraphQLObjectType, depth: int = 0) -> str:
    """Argument-free leaves, and single objects one level down by their leaves (no lists)."""
    parts = []
    for name, field in type_.fields.items():
        named = get_named_type(field.type)
        if field.args or is_list_type(getattr(field.type, "of_type", field.type)):
            continue
        if not isinstance(named, GraphQLObjectType):
            parts.append(name)
        elif depth == 0:
            parts.append(f"{name} {{ {plain_selection(named, 1)} }}")
    return " ".join(parts) or "__typename"


def page_query(list_query: str, servable_only: bool = False) -> str:
    page = get_named_type(schema._schema.query_type.fields[list_query].type)
    row = get_named_type(page.fields["results"].type)
    selection = plain_selection(row)
    if servable_only:  # the top-level fields the projection takes (masked, computed ones left out)
        selection = " ".join(_servable(part, row) for part in _top_level(selection))
    return (
        f"{{ {list_query}(pagination: {{offset: 0, limit: 50}}) {{"
        f" totalCount results {{ {selection} }} }} }}"
    )


def _top_level(selection: str) -> list[str]:
    nodes = parse(f"{{ {selection} }}").definitions[0].selection_set.selections
    return [print_ast(node) for node in nodes]


def _servable(part: str, row: GraphQLObjectType) -> str:
    node = parse(f"{{ {part} }}").definitions[0].selection_set.selections[0]
    entry = projection._entry(node, node.name.value, row, projection._model_of(row), "", [])
    return part if entry is not None else ""


def both_ways(api, query: str, monkeypatch) -> tuple[str, str, bool]:
    """The answer with the projection and without it (nor a kept statement, schema/base/kept.py),
    and whether the projection served it."""
    served = []
    real = Plan.shape
    kept._KEPT.clear()
    api(query)  # warm: what a process loads once (content types, the parsed document)

    def watched(plan, rows, db):
        served.append(plan)
        return real(plan, rows, db)

    with monkeypatch.context() as patched, CaptureQueriesContext(connection) as first:
        patched.setattr(Plan, "shape", watched)
        projected = json.dumps(api(query), ensure_ascii=False)
    kept._KEPT.clear()
    with monkeypatch.context() as patched, CaptureQueriesContext(connection) as second:
        patched.setattr(projection, "results_plan", lambda info: None)
        completed = json.dumps(api(query), ensure_ascii=False)
    assert len(first) == len(second), "the projection sends the statements the completion sends"
    return projected, completed, any(served)


@pytest.mark.parametrize("entry", LISTS, ids=lambda e: e.list_query)
def test_every_list_answers_the_same_projected_or_completed(gql_as, users, entry, monkeypatch):
    for user in ("city_admin", "township_centre"):
        api = gql_as(users[user])
        projected, completed, _ = both_ways(api, page_query(entry.list_query), monkeypatch)
        assert projected == completed
        query = page_query(entry.list_query, servable_only=True)
        projected, completed, served = both_ways(api, query, monkeypatch)
        assert served and projected == completed


def test_the_hot_lists_are_projected(gql_as, users, monkeypatch):
    api = gql_as(users["township_centre"])
    for list_query in ("disputes", "reports"):
        query = page_query(list_query, servable_only=True)
        projected, completed, served = both_ways(api, query, monkeypatch)
        assert served and projected == completed and '"results": []' not in projected


SHAPES = """{ disputes(ordering: [{deadline: ASC}, {id: ASC}], pagination: {offset: 0, limit: 50}) {
  results {
    __typename first: id kind: __typename
    ... on Dispute { number status deadline registeredOn }
    type { code name parent { code } }
    area { code id name level parent { code name } }
    unit: handlingUnit { id name }
  }
  totalCount
} }"""


AREAS = """{ areas(pagination: {offset: 0, limit: 50}) {
  results { code name up: parent { code name parent { code } } } } }"""


def test_aliases_typename_fragments_nested_and_null_objects(gql_as, users, monkeypatch):
    api = gql_as(users["city_admin"])
    projected, completed, served = both_ways(api, SHAPES, monkeypatch)
    assert served and projected == completed and '"__typename": "Dispute"' in projected
    projected, completed, served = both_ways(api, AREAS, monkeypatch)
    assert served and projected == completed
    assert '"up": null' in projected and '"parent": null' in projected


@pytest.mark.parametrize(
    "selection",
    [
        "id parties { name }",  # a list
        "id title @include(if: true)",  # a directive
        "id ... on Dispute { title } ... on Dispute { title }",  # a field selected twice
        "id parties { phone }",  # masked, audited when unmasked
    ],
)
def test_what_the_projection_does_not_serve_falls_back(gql_as, users, monkeypatch, selection):
    query = f"{{ disputes(pagination: {{offset: 0, limit: 5}}) {{ results {{ {selection} }} }} }}"
    projected, completed, served = both_ways(gql_as(users["city_admin"]), query, monkeypatch)
    assert not served and projected == completed


def _plan_of(*entries) -> Plan:
    return Plan(Area, list(entries), [])


def test_a_null_in_a_non_null_field_is_refused_once_and_the_plan_kept():
    plan = _plan_of((LEAF, "name", 0, (str,), False))
    assert plan.shape([("肃宁县",)], "default") == [{"name": "肃宁县"}]
    with pytest.raises(Unservable):
        plan.shape([(None,)], "default")
    assert plan.usable


def test_a_resolver_wanting_more_than_its_columns_retires_the_plan():
    def wants_more(root):
        return root.undeclared_attribute

    computed = (COMPUTED, "label", (0,), (wants_more, Area, ["code"], str), True)
    plan = _plan_of(computed)
    with pytest.raises(Unservable):
        plan.shape([(130926000000,)], "default")
    assert not plan.usable
