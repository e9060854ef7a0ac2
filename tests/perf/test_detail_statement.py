"""A detail query is one SELECT: the row and every plain child list it selects come in the row's
own statement (schema/base/nested.py), whatever the number of children or of lists selected. With
an API token a request costs the token and grants, that SELECT, and the audit INSERT of the
unmasked reads; the children are the rows and values the relation fields would resolve."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from backend.accounts.tokens import token_create
from backend.audit.models import AuditAction, AuditEntry
from backend.disputes.models import Dispute
from permissions.codenames import Action
from tests.api.conftest import Gql
from tests.perf.test_sql_shape import busiest_dispute, disputes

pytestmark = pytest.mark.django_db
CHILDREN = """
  parties { id role name phone idNumber isMainParty }
  records { id heldAt place content result }
  evidence { id originalName contentType size }"""
DETAIL = (
    "query Detail($id: ID!) { dispute(id: $id) { id number title status deadline summary %s } }"
)
# the list path resolves each child list with its own statement (the relation field, unserved)
LISTED = "query ($id: ID!) { disputes(filters: {id: {exact: $id}}) { results { id %s } } }"
AUTH_TABLES = ("accounts_", "org_membership", "auth_", "django_session")
SUNING = "130900/130926/130926100/"


def token_api(user) -> Gql:
    _, secret = token_create(creator=user, user=user, name="详情查询")
    return Gql(Client(enforce_csrf_checks=True), token=secret)


def with_children(source: Dispute, count: int) -> Dispute:
    """A copy of `source` with `count` copies of one of its parties, records and files."""
    children = [source.parties.first(), source.records.first(), source.evidence.first()]
    copy = Dispute.objects.get(pk=source.pk)
    copy.pk, copy.number = None, f"{source.number}-{count}"
    copy.save()
    for child in children:
        for index in range(count):
            child.pk, child.dispute = None, copy
            if hasattr(child, "is_main_party"):
                child.is_main_party = index == 0  # one main party per dispute
            child.save()
    return copy


def statements(api: Gql, query: str, dispute: Dispute) -> tuple[dict, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        found = api.data(query, {"id": dispute.pk})["dispute"]
    return found, [q["sql"] for q in queries.captured_queries]


def shape(sqls: list[str]) -> list[str]:
    """Each statement's verb and first table; authentication statements apart."""
    return [_kind(sql) for sql in sqls]


def _kind(sql: str) -> str:
    match = re.search(r'^(\w+)\b.*?"(\w+)"', sql, re.S)
    if match is None:
        return sql[:40]
    return "auth" if match.group(2).startswith(AUTH_TABLES) else " ".join(match.groups())


def test_the_detail_is_one_select_however_many_children(users):
    user = users["township_centre"]
    source = busiest_dispute(area__path__startswith=SUNING)
    api, shapes, sizes = token_api(user), [], []
    for count in (1, 5):
        found, sqls = statements(api, DETAIL % CHILDREN, with_children(source, count))
        sizes.append([len(found[name]) for name in ("parties", "records", "evidence")])
        shapes.append(shape(sqls))
    assert sizes == [[1, 1, 1], [5, 5, 5]]
    for kinds in shapes:
        auth = [kind for kind in kinds if kind == "auth"]
        assert 1 <= len(auth) <= 2, kinds  # the token (its last use) and its user's grants
        assert kinds[len(auth) :] == ["SELECT disputes_dispute", "INSERT audit_auditentry"]


@pytest.mark.parametrize("lists", [1, 2, 3])
def test_selecting_more_child_lists_adds_no_statement(users, lists):
    dispute = busiest_dispute(area__path__startswith=SUNING)
    selected = "\n".join(CHILDREN.strip().splitlines()[:lists])
    _, sqls = statements(token_api(users["township_centre"]), DETAIL % selected, dispute)
    assert shape(sqls)[-2:] == ["SELECT disputes_dispute", "INSERT audit_auditentry"], sqls
    assert shape(sqls).count("SELECT disputes_dispute") == 1


@pytest.mark.parametrize("username", ["township_centre", "leader", "mediator", "county_centre"])
def test_the_children_equal_those_of_the_relation_fields(users, username):
    user = users[username]
    dispute = busiest_dispute(pk__in=disputes().visible(user).values("pk"))
    api = token_api(user)
    found = api.data(DETAIL % CHILDREN, {"id": dispute.pk})["dispute"]
    (listed,) = api.data(LISTED % CHILDREN, {"id": dispute.pk})["disputes"]["results"]
    assert found["parties"] and found["records"] and found["evidence"]
    for name in ("parties", "records", "evidence"):
        assert found[name] == listed[name], name
    assert [int(p["id"]) for p in found["parties"]] == list(
        dispute.parties.order_by("-is_main_party", "id").values_list("pk", flat=True)
    )


