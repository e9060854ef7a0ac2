"""Issue 7's budget: an integrator's request costs at most three statements, authentication
included — the token with its account and grants is one statement, a page with its totalCount one."""

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from backend.accounts.models import User
from backend.accounts.services import user_create
from backend.accounts.tokens import token_create
from backend.disputes.models import Dispute
from backend.org.models import Unit
from backend.org.services import membership_grant
from backend.reports.models import Report
from permissions.codenames import Action
from permissions.policy import Policy
from permissions.registry import policies
from tests.api.conftest import Gql

pytestmark = pytest.mark.django_db

TOWNSHIP_LIST = """query ($status: String!, $limit: Int!) {
  disputes(filters: {status: {exact: $status}}, ordering: [{deadline: ASC}, {id: ASC}],
           pagination: {offset: 0, limit: $limit}) {
    totalCount
    results { id number status deadline type { code name } area { code name } handlingUnit { id name } }
  }
}"""
INBOX = """query ($unit: ID!, $limit: Int!) {
  reports(filters: {currentUnit: $unit}, ordering: [{deadline: ASC}, {id: ASC}],
          pagination: {offset: 0, limit: $limit}) {
    totalCount
    results { id number status deadline category { code name } area { code name } }
  }
}"""


def as_token(client, user) -> Gql:
    _, raw = token_create(creator=user, user=user, name="bench")
    return Gql(client, raw)


def statements(gql: Gql, query: str, variables: dict) -> tuple[list[str], dict]:
    gql(query, variables)  # the first use writes last_used_at (at most once a minute)
    with CaptureQueriesContext(connection) as captured:
        body = gql(query, variables)
    assert "errors" not in body, body
    return [q["sql"] for q in captured.captured_queries], body["data"]


@pytest.mark.parametrize("limit", [1, 50])
def test_a_township_page_with_its_total_is_two_statements(client, users, limit):
    user = users["township_centre"]
    gql = as_token(client, user)
    status = Dispute.objects.values_list("status", flat=True).first()
    sql, data = statements(gql, TOWNSHIP_LIST, {"status": status, "limit": limit})
    assert len(sql) == 2, sql  # the token with account and grants; the page with its count
    page = data["disputes"]
    assert page["totalCount"] >= len(page["results"]) > 0


def busiest_unit_handler() -> tuple[User, int]:
    """A handler of the unit holding the most reports: its inbox is what (3) of the bench reads."""
    busiest = Report.objects.exclude(current_unit=None).values("current_unit")
    unit_id = busiest.annotate(n=Count("pk")).order_by("-n")[0]["current_unit"]
    unit = Unit.objects.get(pk=unit_id)
    user = user_create(username="inbox_handler", password="x-Zhili-2026", full_name="经办人")
    membership_grant(user=user, role="unit_handler", scope=unit.area, unit=unit)
    return User.objects.get(pk=user.pk), unit_id


@pytest.mark.parametrize("limit", [1, 50])
def test_a_unit_inbox_with_its_total_is_two_statements(client, limit):
    user, unit = busiest_unit_handler()
    sql, data = statements(as_token(client, user), INBOX, {"unit": str(unit), "limit": limit})
    assert len(sql) == 2, sql
    assert data["reports"]["totalCount"] == Report.objects.filter(current_unit_id=unit).count() > 1


def test_the_folded_total_is_the_count_of_the_whole_list_not_of_the_page(client, users):
    user = users["township_centre"]
    gql = as_token(client, user)
    status = Dispute.objects.values_list("status", flat=True).first()
    one = gql.data(TOWNSHIP_LIST, {"status": status, "limit": 1})["disputes"]
    many = gql.data(TOWNSHIP_LIST, {"status": status, "limit": 50})["disputes"]
    assert one["totalCount"] == many["totalCount"] >= len(many["results"])
    assert one["results"][0] == many["results"][0]


def test_me_asks_each_object_granted_model_once_and_answers_as_each_grant_would(client):
    """The portal's `me` lists every model × action the user may do somewhere: one statement per
    model with object grants, not one per question (it was 45), and the same answers."""
    user, _ = busiest_unit_handler()
    granted = [p for p in policies().values() if isinstance(p, Policy) and p.object_grants]
    sql, data = statements(as_token(client, user), "{ me { permissions } }", {})
    assert len(sql) <= 1 + len(granted), sql
    fresh = User.objects.get(pk=user.pk)
    for policy in granted:
        for action in Action:
            label = f"{policy.model._meta.label_lower}:{action}"
            by_rows = (
                bool(policy.grants(fresh, action)) or policy._granted_rows(fresh, action).exists()
            )
            assert (label in data["me"]["permissions"]) is by_rows, label


UPDATE = """mutation ($id: ID!, $summary: String!) {
  updateDispute(data: {id: $id, summary: $summary}) { ... on Dispute { id summary } }
}"""


def test_a_free_text_correction_is_six_data_statements_and_locks_only_the_dispute(client, users):
    """Token, load, lock (with the rows clean() reads), the audit's old value, UPDATE, audit
    INSERT: unchanged foreign keys and unique columns are not probed again (it was 18)."""
    user = users["township_centre"]
    gql = as_token(client, user)
    listed = gql.data(TOWNSHIP_LIST, {"status": "mediating", "limit": 1})  # uses the token
    dispute_id = listed["disputes"]["results"][0]["id"]
    with CaptureQueriesContext(connection) as captured:
        data = gql.data(UPDATE, {"id": dispute_id, "summary": "更正：双方同意再次调解"})
    sql = [q["sql"] for q in captured.captured_queries]
    assert any(s.startswith('UPDATE "disputes_dispute"') for s in sql), sql
    writes = [s for s in sql if s.split()[0] in ("SELECT", "UPDATE", "INSERT", "DELETE")]
    assert len(writes) <= 6, writes
    assert data["updateDispute"]["summary"] == "更正：双方同意再次调解"
    if connection.vendor == "postgresql":
        (lock,) = [s for s in sql if "FOR UPDATE" in s]
        assert lock.endswith('FOR UPDATE OF "disputes_dispute"'), lock
