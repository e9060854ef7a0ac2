"""Schema-wide fuzzing (hypothesis-graphql) as users of two sibling counties: no server error, no
unexpected error, nothing of the other county in any answer, nothing of it changed."""

import json
from datetime import date, datetime

import pytest
from django.apps import apps
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import from_schema, nodes

from permissions.registry import policies
from schema.schema import schema

pytestmark = pytest.mark.django_db
SCALARS = {
    "Date": st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)).map(nodes.String),
    "DateTime": st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1)).map(
        lambda d: nodes.String(d.isoformat() + "+08:00")
    ),
    "Decimal": st.decimals(min_value=-180, max_value=180, places=6, allow_nan=False).map(
        nodes.String
    ),
    "Upload": st.just(nodes.Null),
}
SCOPED = [
    "disputes.dispute",
    "reports.report",
    "creation.creationtask",
    "enterprise.enterpriseproblem",
    "assistance.subsidycase",
    "enterprise.enterprise",
]
MASKED_ERROR = "服务器内部错误"
FUZZ = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)


def hidden_numbers(user) -> set[str]:
    """Record numbers the user may not see (the oracle for leaks)."""
    numbers = set()
    for label in SCOPED:
        model = apps.get_model(label)
        if any(f.name == "number" for f in model._meta.fields):
            visible = policies()[label].visible(user).values("pk")
            numbers |= set(model.objects.exclude(pk__in=visible).values_list("number", flat=True))
    return numbers


def snapshot(user) -> dict:
    state = {}
    for label in SCOPED:
        model = apps.get_model(label)
        visible = policies()[label].visible(user).values("pk")
        state[label] = dict(model.objects.exclude(pk__in=visible).values_list("pk", "updated_at"))
    return state


def fuzz(client: Client, user, strategy) -> None:
    hidden, before = hidden_numbers(user), snapshot(user)

    @FUZZ
    @given(query=strategy)
    def run(query: str) -> None:
        response = client.post(
            "/graphql/", json.dumps({"query": query}), content_type="application/json"
        )
        assert response.status_code == 200, response.content[:500]
        text = response.content.decode()
        assert MASKED_ERROR not in text and "Traceback" not in text, text[:800]
        leaked = [number for number in hidden if number in text]
        assert not leaked, leaked[:3]

    run()
    assert snapshot(user) == before


@pytest.mark.parametrize("username", ["county_centre", "xianxian_centre"])
def test_queries(client, users, username):
    client.force_login(users[username])
    fuzz(
        client,
        users[username],
        from_schema(schema.as_str(), custom_scalars=SCALARS, fields=_query_fields()),
    )


@pytest.mark.parametrize("username", ["county_centre", "xianxian_centre"])
def test_mutations(client, users, username):
    client.force_login(users[username])
    strategy = from_schema(schema.as_str(), custom_scalars=SCALARS, fields=_mutation_fields())
    fuzz(client, users[username], strategy)


def _query_fields() -> list[str]:
    return list(schema._schema.query_type.fields)


def _mutation_fields() -> list[str]:
    # login/logout would change the session under the fuzzer; tokens are tested in test_auth.py
    skip = {"login", "logout", "createApiToken", "revokeApiToken"}
    return [name for name in schema._schema.mutation_type.fields if name not in skip]
