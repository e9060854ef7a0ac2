"""Subsidy cases through POST /graphql/: scoped and masked lists, detail, create / update / delete,
household members, and the review → approval → payment → re-check workflow."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backend.accounts.services import user_create
from backend.areas.models import Area
from backend.assistance.models import HouseholdMember, SubsidyCase, SubsidyStatus
from backend.assistance.selectors import cases_due_for_recheck
from backend.audit.models import AuditAction, AuditEntry
from backend.common.validators import id_card_check_digit
from backend.org.services import membership_grant

pytestmark = pytest.mark.django_db
SUNING_TOWN, XIANXIAN = 130926100000, 130929000000

LIST = """query ($limit: Int!, $filters: SubsidyCaseFilter) {
  subsidyCases(pagination: {offset: 0, limit: $limit}, filters: $filters, ordering: [{number: ASC}]) {
    totalCount
    results { id number kind status applicantName applicantIdNumber applicantPhone applicantAddress
              area { code } members { relation name idNumber }
              reviews { stage decision unit { name } reviewerName } evidence { originalName } }
  }
}"""
DETAIL = "query ($id: ID!) { subsidyCase(id: $id) { id number applicantName } }"
CREATE = """mutation ($data: SubsidyCaseCreateInput!) { createSubsidyCase(data: $data) {
  ... on SubsidyCase { id number status applicantName members { relation } }
  ... on OperationInfo { messages { kind field message code } } } }"""


def resident_id(first17: str) -> str:
    return first17 + id_card_check_digit(first17)


def village(world) -> Area:
    return world.villages_of(Area.objects.get(code=SUNING_TOWN))[0]


def create_input(world, **overrides) -> dict:
    data = {
        "kind": "dibao",
        "applicantName": "张秀英",
        "applicantIdNumber": resident_id("13092619620314151"),
        "applicantPhone": "13831712345",
        "applicantAddress": "肃宁县肃宁镇东街村12排3号",
        "householdSize": 2,
        "householdMonthlyIncome": "300.00",
        "areaCode": village(world).code12,
        "members": [
            {"name": "李国华", "relation": "spouse", "idNumber": resident_id("13092619640822152")}
        ],
    }
    return {**data, **overrides}


def test_a_county_centre_lists_only_its_county(gql_as, users):
    page = gql_as(users["county_centre"]).data(LIST, {"limit": 100})["subsidyCases"]
    expected = SubsidyCase.objects.filter(area__path__startswith="130900/130926/").count()
    assert page["totalCount"] == expected == len(page["results"]) > 0
    assert all(row["area"]["code"].startswith("130926") for row in page["results"])


def test_filters_narrow_the_list(gql_as, users):
    api = gql_as(users["city_admin"])

    def total(filters: dict) -> int:
        return api.data(LIST, {"limit": 1, "filters": filters})["subsidyCases"]["totalCount"]

    cases = SubsidyCase.objects.all()
    assert (
        total({"area": "130926100000"}) == cases.filter(area__path__contains="/130926100/").count()
    )
    assert total({"kind": {"exact": "dibao"}}) == cases.filter(kind="dibao").count()
    assert total({"status": {"exact": "paying"}}) == cases.filter(status="paying").count()
    due = cases_due_for_recheck(cases=cases, today=timezone.localdate()).count()
    assert total({"recheckDue": True}) == due
    assert total({"recheckDue": False}) == cases.count() - due
    number = cases.order_by("number").first().number
    assert total({"search": number}) == 1


def test_there_is_no_filter_by_name_or_id_number(gql_as, users):
    case = SubsidyCase.objects.first()
    api = gql_as(users["leader"])
    for field, value in (
        ("applicantIdNumber", case.applicant_id_number),
        ("applicantName", case.applicant_name),
    ):
        body = api(LIST, {"limit": 5, "filters": {field: {"exact": value}}})
        assert body.get("data") is None and body["errors"], body
    searched = api.data(LIST, {"limit": 5, "filters": {"search": case.applicant_id_number}})
    assert searched["subsidyCases"]["totalCount"] == 0


def test_the_sql_count_does_not_grow_with_the_page(gql_as, users):
    api = gql_as(users["city_admin"])
    large = min(SubsidyCase.objects.count(), 50)
    assert large >= 20
    counts = []
    for limit in (1, large):
        with CaptureQueriesContext(connection) as queries:
            rows = api.data(LIST, {"limit": limit})["subsidyCases"]["results"]
        assert len(rows) == limit
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


@pytest.mark.parametrize("role", ["leader", "auditor"])
def test_leaders_and_auditors_see_applicants_masked(gql_as, users, role):
    before = AuditEntry.objects.filter(action=AuditAction.UNMASKED_READ).count()
    rows = gql_as(users[role]).data(LIST, {"limit": 100})["subsidyCases"]["results"]
    cases = {case.number: case for case in SubsidyCase.objects.all()}
    assert len(rows) == len(cases)
    for row in rows:
        case = cases[row["number"]]
        assert row["applicantName"] == case.applicant_name[0] + "*" * (len(case.applicant_name) - 1)
        assert row["applicantIdNumber"] != case.applicant_id_number
        assert "********" in row["applicantIdNumber"]
        assert row["applicantPhone"] != case.applicant_phone
        assert all("*" in member["name"] for member in row["members"])
    assert AuditEntry.objects.filter(action=AuditAction.UNMASKED_READ).count() == before


@pytest.mark.parametrize("role", ["township_centre", "county_centre"])
def test_civil_affairs_roles_see_applicants_and_the_read_is_audited(gql_as, users, role):
    rows = gql_as(users[role]).data(LIST, {"limit": 100})["subsidyCases"]["results"]
    assert rows
    cases = {case.number: case for case in SubsidyCase.objects.all()}
    for row in rows:
        case = cases[row["number"]]
        assert row["applicantName"] == case.applicant_name
        assert row["applicantIdNumber"] == case.applicant_id_number
        members = sorted(case.members.values_list("id_number", flat=True))
        assert sorted(member["idNumber"] for member in row["members"]) == members
    entries = AuditEntry.objects.filter(
        action=AuditAction.UNMASKED_READ,
        object_type="assistance.subsidycase",
        actor=users[role],
    )
    read = {pk for entry in entries for pk in entry.changes["reads"]}
    assert read == {row["id"] for row in rows}
    assert "applicant_id_number" in entries.first().changes["reads"][rows[0]["id"]]
    assert AuditEntry.objects.filter(
        action=AuditAction.UNMASKED_READ,
        object_type="assistance.householdmember",
        actor=users[role],
    ).exists()


def test_a_forbidden_case_reads_like_a_missing_one(gql_as, users):
    suning = SubsidyCase.objects.filter(area__path__startswith="130900/130926/").first()
    api = gql_as(users["xianxian_centre"])
    assert api.data(DETAIL, {"id": suning.pk}) == {"subsidyCase": None}
    assert api.data(DETAIL, {"id": 10**12}) == {"subsidyCase": None}
    assert api.data(DETAIL, {"id": "abc"}) == {"subsidyCase": None}
    found = gql_as(users["county_centre"]).data(DETAIL, {"id": suning.pk})["subsidyCase"]
    assert found["number"] == suning.number


def test_create_update_delete_round_trip(gql_as, users, world):
    api = gql_as(users["township_centre"])
    created = api.data(CREATE, {"data": create_input(world)})["createSubsidyCase"]
    assert created["status"] == "applied" and created["members"] == [{"relation": "spouse"}]
    update = """mutation ($data: SubsidyCaseUpdateInput!) { updateSubsidyCase(data: $data) {
      ... on SubsidyCase { householdMonthlyIncome householdSize }
      ... on OperationInfo { messages { field message } } } }"""
    change = {"id": created["id"], "householdMonthlyIncome": "280.50", "householdSize": 3}
    updated = api.data(update, {"data": change})["updateSubsidyCase"]
    assert updated == {"householdMonthlyIncome": "280.50", "householdSize": 3}
    add = """mutation ($data: AddHouseholdMemberInput!) { addHouseholdMember(data: $data) {
      ... on SubsidyCase { members { id relation } } ... on OperationInfo { messages { message } } } }"""
    child = {"caseId": created["id"], "name": "李明", "relation": "child"}
    child["idNumber"] = resident_id("13092619900101151")
    members = api.data(add, {"data": child})["addHouseholdMember"]["members"]
    assert [m["relation"] for m in members] == ["spouse", "child"]
    remove = """mutation ($id: ID!) { removeHouseholdMember(data: {id: $id}) {
      ... on SubsidyCase { members { relation } } ... on OperationInfo { messages { message } } } }"""
    left = api.data(remove, {"id": members[1]["id"]})["removeHouseholdMember"]
    assert left == {"members": [{"relation": "spouse"}]}
    delete = """mutation ($id: ID!) { deleteSubsidyCase(data: {id: $id}) {
      ... on SubsidyCase { number } ... on OperationInfo { messages { kind message } } } }"""
    refused = api.data(delete, {"id": created["id"]})["deleteSubsidyCase"]  # no delete right
    assert refused["messages"][0]["message"] == "救助案件不存在"
    deleted = gql_as(users["city_admin"]).data(delete, {"id": created["id"]})["deleteSubsidyCase"]
    assert deleted == {"number": created["number"]}
    assert not SubsidyCase.objects.filter(pk=created["id"]).exists()
    assert not HouseholdMember.objects.filter(case_id=created["id"]).exists()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"applicantIdNumber": "130926196203141510"}, "applicantIdNumber", "校验位"),
        ({"kind": "student"}, "schoolName", "学生生活补助须填写就读学校和年级"),
        ({"areaCode": "130926100000"}, "area", "救助案件须登记到村（社区）"),
        ({"householdSize": 1}, "householdSize", "家庭成员人数已达到家庭人口数"),
        ({"areaCode": "13092610000x"}, "areaCode", "编号格式不正确"),
    ],
)
def test_bad_input_gets_a_chinese_error_on_its_field_and_writes_nothing(
    gql_as, users, world, change, field, message
):
    before = (SubsidyCase.objects.count(), HouseholdMember.objects.count())
    result = gql_as(users["township_centre"]).data(CREATE, {"data": create_input(world, **change)})
    messages = result["createSubsidyCase"]["messages"]
    assert any(m["field"] == field and message in m["message"] for m in messages), messages
    assert "130926196203141510" not in str(messages)
    assert (SubsidyCase.objects.count(), HouseholdMember.objects.count()) == before


@pytest.fixture
def xian_admin(db):
    """An administrator of 献县 only: every permission, one county."""
    user = user_create(username="xian_admin", password="Zl-demo-2026!", full_name="献县管理员")
    membership_grant(user=user, role="city_admin", scope=Area.objects.get(code=XIANXIAN))
    return user


REVIEW = """mutation ($data: ReviewSubsidyCaseInput!) { reviewSubsidyCase(data: $data) {
  ... on SubsidyCase { status } ... on OperationInfo { messages { kind field message } } } }"""


def test_the_sibling_county_cannot_touch_a_case_and_cannot_tell_it_exists(
    gql_as, users, world, xian_admin
):
    suning = SubsidyCase.objects.filter(
        area__path__startswith="130900/130926/", status=SubsidyStatus.TOWNSHIP_REVIEWED
    ).first()
    api = gql_as(users["xianxian_centre"])
    answers = [
        api.data(REVIEW, {"data": {"id": pk, "decision": "pass"}})["reviewSubsidyCase"]
        for pk in (suning.pk, 10**12)
    ]
    assert (
        answers[0]
        == answers[1]
        == {"messages": [{"kind": "ERROR", "field": None, "message": "救助案件不存在"}]}
    )
    before = SubsidyCase.objects.count()
    refused = gql_as(xian_admin).data(CREATE, {"data": create_input(world)})["createSubsidyCase"]
    assert refused["messages"][0]["kind"] == "ERROR"
    assert SubsidyCase.objects.count() == before
    assert SubsidyCase.objects.get(pk=suning.pk).status == SubsidyStatus.TOWNSHIP_REVIEWED


STEP_RESULT = """... on SubsidyCase { status monthlyAmount recheckOn reviews { stage decision unit { name } } }
... on OperationInfo { messages { kind field message } }"""


def step(gql_as, user, name: str, input_type: str, data: dict) -> dict:
    mutation = f"mutation ($data: {input_type}!) {{ {name}(data: $data) {{ {STEP_RESULT} }} }}"
    return gql_as(user).data(mutation, {"data": data})[name]


def test_review_approval_payment_and_recheck_through_the_real_services(gql_as, users, world):
    township, county = users["township_centre"], users["county_centre"]
    case_id = gql_as(township).data(CREATE, {"data": create_input(world)})["createSubsidyCase"][
        "id"
    ]
    next_year = str(timezone.localdate() + timedelta(days=365))
    approval = {"id": case_id, "monthlyAmount": "520.00", "recheckOn": next_year}
    too_early = step(gql_as, county, "approveSubsidyCase", "ApproveSubsidyCaseInput", approval)
    assert too_early["messages"][0]["field"] == "status"
    reviewed = step(
        gql_as,
        township,
        "reviewSubsidyCase",
        "ReviewSubsidyCaseInput",
        {"id": case_id, "decision": "pass", "opinion": "情况属实"},
    )
    assert reviewed["status"] == "township_reviewed"
    assert reviewed["reviews"][0]["unit"]["name"] == "肃宁镇综治中心"
    not_county = step(gql_as, township, "approveSubsidyCase", "ApproveSubsidyCaseInput", approval)
    assert not_county["messages"] == [
        {
            "kind": "VALIDATION",
            "field": "unit",
            "message": "您没有该村（社区）所属县（市、区）的单位，不能办理县级审批",
        }
    ]
    approved = step(gql_as, county, "approveSubsidyCase", "ApproveSubsidyCaseInput", approval)
    assert (approved["status"], approved["monthlyAmount"]) == ("approved", "520.00")
    assert approved["reviews"][1]["unit"]["name"] == "肃宁县综治中心"
    paying = step(gql_as, county, "startSubsidyPayment", "IdInput", {"id": case_id})
    assert paying["status"] == "paying"
    recheck = {
        "id": case_id,
        "outcome": "continue",
        "recheckOn": next_year,
        "monthlyAmount": "560.00",
    }
    rechecked = step(gql_as, township, "recheckSubsidyCase", "RecheckSubsidyCaseInput", recheck)
    assert (rechecked["status"], rechecked["monthlyAmount"]) == ("paying", "560.00")
    no_reason = step(
        gql_as,
        township,
        "suspendSubsidyCase",
        "SubsidyCaseReasonInput",
        {"id": case_id, "reason": ""},
    )
    assert no_reason["messages"][0]["field"] == "opinion"
    reason = {"id": case_id, "reason": "家庭收入超过低保标准"}
    suspended = step(gql_as, township, "suspendSubsidyCase", "SubsidyCaseReasonInput", reason)
    assert suspended["status"] == "suspended"
    ended = step(gql_as, county, "endSubsidyCase", "SubsidyCaseReasonInput", reason)
    assert ended["status"] == "ended"
    assert [r["stage"] for r in ended["reviews"]] == [
        "township_review",
        "county_approval",
        "recheck",
        "suspension",
        "termination",
    ]


def test_a_county_rejection_needs_a_reason_and_closes_the_case(gql_as, users):
    case = SubsidyCase.objects.filter(
        area__path__startswith="130900/130926/", status=SubsidyStatus.TOWNSHIP_REVIEWED
    ).first()
    county = users["county_centre"]
    empty = step(
        gql_as, county, "rejectSubsidyCase", "SubsidyCaseReasonInput", {"id": case.pk, "reason": ""}
    )
    assert empty["messages"][0]["field"] == "opinion"
    assert SubsidyCase.objects.get(pk=case.pk).status == SubsidyStatus.TOWNSHIP_REVIEWED
    reason = {"id": case.pk, "reason": "家庭人均收入高于当地低保标准"}
    rejected = step(gql_as, county, "rejectSubsidyCase", "SubsidyCaseReasonInput", reason)
    assert rejected["status"] == "rejected"
    assert rejected["reviews"][-1]["decision"] == "reject"
