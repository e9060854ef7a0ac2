"""The shape of the SQL behind the hot reads (bench/README.md, "Hot paths"):

- the object-grant term of a scope predicate is `id = ANY(ARRAY(subquery))` on PostgreSQL (a
  BitmapOr of the area index and the primary key), `id IN (subquery)` on SQLite (MULTI-INDEX OR);
- a dispute detail's plain child lists come in the dispute's own statement, correlated with its
  row (tests/perf/test_detail_statement.py); a child list left to its relation field (here
  `records`, for its nested mediators) is bound to the dispute's id: no statement re-evaluates
  which disputes the user may see, and a scope grant decides view and unmask without SQL;
- child lists nested under a list are correlated with each parent row, one statement per list
  whatever the page size.
"""

import re

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from backend.disputes.models import Dispute, DisputeParty
from permissions.codenames import Action
from permissions.policy import Policy
from permissions.registry import policy_for

pytestmark = pytest.mark.django_db
DISPUTES = "disputes_dispute"

DETAIL = """query ($id: ID!) {
  dispute(id: $id) {
    id number
    parties { name idNumber phone }
    records { place mediators { name } }
    evidence { originalName }
  }
}"""
CHILD_TABLES = ("disputes_disputeparty", "disputes_mediationrecord", "evidence_evidence")
SERVED = ('FROM "disputes_disputeparty"', 'FROM "evidence_evidence"')  # in the dispute's SELECT


def disputes() -> Policy:
    policy = policy_for(Dispute)
    assert isinstance(policy, Policy)
    return policy


def busiest_dispute(**where: object) -> Dispute:
    """The dispute with the most parties among `where` (it has records and evidence too)."""
    rows = Dispute.objects.filter(**where).annotate(n=Count("parties")).order_by("-n", "pk")
    dispute = rows.filter(records__isnull=False, evidence__isnull=False).first()
    assert dispute is not None
    return dispute


def child_statements(queries: CaptureQueriesContext) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if _selected_table(q["sql"]) in CHILD_TABLES]


def assert_served_in_the_dispute_s_statement(queries: CaptureQueriesContext) -> None:
    """The parties and files: in the one SELECT of the dispute, each correlated with its row."""
    (sql,) = [q["sql"] for q in queries.captured_queries if _selected_table(q["sql"]) == DISPUTES]
    for served in SERVED:
        assert served in sql, sql
    assert sql.count('."dispute_id" = ("disputes_dispute"."id")') == len(SERVED), sql


def _selected_table(sql: str) -> str | None:
    match = re.match(r'SELECT "(\w+)"\.', sql)
    return match.group(1) if match else None


def test_the_grant_term_is_an_array_on_postgresql_and_in_on_sqlite(users):
    sql = str(disputes().visible(users["township_centre"]).query)
    assert '"disputes_dispute"."area_id" >= ' in sql  # beside a scope range
    if connection.vendor == "postgresql":
        assert '"disputes_dispute"."id" = ANY(ARRAY(SELECT' in sql
        assert " IN (SELECT" not in sql
    else:
        assert '"disputes_dispute"."id" IN (SELECT' in sql
        assert "ANY(" not in sql


def test_a_grant_term_alone_stays_a_join_of_the_grants(users):
    """Without a scope grant there is no OR to serve; IN keeps the planner's row estimates."""
    user = users["mediator"]
    assert disputes().grants(user, Action.VIEW) == []
    sql = str(disputes().visible(user).query)
    assert '"disputes_dispute"."id" IN (SELECT' in sql and "ANY(" not in sql


@pytest.mark.parametrize("username", ["township_centre", "county_centre"])
def test_a_scope_grant_binds_the_detail_s_children_to_the_dispute_id(gql_as, users, username):
    dispute = busiest_dispute(area__path__startswith="130900/130926/130926100/")
    with CaptureQueriesContext(connection) as queries:
        found = gql_as(users[username]).data(DETAIL, {"id": dispute.pk})["dispute"]
    assert found["parties"] and found["records"] and found["evidence"]
    children = child_statements(queries)
    assert len(children) == 1, children  # the records (nested mediators), no per-row statement
    for sql in children:
        assert f'"dispute_id" = {dispute.pk}' in sql
        # the parent was authorised already: neither its scope nor any grant table is re-read
        assert not re.search(r'FROM "disputes_dispute"|unitgrant', sql), sql
    assert_served_in_the_dispute_s_statement(queries)


