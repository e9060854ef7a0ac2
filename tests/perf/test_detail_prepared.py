"""A detail's statement is compiled once per selection and user scope, then only the id is bound
anew (schema/base/detail.py). Each request still sees exactly what its user may see: other ids of
the scope, rows outside it (null, like missing ones), object grants given after the compile, a
changed grant, a token narrowed to a smaller area — and a selection that may vary is not kept."""

import pytest
from django.test import Client

from backend.accounts.tokens import token_create
from backend.common import prepared
from backend.common.assignment import assignment_refresh
from backend.disputes.models import Dispute
from permissions.grants import forget_grants
from permissions.registry import policy_for
from schema.base import detail
from tests.api.conftest import Gql

pytestmark = pytest.mark.django_db
DETAIL = "query ($id: ID!) { dispute(id: $id) { id number parties { name phone } } }"
SKIPPED = (
    "query ($id: ID!, $p: Boolean!) { dispute(id: $id) { id parties @include(if: $p) { name } } }"
)


@pytest.fixture
def compiles(monkeypatch) -> list[int]:
    """One entry per statement compiled for binding."""
    seen: list[int] = []
    real = prepared._Compiled.of.__func__

    def counted(cls, template, samples):
        seen.append(1)
        return real(cls, template, samples)

    monkeypatch.setattr(prepared._Compiled, "of", classmethod(counted))
    detail._ENTRIES.clear()
    return seen


def _numbers(api: Gql, ids: list[int]) -> list[str | None]:
    answers = [api.data(DETAIL, {"id": pk})["dispute"] for pk in ids]
    return [answer and answer["number"] for answer in answers]


def _split(user, county: bool = False) -> tuple[list[Dispute], list[Dispute]]:
    visible = set(policy_for(Dispute).visible(user).values_list("pk", flat=True))
    rows = list(Dispute.objects.order_by("pk"))
    return [d for d in rows if d.pk in visible][:4], [d for d in rows if d.pk not in visible][:3]


def test_one_compile_serves_every_id_of_a_scope_and_nothing_outside_it(gql_as, users, compiles):
    township, county = users["township_centre"], users["county_centre"]
    inside, outside = _split(township)
    answers = _numbers(gql_as(township), [d.pk for d in inside + outside])
    assert answers == [d.number for d in inside] + [None] * len(outside)
    assert len(compiles) == 1  # one statement for the township's scope, re-bound per id
    county_inside = set(policy_for(Dispute).visible(county).values_list("pk", flat=True))
    expected = [d.number if d.pk in county_inside else None for d in inside + outside]
    assert _numbers(gql_as(county), [d.pk for d in inside + outside]) == expected != answers
    assert len(compiles) == 2


def test_an_assignment_made_after_the_compile_counts_at_once(gql_as, users, compiles):
    township = users["township_centre"]
    _, outside = _split(township)
    api, target = gql_as(township), outside[0]
    assert _numbers(api, [target.pk]) == [None]
    target.handling_unit = township.memberships.get().unit
    target.save(update_fields=["handling_unit"])
    assignment_refresh(obj=target)  # the object grant lives in the database, read by the statement
    assert _numbers(api, [target.pk]) == [target.number]
    assert len(compiles) == 1


def test_a_revoked_grant_or_a_narrower_token_gets_its_own_statement(gql_as, users, compiles):
    county = users["county_centre"]
    inside, _ = _split(county)
    town = users["township_centre"].memberships.get().scope
    _, secret = token_create(creator=county, user=county, name="乡镇大屏", scope=town)
    narrowed = Gql(Client(enforce_csrf_checks=True), token=secret)
    in_town = {d.pk for d in inside if d.area.path.startswith(town.path)}
    expected = [d.number if d.pk in in_town else None for d in inside]
    assert _numbers(narrowed, [d.pk for d in inside]) == expected
    assert _numbers(gql_as(county), [d.pk for d in inside]) == [d.number for d in inside]
    county.memberships.all().delete()
    forget_grants(county)
    assert _numbers(gql_as(county), [d.pk for d in inside]) == [None] * len(inside)


def test_a_selection_that_varies_with_the_variables_is_built_every_time(gql_as, users, compiles):
    api = gql_as(users["township_centre"])
    inside, _ = _split(users["township_centre"])
    for include in (True, False, True):
        answer = api.data(SKIPPED, {"id": inside[0].pk, "p": include})["dispute"]
        assert ("parties" in answer) is include
    assert compiles == [] and all(entry is None for entry in detail._ENTRIES.values())