def test_phones_are_masked_for_a_role_that_may_not_unmask_and_audited_once_when_not(users):
    dispute = busiest_dispute(area__path__startswith=SUNING)
    phones = dict(dispute.parties.values_list("pk", "phone"))
    seen = {}
    for username in ("township_centre", "leader"):
        before = AuditEntry.objects.filter(action=AuditAction.UNMASKED_READ).count()
        found, sqls = statements(token_api(users[username]), DETAIL % CHILDREN, dispute)
        audited = AuditEntry.objects.filter(action=AuditAction.UNMASKED_READ).count() - before
        unmask = disputes().may_on(users[username], Action.UNMASK, dispute)
        seen[unmask] = {int(party["id"]): party["phone"] for party in found["parties"]}
        assert audited == (1 if unmask else 0), sqls
        assert shape(sqls).count("INSERT audit_auditentry") == audited
    assert seen[True] == phones
    assert seen[False].keys() == phones.keys() and seen[False] != phones
    assert all("****" in phone for phone in seen[False].values() if phone)
    entry = AuditEntry.objects.filter(action=AuditAction.UNMASKED_READ).latest("pk")
    assert entry.object_type == "disputes.disputeparty" and entry.area_id == dispute.area_id
    assert sorted(map(int, entry.changes["reads"])) == sorted(phones)


def test_a_child_of_another_scope_never_appears(users):
    user = users["township_centre"]
    api = token_api(user)
    outside = busiest_dispute(area__path__startswith="130900/130929/")
    assert api.data(DETAIL % CHILDREN, {"id": outside.pk})["dispute"] is None
    inside = busiest_dispute(area__path__startswith=SUNING)
    stray = with_children(outside, 1)  # a party, record and file of a dispute out of scope
    found = api.data(DETAIL % CHILDREN, {"id": inside.pk})["dispute"]
    for name in ("parties", "records", "evidence"):
        ids = {int(row["id"]) for row in found[name]}
        assert ids == set(getattr(inside, name).values_list("pk", flat=True)), name
        assert not ids & set(getattr(stray, name).values_list("pk", flat=True))


def test_a_list_with_nested_objects_keeps_its_own_statement(users):
    """`records { mediators }` is left to the relation field; the parties still come along."""
    query = DETAIL % "parties { id name } records { id mediators { name } }"
    dispute = busiest_dispute(area__path__startswith=SUNING)
    api = token_api(users["township_centre"])
    found, sqls = statements(api, query, dispute)
    assert found["records"] and found["parties"]
    kinds = shape(sqls)
    assert kinds.count("SELECT disputes_mediationrecord") == 1
    assert "SELECT disputes_disputeparty" not in kinds
    (listed,) = api.data(LISTED % "parties { id name }", {"id": dispute.pk})["disputes"]["results"]
    assert found["parties"] == listed["parties"]


def test_the_detail_rows_own_sensitive_fields_unmask_like_the_lists(users):
    """The parent row carries the unmask flag too: the detail shows what the list shows."""
    dispute = busiest_dispute(area__path__startswith=SUNING)
    Dispute.objects.filter(pk=dispute.pk).update(responsible_phone="13912345678")
    query = "query ($id: ID!) { %s { responsiblePhone } }"
    detail = query % "dispute(id: $id)"
    listed = query % "disputes(filters: {id: {exact: $id}}) { results"
    listed = listed[:-1] + "} }"
    for username in ("township_centre", "leader"):
        api = token_api(users[username])
        shown = api.data(detail, {"id": dispute.pk})["dispute"]["responsiblePhone"]
        in_list = api.data(listed, {"id": dispute.pk})["disputes"]["results"][0]
        assert shown == in_list["responsiblePhone"], username
        unmask = disputes().may_on(users[username], Action.UNMASK, dispute)
        assert (shown == "13912345678") is unmask, username


def test_children_that_follow_the_dispute_are_read_by_its_id_alone(users):
    """Parties, records and files are viewed and unmasked as their dispute is: beside a dispute
    the user may view, their subqueries carry no predicate of their own (no grant is re-read)."""
    dispute = busiest_dispute(area__path__startswith=SUNING)
    _, sqls = statements(token_api(users["township_centre"]), DETAIL % CHILDREN, dispute)
    (select,) = [sql for sql in sqls if _kind(sql) == "SELECT disputes_dispute"]
    for table in ("disputes_disputeparty", "disputes_mediationrecord", "evidence_evidence"):
        assert f'FROM "{table}" U0 WHERE U0."dispute_id" = ("disputes_dispute"."id"))' in select
    assert select.count("unitgrant") == 2, select  # the dispute's own view filter and unmask flag
