"""Sessions with CSRF, API tokens without, login lockout, introspection and request limits."""

import json

import pytest
from django.test import Client

from backend.accounts.models import ApiToken, User
from backend.accounts.tokens import token_create, token_revoke
from backend.audit.models import AuditAction, AuditEntry
from backend.disputes.models import Dispute
from tests.api.conftest import Gql

pytestmark = pytest.mark.django_db
ME = "{ me { username grants { role scopeCode } } }"
COUNT = "{ disputes { totalCount } }"


def post(client: Client, query: str, **extra) -> tuple[int, dict]:
    response = client.post(
        "/graphql/", json.dumps({"query": query}), content_type="application/json", **extra
    )
    return response.status_code, (
        response.json() if response["Content-Type"].startswith("application/json") else {}
    )


def test_a_session_request_needs_the_csrf_token(users):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(users["county_centre"])
    status, _ = post(browser, ME)
    assert status == 403
    token = browser.get("/auth/csrf").json()["csrfToken"]
    status, body = post(browser, ME, HTTP_X_CSRFTOKEN=token)
    assert (status, body["data"]["me"]["username"]) == (200, "county_centre")


def test_login_mutation_sets_a_session_and_locks_out_after_five_failures(users):
    browser = Client()
    login = 'mutation { login(username: "county_centre", password: "%s") { ... on Me { username } ... on OperationInfo { messages { message } } } }'
    for _ in range(5):
        assert (
            post(browser, login % "wrong")[1]["data"]["login"]["messages"][0]["message"]
            == "用户名或密码错误"
        )
    locked = post(browser, login % "Zhili-demo-2026")[1]["data"]["login"]
    assert locked["messages"][0]["message"] == "登录失败次数过多，请 15 分钟后再试"
    assert AuditEntry.objects.filter(action=AuditAction.LOGIN_FAILED).count() == 5


def test_a_successful_login_answers_me(users):
    browser = Client()
    login = 'mutation { login(username: "township_centre", password: "Zhili-demo-2026") { ... on Me { username } } }'
    assert post(browser, login)[1]["data"]["login"] == {"username": "township_centre"}
    assert post(browser, ME)[1]["data"]["me"]["grants"] == [
        {"role": "township_centre", "scopeCode": "130926100000"}
    ]


def test_an_api_token_works_without_csrf_and_never_reaches_beyond_its_scope(users):
    integrator = users["integrator"]
    token, secret = token_create(
        creator=integrator,
        user=integrator,
        name="法院系统对接",
        scope=Dispute.objects.first().area.parent.parent,
    )  # one county
    api = Gql(Client(enforce_csrf_checks=True), token=secret)
    total = api.data(COUNT)["disputes"]["totalCount"]
    county = token.scope.code // 10**6
    assert total == Dispute.objects.filter(area__code__startswith=str(county)).count() > 0
    token_revoke(token=token)
    assert api(COUNT, status=401)["errors"][0]["message"] == "API 令牌无效、已过期或已吊销"


def test_a_token_cannot_be_wider_than_its_creator(users, gql_as):
    mutation = 'mutation { createApiToken(data: {name: "大屏", username: "city_admin"}) { ... on OperationInfo { messages { message } } } }'
    refused = gql_as(users["county_centre"]).data(mutation)["createApiToken"]["messages"][0][
        "message"
    ]
    assert refused == "账号不存在"
    created = gql_as(users["city_admin"]).data(
        'mutation { createApiToken(data: {name: "大屏"}) { ... on NewApiToken { secret token { prefix scopeCode } } } }'
    )
    secret = created["createApiToken"]["secret"]
    assert secret.startswith("zl_" + created["createApiToken"]["token"]["prefix"])
    assert secret not in str(list(AuditEntry.objects.values_list("changes", flat=True)))


def test_anonymous_callers_get_no_schema_and_no_data():
    anonymous = Client()
    status, body = post(anonymous, "{ __schema { types { name } } }")
    assert status == 200 and "introspection" in body["errors"][0]["message"].lower()
    assert post(anonymous, COUNT)[1]["data"]["disputes"]["totalCount"] == 0
    assert post(anonymous, ME)[1]["data"]["me"] is None


def test_signed_in_users_may_introspect(gql_as, users):
    names = {
        t["name"]
        for t in gql_as(users["leader"]).data("{ __schema { types { name } } }")["__schema"][
            "types"
        ]
    }
    assert {"Dispute", "OperationInfo", "Me"} <= names


def test_get_requests_carry_no_queries(client, users):
    client.force_login(users["leader"])
    response = client.get("/graphql/", {"query": COUNT})
    assert response.status_code in (400, 404, 405)
    assert b"totalCount" not in response.content


def test_deep_or_alias_heavy_documents_are_refused(gql_as, users):
    api = gql_as(users["leader"])
    deep = "{ disputes { results { handlingUnit { area { name } } mediators { unit { area { name } } } } } }"
    assert "errors" not in api(deep)
    too_deep = (
        "{ disputes { results { "
        + "mediators { unit { area { name } } } " * 1
        + "records { mediators { unit { area { name } } } } } } }"
    )
    assert "errors" not in api(too_deep)
    aliases = "{ " + " ".join(f"a{i}: me {{ username }}" for i in range(20)) + " }"
    assert "aliases" in api(aliases)["errors"][0]["message"].lower()


def test_a_malformed_filter_id_is_a_readable_error(gql_as, users):
    body = gql_as(users["leader"])('{ disputes(filters: {handlingUnit: "abc"}) { totalCount } }')
    assert body["errors"][0]["message"] == "编号格式不正确"
    body = gql_as(users["leader"])('{ disputes(filters: {area: "999"}) { totalCount } }')
    assert body["errors"][0]["message"] == "区划代码不存在"


def test_a_validation_error_raised_while_filtering_reads_in_chinese(gql_as, users):
    body = gql_as(users["leader"])('{ creationTasks(filters: {leadUnit: "abc"}) { totalCount } }')
    assert body["errors"][0]["message"] == "编号格式不正确"


WIDER = "令牌的权限不能超出创建人自己的授权范围"


@pytest.mark.parametrize(
    ("creator", "account", "scope", "refusal"),
    [
        ("city_admin", "integrator", None, None),  # the city administrator covers every permission
        ("city_admin", "integrator", "130926000000", None),
        ("city_admin", "root", None, WIDER),  # a superuser's rights are in no grant
        ("city_admin", "auditor", None, None),  # reading all and the log: the admin holds both
        ("township_centre", "integrator", "130926100000", "账号不存在"),  # not an administrator
        ("leader", "integrator", "130926000000", "账号不存在"),
    ],
)
def test_a_token_for_another_account_needs_a_creator_covering_its_permissions(
    users, gql_as, creator, account, scope, refusal
):
    if account == "root":
        User.objects.create_superuser("root", password="Zhili-test-2026")
    data = {"name": "法院系统对接", "username": account, "scopeCode": scope}
    mutation = """mutation ($data: CreateApiTokenInput!) { createApiToken(data: $data) {
      ... on NewApiToken { token { username scopeCode } }
      ... on OperationInfo { messages { message } } } }"""
    before = ApiToken.objects.count()
    answer = gql_as(users[creator]).data(mutation, {"data": data})["createApiToken"]
    if refusal is None:
        assert answer["token"] == {"username": account, "scopeCode": scope}
        assert ApiToken.objects.count() == before + 1
    else:
        assert answer["messages"][0]["message"] == refusal
        assert ApiToken.objects.count() == before
