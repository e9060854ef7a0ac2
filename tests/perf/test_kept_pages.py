"""List statements kept per document, user scope and variables (schema/base/kept.py): a repeated
request builds and compiles nothing, yet every answer is today's — rows changed since, object
grants given since, another scope, other variables — and what cannot be keyed is never kept."""

import pytest

from backend.common import prepared
from backend.common.assignment import assignment_refresh
from backend.disputes.models import Dispute
from permissions.registry import policy_for
from schema.base import kept

pytestmark = pytest.mark.django_db
LIST = """query ($status: String!, $limit: Int!) {
  disputes(filters: {status: {exact: $status}}, ordering: [{deadline: ASC}, {id: ASC}],
           pagination: {offset: 0, limit: $limit}) {
    totalCount results { id number status area { code name } handlingUnit { id name } } } }"""
OVERDUE = """{ disputes(filters: {overdue: true}, pagination: {offset: 0, limit: 5}) {
  totalCount results { id } } }"""
SECOND_PAGE = """{ disputes(pagination: {offset: 5, limit: 5}) { totalCount results { id } } }"""


@pytest.fixture
def compiles(monkeypatch) -> list[str]:
    seen: list[str] = []
    real = prepared._Compiled.of.__func__

    def counted(cls, template, samples):
        seen.append(template.model._meta.label)
        return real(cls, template, samples)

    monkeypatch.setattr(prepared._Compiled, "of", classmethod(counted))
    kept._KEPT.clear()
    return seen


def _page(api, status: str, limit: int = 50) -> dict:
    return api.data(LIST, {"status": status, "limit": limit})["disputes"]


def _commonest_status(user) -> str:
    rows = policy_for(Dispute).visible(user).values_list("status", flat=True)
    return max(set(rows), key=list(rows).count)


def test_a_repeated_page_runs_its_kept_statement_and_sees_todays_rows(gql_as, users, compiles):
    township = users["township_centre"]
    api, status = gql_as(township), _commonest_status(township)
    first = _page(api, status)
    assert _page(api, status) == first and compiles == ["disputes.Dispute"]
    moved = Dispute.objects.get(pk=first["results"][0]["id"])
    Dispute.objects.filter(pk=moved.pk).update(
        status="closed" if status != "closed" else "mediating"
    )
    later = _page(api, status)
    assert later["totalCount"] == first["totalCount"] - 1
    assert [r["id"] for r in later["results"]] == [r["id"] for r in first["results"][1:]]
    assert len(compiles) == 1
    assert _page(api, status, limit=2)["results"] == later["results"][:2]  # other variables
    assert len(compiles) == 2


def test_each_scope_has_its_own_statement(gql_as, users, compiles):
    township, county = users["township_centre"], users["county_centre"]
    status = _commonest_status(township)
    for user in (township, county, township, county):
        page = _page(gql_as(user), status)
        visible = policy_for(Dispute).visible(user).filter(status=status)
        assert page["totalCount"] == visible.count()
        assert {int(r["id"]) for r in page["results"]} <= set(visible.values_list("pk", flat=True))
    assert len(compiles) == 2


def test_an_assignment_after_the_keep_shows_at_once(gql_as, users, compiles):
    township = users["township_centre"]
    status = _commonest_status(township)
    api = gql_as(township)
    before = _page(api, status)["totalCount"]
    outside = Dispute.objects.filter(status=status).exclude(
        pk__in=policy_for(Dispute).visible(township).values("pk")
    )[0]
    outside.handling_unit = township.memberships.get().unit
    outside.save(update_fields=["handling_unit"])
    assignment_refresh(obj=outside)
    assert _page(api, status)["totalCount"] == before + 1 and len(compiles) == 1


@pytest.mark.parametrize("query", [OVERDUE, SECOND_PAGE], ids=["clock", "past-the-first-page"])
def test_what_the_key_cannot_hold_is_built_every_time(gql_as, users, compiles, query):
    api = gql_as(users["township_centre"])
    answers = [api.data(query)["disputes"] for _ in range(3)]
    assert answers[0] == answers[1] == answers[2]
    assert compiles == [] and not kept._KEPT


INBOX = """query ($unit: ID!) { reports(filters: {currentUnit: $unit}, ordering: [{deadline: ASC}],
  pagination: {offset: 0, limit: 50}) { totalCount results { id area { code } } } }"""


def test_a_pure_filter_is_kept_per_value(gql_as, users, compiles):
    from backend.reports.models import Report

    api = gql_as(users["city_admin"])
    units = list(Report.objects.order_by().values_list("current_unit", flat=True).distinct()[:2])
    for unit in [*units, *units]:
        page = api.data(INBOX, {"unit": str(unit)})["reports"]
        assert page["totalCount"] == Report.objects.filter(current_unit=unit).count()
    assert len(compiles) == 2
