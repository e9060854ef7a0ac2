"""Every list the portal shows (schema/resources/registry.py), with every field of its type
selected — nested objects and nested lists included: the SQL statements for one row equal those
for fifty. A new entity is covered by adding its registry line."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from graphql import GraphQLNonNull, GraphQLObjectType, get_named_type

from schema.resources.registry import RESOURCES
from schema.schema import schema

pytestmark = pytest.mark.django_db
LISTS = [entry for entry in RESOURCES if entry.list_query]


def selection(type_: GraphQLObjectType, depth: int = 0) -> str:
    """Every argument-free field; objects (and lists of them) one level down, by their scalars."""
    parts = []
    for name, field in type_.fields.items():
        if any(isinstance(arg.type, GraphQLNonNull) for arg in field.args.values()):
            continue
        named = get_named_type(field.type)
        if not isinstance(named, GraphQLObjectType):
            parts.append(name)
        elif depth == 0:
            parts.append(f"{name} {{ {selection(named, 1)} }}")
    return " ".join(parts) or "__typename"


def page_query(list_query: str) -> str:
    root = schema._schema.query_type
    page = get_named_type(root.fields[list_query].type)
    row = get_named_type(page.fields["results"].type)
    return (
        f"query ($limit: Int!) {{ {list_query}(pagination: {{offset: 0, limit: $limit}}) {{"
        f" totalCount results {{ {selection(row)} }} }} }}"
    )


@pytest.mark.parametrize("entry", LISTS, ids=lambda e: e.list_query)
def test_one_row_and_fifty_cost_the_same(gql_as, users, entry):
    api, counts, sizes = gql_as(users["city_admin"]), [], []
    query = page_query(entry.list_query)
    for limit in (1, 50):
        with CaptureQueriesContext(connection) as queries:
            page = api.data(query, {"limit": limit})[entry.list_query]
        counts.append(len(queries))
        sizes.append(len(page["results"]))
    assert sizes[1] > 1, f"the world has too few {entry.model} rows to compare"
    assert counts[0] == counts[1], (counts, sizes)
