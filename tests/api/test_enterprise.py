"""Enterprises and their problems through POST /graphql/: scoped lists, detail, enterprise create /
update / delete, and the problem's 包联 → 交办 → 办理 → 答复 → 评价 workflow with 督办."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.accounts.services import user_create
from backend.areas.models import Area
from backend.common.validators import credit_code_check_char
from backend.enterprise.models import Enterprise, EnterpriseProblem, ProblemStatus
from backend.org.services import membership_grant

pytestmark = pytest.mark.django_db
SUNING_TOWN, XIANXIAN = 130926100000, 130929000000

ENTERPRISES = """query ($limit: Int!, $filters: EnterpriseFilter) {
  enterprises(pagination: {offset: 0, limit: $limit}, filters: $filters, ordering: [{name: ASC}]) {
    totalCount
    results { id name creditCode contactPhone category { code name } area { code }
              problems { number status handlingUnits { name } } }
  }
}"""
PROBLEMS = """query ($limit: Int!, $filters: EnterpriseProblemFilter) {
  enterpriseProblems(pagination: {offset: 0, limit: $limit}, filters: $filters,
                     ordering: [{number: ASC}]) {
    totalCount
    results { id number status category enterpriseName leaderId leaderName area { code }
              enterprise { name contactPhone category { name } }
              handlingUnits { id name } assignments { unit { name } dispatchedAt answeredAt }
              evidence { originalName } }
  }
}"""


def credit_code(serial: str) -> str:
    first17 = f"91130926MA{serial}"
    return first17 + credit_code_check_char(first17)


def create_input(**overrides) -> dict:
    data = {
        "name": "肃宁县恒信皮草制品有限公司",
        "creditCode": credit_code("0C1D2E3"),
        "categoryCode": "01",
        "areaCode": "130926100000",
        "legalRepresentative": "赵国华",
        "contactName": "孙丽",
        "contactPhone": "13731700000",
        "address": "肃宁镇工业园区纬三路8号",
    }
    return {**data, **overrides}


def test_a_county_centre_lists_only_its_county(gql_as, users):
    api = gql_as(users["county_centre"])
    firms = api.data(ENTERPRISES, {"limit": 100})["enterprises"]
    expected = Enterprise.objects.filter(area__path__startswith="130900/130926/").count()
    assert firms["totalCount"] == expected == len(firms["results"]) > 0
    assert all(row["area"]["code"].startswith("130926") for row in firms["results"])
    problems = api.data(PROBLEMS, {"limit": 100})["enterpriseProblems"]
    in_county = EnterpriseProblem.objects.filter(area__path__startswith="130900/130926/").count()
    assert problems["totalCount"] == in_county > 0
    assert all(row["area"]["code"].startswith("130926") for row in problems["results"])


def test_a_handling_unit_sees_its_problems_but_not_the_enterprise_record(gql_as, users, world):
    unit = world.member_units[10]
    page = gql_as(users["unit_handler"]).data(PROBLEMS, {"limit": 100})["enterpriseProblems"]
    assert page["totalCount"] == EnterpriseProblem.objects.filter(handling_units=unit).count() > 0
    for row in page["results"]:
        assert str(unit.pk) in {handler["id"] for handler in row["handlingUnits"]}
        assert row["enterprise"] is None and row["enterpriseName"]
    detail = (
        "query ($id: ID!) { enterpriseProblem(id: $id) { enterpriseName enterprise { name } } }"
    )
    problem = EnterpriseProblem.objects.filter(handling_units=unit).first()
    seen = gql_as(users["unit_handler"]).data(detail, {"id": problem.pk})["enterpriseProblem"]
    assert seen == {"enterpriseName": problem.enterprise.name, "enterprise": None}


def test_filters_narrow_the_lists(gql_as, users, world):
    api = gql_as(users["city_admin"])

    def firms(filters: dict) -> int:
        return api.data(ENTERPRISES, {"limit": 1, "filters": filters})["enterprises"]["totalCount"]

    def problems(filters: dict) -> int:
        page = api.data(PROBLEMS, {"limit": 1, "filters": filters})
        return page["enterpriseProblems"]["totalCount"]

    assert firms({"area": "130929000000"}) == Enterprise.objects.filter(area=130929100000).count()
    assert firms({"categoryCode": "01"}) == Enterprise.objects.filter(category__code="01").count()
    firm = Enterprise.objects.order_by("name").first()
    assert firms({"search": firm.credit_code}) == 1
    assert (
        problems({"area": "130926101000"})
        == EnterpriseProblem.objects.filter(area=130926101000).count()
    )
    assert problems({"status": {"exact": "closed"}}) == EnterpriseProblem.objects.count()
    land = EnterpriseProblem.objects.filter(category="land").count()
    assert problems({"category": {"exact": "land"}}) == land
    leader = users["leader"]
    assert (
        problems({"leader": str(leader.pk)})
        == EnterpriseProblem.objects.filter(leader=leader).count()
    )
    unit = world.member_units[10]
    assert (
        problems({"handlingUnit": str(unit.pk)})
        == EnterpriseProblem.objects.filter(handling_units=unit).count()
    )
    problem = EnterpriseProblem.objects.first()
    assert problems({"search": problem.number}) == 1


@pytest.mark.parametrize(
    ("query", "name", "large"),
    [(ENTERPRISES, "enterprises", 50), (PROBLEMS, "enterpriseProblems", 12)],
)
def test_the_sql_count_does_not_grow_with_the_page(gql_as, users, query, name, large):
    api = gql_as(users["city_admin"])
    counts = []
    for limit in (1, large):
        with CaptureQueriesContext(connection) as queries:
            rows = api.data(query, {"limit": limit})[name]["results"]
        assert len(rows) == limit
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_the_contact_phone_is_masked_without_unmask(gql_as, users):
    firm = Enterprise.objects.filter(area=SUNING_TOWN).order_by("name").first()
    filters = {"filters": {"creditCode": {"exact": firm.credit_code}}, "limit": 1}
    masked = gql_as(users["leader"]).data(ENTERPRISES, filters)["enterprises"]["results"][0]
    assert masked["contactPhone"] == firm.contact_phone[:3] + "****" + firm.contact_phone[-4:]
    shown = gql_as(users["city_admin"]).data(ENTERPRISES, filters)["enterprises"]["results"][0]
    assert shown["contactPhone"] == firm.contact_phone


def test_a_forbidden_enterprise_or_problem_reads_like_a_missing_one(gql_as, users):
    firm = Enterprise.objects.filter(area=SUNING_TOWN).first()
    problem = EnterpriseProblem.objects.filter(area=SUNING_TOWN).first()
    api = gql_as(users["xianxian_centre"])
    for field, pk in (("enterprise", firm.pk), ("enterpriseProblem", problem.pk)):
        query = f"query ($id: ID!) {{ {field}(id: $id) {{ id }} }}"
        assert api.data(query, {"id": pk}) == {field: None}
        assert api.data(query, {"id": 10**12}) == {field: None}
        assert api.data(query, {"id": "abc"}) == {field: None}
    seen = gql_as(users["county_centre"]).data(
        "query ($id: ID!) { enterpriseProblem(id: $id) { number } }", {"id": problem.pk}
    )
    assert seen == {"enterpriseProblem": {"number": problem.number}}


CREATE = """mutation ($data: EnterpriseCreateInput!) { createEnterprise(data: $data) {
  ... on Enterprise { id name creditCode contactPhone category { code } area { code } }
  ... on OperationInfo { messages { kind field message code } } } }"""
UPDATE = """mutation ($data: EnterpriseUpdateInput!) { updateEnterprise(data: $data) {
  ... on Enterprise { name address category { code } }
  ... on OperationInfo { messages { kind field message } } } }"""
DELETE = """mutation ($id: ID!) { deleteEnterprise(data: {id: $id}) {
  ... on Enterprise { name } ... on OperationInfo { messages { kind field message } } } }"""


def test_create_update_delete_round_trip(gql_as, users):
    api = gql_as(users["city_admin"])
    created = api.data(CREATE, {"data": create_input()})["createEnterprise"]
    assert created["creditCode"] == create_input()["creditCode"]
    assert created["category"] == {"code": "01"} and created["area"] == {"code": "130926100000"}
    change = {"id": created["id"], "address": "肃宁镇工业园区经二路1号", "categoryCode": "02"}
    updated = api.data(UPDATE, {"data": change})["updateEnterprise"]
    assert updated == {
        "name": "肃宁县恒信皮草制品有限公司",
        "address": "肃宁镇工业园区经二路1号",
        "category": {"code": "02"},
    }
    deleted = api.data(DELETE, {"id": created["id"]})["deleteEnterprise"]
    assert deleted == {"name": "肃宁县恒信皮草制品有限公司"}
    assert not Enterprise.objects.filter(pk=created["id"]).exists()


def test_an_enterprise_with_problems_cannot_be_deleted(gql_as, users):
    firm = EnterpriseProblem.objects.first().enterprise
    result = gql_as(users["city_admin"]).data(DELETE, {"id": firm.pk})["deleteEnterprise"]
    assert result["messages"] == [
        {"kind": "VALIDATION", "field": None, "message": "已有诉求记录的企业不能删除"}
    ]
    assert Enterprise.objects.filter(pk=firm.pk).exists()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"creditCode": "91130926MA0C1D2E30"}, "creditCode", "统一社会信用代码"),
        ({"contactPhone": "12345"}, "contactPhone", "电话"),
        ({"categoryCode": "ZZ"}, "categoryCode", "企业类别代码不存在"),
        ({"areaCode": "999999999999"}, "areaCode", "区划代码不存在"),
        ({"name": ""}, "name", "不能为空"),
    ],
)
def test_bad_input_gets_a_chinese_error_on_its_field_and_writes_nothing(
    gql_as, users, change, field, message
):
    before = Enterprise.objects.count()
    result = gql_as(users["city_admin"]).data(CREATE, {"data": create_input(**change)})
    messages = result["createEnterprise"]["messages"]
    assert any(m["field"] == field and message in m["message"] for m in messages), messages
    assert Enterprise.objects.count() == before


@pytest.fixture
def xian_admin(db):
    """An administrator of 献县 only: every permission, one county."""
    user = user_create(username="xian_admin", password="Zl-demo-2026!", full_name="献县管理员")
    membership_grant(user=user, role="city_admin", scope=Area.objects.get(code=XIANXIAN))
    return user


def test_the_sibling_county_cannot_touch_an_enterprise_and_cannot_tell_it_exists(
    gql_as, xian_admin
):
    firm = Enterprise.objects.filter(area=SUNING_TOWN).first()
    api = gql_as(xian_admin)
    answers = [
        api.data(UPDATE, {"data": {"id": pk, "name": "改名"}})["updateEnterprise"]
        for pk in (firm.pk, 10**12)
    ]
    assert (
        answers[0]
        == answers[1]
        == {"messages": [{"kind": "ERROR", "field": None, "message": "企业不存在"}]}
    )
    before = Enterprise.objects.count()
    refused = api.data(CREATE, {"data": create_input()})["createEnterprise"]["messages"]
    assert refused[0]["kind"] == "ERROR"
    assert Enterprise.objects.count() == before
    assert Enterprise.objects.get(pk=firm.pk).name == firm.name
    problem = EnterpriseProblem.objects.filter(area=SUNING_TOWN).first()
    supervise = """mutation ($id: ID!) { superviseEnterpriseProblem(data: {id: $id, level: "red",
      reason: "久拖不决"}) { ... on OperationInfo { messages { message } } } }"""
    for pk in (problem.pk, 10**12):
        result = api.data(supervise, {"id": pk})["superviseEnterpriseProblem"]
        assert result == {"messages": [{"message": "企业诉求不存在"}]}


STEP_RESULT = """... on EnterpriseProblem { id number status leaderName supervisionLevel satisfaction
                           enterprise { name } enterpriseName
                           assignments { unit { name } answeredAt } }