def test_an_object_grant_is_checked_once_on_the_dispute_id(gql_as, users):
    """The mediator sees assigned disputes by object grant only: each child list asks the grant
    table about this one dispute, inside the child statement (an uncorrelated EXISTS)."""
    user = users["mediator"]
    dispute = busiest_dispute(pk__in=disputes().visible(user).values("pk"))
    assert not any(grant.covers(dispute.area_id) for grant in disputes().grants(user, "view"))
    with CaptureQueriesContext(connection) as queries:
        found = gql_as(user).data(DETAIL, {"id": dispute.pk})["dispute"]
    assert found["parties"] and found["evidence"]
    children = child_statements(queries)
    assert len(children) == 1, children
    for sql in children:
        assert f'"dispute_id" = {dispute.pk}' in sql
        assert f'"content_object_id" = {dispute.pk}' in sql  # the grant of this dispute only
        assert 'FROM "disputes_dispute"' not in sql
    assert_served_in_the_dispute_s_statement(queries)
    unmask = disputes().may_on(user, Action.UNMASK, dispute)
    masked = ["********" in party["idNumber"] for party in found["parties"] if party["idNumber"]]
    assert masked and all(flag is not unmask for flag in masked)


def test_masking_follows_the_parent_s_unmask_grant(gql_as, users):
    dispute = busiest_dispute(area__path__startswith="130900/130926/130926100/")
    for username in ("township_centre", "leader"):
        user = users[username]
        unmask = disputes().may_on(user, Action.UNMASK, dispute)
        parties = gql_as(user).data(DETAIL, {"id": dispute.pk})["dispute"]["parties"]
        numbers = [party["idNumber"] for party in parties if party["idNumber"]]
        assert numbers and all(("********" in number) is not unmask for number in numbers)


def test_a_bound_queryset_or_ed_with_another_stays_bound(users):
    """The parent marker survives `|`; the policy binds the rows to the parent's id again."""
    user = users["township_centre"]
    dispute = busiest_dispute(area__path__startswith="130900/130926/130926100/")
    widened = dispute.parties.all() | DisputeParty.objects.all()
    rows = policy_for(DisputeParty).restrict(widened, user, Action.VIEW)
    assert {party.dispute_id for party in rows} == {dispute.pk}


def test_a_forbidden_parent_yields_no_children_in_one_bound_statement(users):
    dispute = busiest_dispute(area__path__startswith="130900/130926/130926100/")
    outsider = users["xianxian_centre"]
    assert not disputes().may_on(outsider, Action.VIEW, dispute)  # grants now cached
    with CaptureQueriesContext(connection) as queries:
        rows = list(policy_for(DisputeParty).restrict(dispute.parties.all(), outsider, "view"))
    assert rows == []
    (sql,) = [q["sql"] for q in queries.captured_queries]  # the object grants of this dispute
    assert f'"content_object_id" = {dispute.pk}' in sql and 'FROM "disputes_dispute"' not in sql


@pytest.mark.parametrize("username", ["county_centre", "mediator"])
def test_nested_lists_under_a_list_are_correlated(gql_as, users, username):
    query = """query ($limit: Int!) { disputes(pagination: {offset: 0, limit: $limit}) {
      results { id parties { name idNumber } records { place } evidence { originalName } } } }"""
    api, counts = gql_as(users[username]), []
    for limit in (1, 10):
        with CaptureQueriesContext(connection) as queries:
            rows = api.data(query, {"limit": limit})["disputes"]["results"]
        assert len(rows) == limit
        counts.append(len(queries))
        for sql in child_statements(queries):
            # each child row probes its own dispute; no list of every visible dispute
            assert not re.search(r'"dispute_id" IN \(SELECT', sql), sql
    assert counts[0] == counts[1], counts
