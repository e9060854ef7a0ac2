"""Entries written during HTTP requests carry the acting user (session or API token), their unit,
the IP and the request id; sign-ins are filed under the account's area and read in scope."""

import json

import pytest

from backend.accounts.services import user_create
from backend.accounts.tokens import token_create
from backend.audit.context import RequestContext, current, current_actor
from backend.audit.models import AuditAction, AuditEntry
from backend.org.services import membership_grant
from backend.teams.models import TeamMember
from permissions.registry import policy_for

pytestmark = pytest.mark.django_db
SUNING, XIANXIAN = 130926000000, 130929000000
UPDATE_MEMBER = """mutation ($data: TeamMemberUpdateInput!) { updateTeamMember(data: $data) {
  ... on TeamMember { title } ... on OperationInfo { messages { message } } } }"""
LOGIN = """mutation { login(username: "%s", password: "%s") {
  ... on Me { username } ... on OperationInfo { messages { message } } } }"""


def post(client, query: str, variables: dict | None = None, **extra) -> dict:
    body = json.dumps({"query": query, "variables": variables or {}})
    response = client.post("/graphql/", body, content_type="application/json", **extra)
    assert response.status_code == 200, response.content
    return response.json()


@pytest.fixture
def member(world):
    return TeamMember.objects.filter(active=True, area_id=130926100000).order_by("pk").first()


def update_title(client, member, title: str, **extra) -> AuditEntry:
    data = post(client, UPDATE_MEMBER, {"data": {"id": member.pk, "title": title}}, **extra)
    assert data["data"]["updateTeamMember"] == {"title": title}, data
    return AuditEntry.objects.filter(object_type="teams.teammember").latest("id")


def test_a_mutation_s_entry_names_the_user_their_unit_the_ip_and_the_request(client, users, member):
    user = users["township_centre"]
    client.force_login(user)
    entry = update_title(
        client, member, "审计测试", REMOTE_ADDR="10.9.8.7", HTTP_X_REQUEST_ID="req-aud-1"
    )
    assert (entry.action, entry.object_id, entry.changes["title"][1]) == (
        AuditAction.UPDATE,
        str(member.pk),
        "审计测试",
    )
    assert (entry.actor, entry.unit_id, entry.area_id) == (
        user,
        user.memberships.get().unit_id,
        member.area_id,
    )
    assert (entry.ip, entry.request_id) == ("10.9.8.7", "req-aud-1")


def test_an_api_token_request_names_the_token_s_account(client, users, member):
    user = users["township_centre"]
    _, secret = token_create(creator=user, user=user, name="审计测试")
    entry = update_title(client, member, "令牌修改", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert entry.actor == user and len(entry.request_id) == 32


def test_the_actor_is_read_when_the_entry_is_written(users):
    holder = {"user": None}
    token = current.set(RequestContext(user=lambda: holder["user"], memo={}))
    try:
        assert current_actor() is None
        holder["user"] = users["leader"]  # e.g. the login mutation signed someone in
        assert current_actor() == users["leader"]
    finally:
        current.reset(token)
    assert current_actor() is None  # outside requests and acting_as: nobody


def sign_ins(client, *attempts: tuple[str, str]) -> list[AuditEntry]:
    since = AuditEntry.objects.order_by("id").values_list("id", flat=True).last() or 0
    for username, password in attempts:
        post(client, LOGIN % (username, password), REMOTE_ADDR="10.1.1.1")
    kinds = (AuditAction.LOGIN, AuditAction.LOGIN_FAILED)  # (a sign-in may also rehash a password)
    return list(AuditEntry.objects.filter(id__gt=since, action__in=kinds).order_by("id"))


def test_sign_ins_are_filed_under_the_area_of_the_account_s_grants(client, users):
    ok, failed, unknown = sign_ins(
        client,
        ("county_centre", "Zhili-demo-2026"),
        ("xianxian_centre", "wrong"),
        ("nobody-here", "wrong"),
    )
    assert (ok.action, ok.actor, ok.area_id, ok.ip) == (
        AuditAction.LOGIN,
        users["county_centre"],
        SUNING,
        "10.1.1.1",
    )
    assert ok.unit_id == users["county_centre"].memberships.get().unit_id
    assert (failed.action, failed.area_id, failed.changes) == (
        AuditAction.LOGIN_FAILED,
        XIANXIAN,
        {"username": "xianxian_centre"},
    )
    assert (unknown.area_id, unknown.changes) == (None, {"username": "nobody-here"})
    assert "wrong" not in json.dumps([e.changes for e in (ok, failed, unknown)])


def test_a_county_auditor_reads_the_sign_ins_of_their_county_only(client, users, world):
    auditor = user_create(username="suning_auditor", password="Zl-demo-2026!")
    membership_grant(user=auditor, role="auditor", scope=world.counties[0])
    assert world.counties[0].pk == SUNING
    suning, xianxian, unknown = sign_ins(
        client,
        ("county_centre", "Zhili-demo-2026"),
        ("xianxian_centre", "Zhili-demo-2026"),
        ("nobody-here", "wrong"),
    )
    seen = set(policy_for(AuditEntry).visible(auditor))
    assert suning in seen and not {xianxian, unknown} & seen
    city = set(policy_for(AuditEntry).visible(users["auditor"]))
    assert {suning, xianxian} <= city and unknown not in city