... on OperationInfo { messages { kind field message } }"""


def problem_step(gql_as, user, name: str, input_type: str, data: dict) -> dict:
    mutation = f"mutation ($data: {input_type}!) {{ {name}(data: $data) {{ {STEP_RESULT} }} }}"
    return gql_as(user).data(mutation, {"data": data})[name]


def new_problem(gql_as, users) -> str:
    admin = users["city_admin"]
    firm = gql_as(admin).data(CREATE, {"data": create_input()})["createEnterprise"]
    submission = {
        "enterpriseId": firm["id"],
        "category": "land",
        "title": "扩建厂房用地指标不足",
        "description": "企业拟扩建二期厂房，需新增建设用地约20亩。",
    }
    submitted = problem_step(
        gql_as, admin, "submitEnterpriseProblem", "SubmitEnterpriseProblemInput", submission
    )
    assert submitted["status"] == "submitted"
    assert submitted["enterprise"] == {"name": "肃宁县恒信皮草制品有限公司"}
    return submitted["id"]


def test_a_problem_from_submission_to_closing_through_the_real_services(gql_as, users, world):
    admin, handler = users["city_admin"], users["unit_handler"]
    problem_id = new_problem(gql_as, users)
    not_a_leader = {"id": problem_id, "leaderId": str(users["resident"].pk)}
    refused = problem_step(
        gql_as, admin, "assignProblemLeader", "AssignProblemLeaderInput", not_a_leader
    )
    assert refused["messages"][0]["field"] == "leaderId"
    leader = {"id": problem_id, "leaderId": str(users["leader"].pk)}
    led = problem_step(gql_as, admin, "assignProblemLeader", "AssignProblemLeaderInput", leader)
    assert (led["status"], led["leaderName"]) == ("leader_assigned", users["leader"].full_name)
    unit = world.member_units[10]
    dispatch = {"id": problem_id, "unitIds": [str(unit.pk)]}
    dispatched = problem_step(
        gql_as, admin, "dispatchEnterpriseProblem", "DispatchEnterpriseProblemInput", dispatch
    )
    assert dispatched["status"] == "dispatched"
    assert dispatched["assignments"] == [{"unit": {"name": unit.name}, "answeredAt": None}]
    accepted = problem_step(
        gql_as, handler, "acceptEnterpriseProblem", "IdInput", {"id": problem_id}
    )
    assert accepted["status"] == "handling"
    assert accepted["enterprise"] is None and accepted["enterpriseName"]  # the unit's view
    bare = {"id": problem_id, "answer": "已协调解决用地指标", "policyBasis": " "}
    no_basis = problem_step(
        gql_as, handler, "answerEnterpriseProblem", "AnswerEnterpriseProblemInput", bare
    )
    assert no_basis["messages"] == [
        {"kind": "VALIDATION", "field": "policyBasis", "message": "政策依据不能为空"}
    ]
    answer = {**bare, "policyBasis": "《河北省建设用地审批管理办法》"}
    answered = problem_step(
        gql_as, handler, "answerEnterpriseProblem", "AnswerEnterpriseProblemInput", answer
    )
    assert answered["status"] == "answered"
    own_rating = problem_step(
        gql_as,
        handler,
        "rateEnterpriseProblem",
        "RateEnterpriseProblemInput",
        {"id": problem_id, "satisfaction": "satisfied"},
    )
    assert own_rating["messages"][0]["kind"] == "PERMISSION"
    unhappy = {"id": problem_id, "satisfaction": "dissatisfied"}
    no_comment = problem_step(
        gql_as, admin, "rateEnterpriseProblem", "RateEnterpriseProblemInput", unhappy
    )
    assert no_comment["messages"][0]["field"] == "comment"
    happy = {"id": problem_id, "satisfaction": "satisfied", "comment": "解决及时"}
    closed = problem_step(
        gql_as, admin, "rateEnterpriseProblem", "RateEnterpriseProblemInput", happy
    )
    assert (closed["status"], closed["satisfaction"]) == ("closed", "satisfied")
    assert EnterpriseProblem.objects.get(pk=problem_id).closed_at is not None


def test_supervision_only_goes_up_and_illegal_steps_are_refused(gql_as, users):
    admin, handler = users["city_admin"], users["unit_handler"]
    problem_id = new_problem(gql_as, users)
    raised = problem_step(
        gql_as,
        admin,
        "superviseEnterpriseProblem",
        "SuperviseEnterpriseProblemInput",
        {"id": problem_id, "level": "yellow", "reason": "超期未交办"},
    )
    assert raised["supervisionLevel"] == "yellow"
    lower = problem_step(
        gql_as,
        admin,
        "superviseEnterpriseProblem",
        "SuperviseEnterpriseProblemInput",
        {"id": problem_id, "level": "ordinary", "reason": "降级"},
    )
    assert lower["messages"] == [
        {"kind": "VALIDATION", "field": "level", "message": "督办级别只能提高"}
    ]
    early = problem_step(
        gql_as,
        admin,
        "rateEnterpriseProblem",
        "RateEnterpriseProblemInput",
        {"id": problem_id, "satisfaction": "satisfied"},
    )
    assert early["messages"][0]["message"] == "诉求当前状态为“已提交”，不能评价"
    not_handler = problem_step(
        gql_as, handler, "acceptEnterpriseProblem", "IdInput", {"id": problem_id}
    )
    assert not_handler["messages"][0]["message"] == "企业诉求不存在"  # not dispatched to it
    assert EnterpriseProblem.objects.get(pk=problem_id).status == ProblemStatus.SUBMITTED
