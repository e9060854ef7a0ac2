"""Every detail query with plain child lists: the row and those lists in one SELECT, with the
values the list path resolves through the relation fields (one statement per list there)."""

import re

import pytest
from django.db import connection
from django.db.models import Count, Q
from django.test.utils import CaptureQueriesContext
from graphql import GraphQLObjectType, get_named_type

from backend.assistance.models import SubsidyCase
from backend.disputes.models import Dispute
from backend.reports.models import Report
from schema.schema import schema

pytestmark = pytest.mark.django_db
# (detail query, list query, model, its child lists served in the row's statement). Lists left to
# their relation fields (resolvers reading a joined row, such as `reviewerName`, or an ordering
# through another model) are covered by the lists' own tests.
DETAILS = [
    ("dispute", "disputes", Dispute, ["parties", "records", "agreements", "reviews", "evidence"]),
    ("subsidyCase", "subsidyCases", SubsidyCase, ["members", "evidence"]),
    ("report", "reports", Report, ["evidence"]),
]


def scalars(type_: GraphQLObjectType) -> str:
    named = {name: get_named_type(field.type) for name, field in type_.fields.items()}
    return " ".join(
        name
        for name, field in type_.fields.items()
        if not field.args and not isinstance(named[name], GraphQLObjectType)
    )


def selection(detail: str, lists: list[str]) -> str:
    row = get_named_type(schema._schema.query_type.fields[detail].type)
    children = (f"{name} {{ {scalars(get_named_type(row.fields[name].type))} }}" for name in lists)
    return f"id {' '.join(children)}"


def fullest(model: type, lists: list[str]) -> object:
    """A row with many children in its first list and, where one exists, some in every list."""
    names = [_snake(name) for name in lists]
    rows = model.objects.annotate(n=Count(names[0], distinct=True)).order_by("-n", "pk")
    complete = rows.filter(*(Q(**{f"{name}__isnull": False}) for name in names))
    return complete.first() or rows.first()


def _snake(name: str) -> str:
    return re.sub(r"([A-Z])", lambda m: f"_{m.group(1).lower()}", name)


@pytest.mark.parametrize("entry", DETAILS, ids=lambda e: e[0])
def test_a_detail_and_its_plain_child_lists_are_one_select(gql_as, users, entry):
    detail, listing, model, lists = entry
    api, fields = gql_as(users["city_admin"]), selection(detail, lists)
    row = fullest(model, lists)
    with CaptureQueriesContext(connection) as queries:
        found = api.data(f"query ($id: ID!) {{ {detail}(id: $id) {{ {fields} }} }}", {"id": row.pk})
    # read before the next request: Django clears the query log when a request starts
    selects = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT")]
    page = f"{listing}(filters: {{id: {{exact: $id}}}}) {{ results {{ {fields} }} }}"
    listed = api.data(f"query ($id: ID!) {{ {page} }}", {"id": row.pk})
    assert found[detail] == listed[listing]["results"][0]
    assert any(found[detail][name] for name in lists), "the world has no children to compare"
    table = model._meta.db_table
    assert [sql for sql in selects if not sql.startswith(f'SELECT "{table}".')] == _auth(selects)


def _auth(selects: list[str]) -> list[str]:
    return [sql for sql in selects if re.match(r'SELECT "(accounts_|django_session|org_)', sql)]
