"""Creation tasks through POST /graphql/: scoped lists, detail, create / update / delete,
re-assignment and the progress → review → acceptance workflow."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backend.accounts.services import user_create
from backend.areas.models import Area
from backend.creation.models import CreationTask, Guideline, TaskProgressReport, TaskStatus
from backend.creation.selectors import overdue_tasks
from backend.org.services import membership_grant

pytestmark = pytest.mark.django_db
XIANXIAN = 130929000000

LIST = """query ($limit: Int!, $filters: CreationTaskFilter) {
  creationTasks(pagination: {offset: 0, limit: $limit}, filters: $filters, ordering: [{code: ASC}]) {
    totalCount
    results { id code status overdue deadline area { code } guideline { code title }
              leadUnit { id name } coUnits { id name }
              progressReports { percent unit { name } reportedByName evidence { originalName } }
              reviews { decision reviewerName } }
  }
}"""
DETAIL = "query ($id: ID!) { creationTask(id: $id) { id code status } }"
CREATE = """mutation ($data: CreationTaskCreateInput!) { createCreationTask(data: $data) {
  ... on CreationTask { id code status overdue leadUnit { name } coUnits { name } }
  ... on OperationInfo { messages { kind field message code } } } }"""
UPDATE = """mutation ($data: CreationTaskUpdateInput!) { updateCreationTask(data: $data) {
  ... on CreationTask { title deadline } ... on OperationInfo { messages { kind field message } } } }"""
DELETE = """mutation ($id: ID!) { deleteCreationTask(data: {id: $id}) {
  ... on CreationTask { code } ... on OperationInfo { messages { kind field message } } } }"""


def test_a_county_centre_lists_only_its_county(gql_as, users):
    page = gql_as(users["county_centre"]).data(LIST, {"limit": 100})["creationTasks"]
    expected = CreationTask.objects.filter(area__path__startswith="130900/130926/").count()
    assert page["totalCount"] == expected == len(page["results"]) > 0
    assert {row["area"]["code"] for row in page["results"]} == {"130926000000"}


def test_a_member_unit_lists_exactly_the_tasks_it_leads_or_helps_with(gql_as, users, world):
    unit = world.member_units[10]
    page = gql_as(users["unit_handler"]).data(LIST, {"limit": 100})["creationTasks"]
    mine = CreationTask.objects.filter(lead_unit=unit) | CreationTask.objects.filter(co_units=unit)
    assert page["totalCount"] == mine.distinct().count() > 0
    for row in page["results"]:
        units = [row["leadUnit"]["id"], *(co["id"] for co in row["coUnits"])]
        assert str(unit.pk) in units


def test_filters_narrow_the_list(gql_as, users, world):
    api = gql_as(users["city_admin"])

    def total(filters: dict) -> int:
        return api.data(LIST, {"limit": 1, "filters": filters})["creationTasks"]["totalCount"]

    unit = world.member_units[10]
    assert total({"area": "130929000000"}) == CreationTask.objects.filter(area=XIANXIAN).count()
    assert (
        total({"status": {"exact": "submitted"}})
        == CreationTask.objects.filter(status="submitted").count()
    )
    assert (
        total({"dimension": {"exact": "smart"}})
        == CreationTask.objects.filter(dimension="smart").count()
    )
    assert total({"leadUnit": str(unit.pk)}) == CreationTask.objects.filter(lead_unit=unit).count()
    responsible = CreationTask.objects.filter(lead_unit=unit) | CreationTask.objects.filter(
        co_units=unit
    )
    assert total({"unit": str(unit.pk)}) == responsible.distinct().count()
    task = CreationTask.objects.order_by("code").first()
    assert total({"search": task.code}) >= 1


def test_overdue_is_computed_by_the_database_and_filterable(gql_as, users):
    api = gql_as(users["city_admin"])
    rows = api.data(LIST, {"limit": 100, "filters": {"overdue": True}})["creationTasks"]
    late = overdue_tasks(tasks=CreationTask.objects.all(), today=timezone.localdate())
    assert rows["totalCount"] == late.count()
    assert all(row["overdue"] for row in rows["results"])
    on_time = api.data(LIST, {"limit": 100, "filters": {"overdue": False}})["creationTasks"]
    assert not any(row["overdue"] for row in on_time["results"])
    assert rows["totalCount"] + on_time["totalCount"] == CreationTask.objects.count()


def test_the_sql_count_does_not_grow_with_the_page(gql_as, users):
    api = gql_as(users["city_admin"])
    counts = []
    for limit in (1, 50):
        with CaptureQueriesContext(connection) as queries:
            rows = api.data(LIST, {"limit": limit})["creationTasks"]["results"]
        assert len(rows) == limit
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_guidelines_are_listed_for_signed_in_users(gql_as, users):
    query = "{ guidelines { totalCount results { code title level issuedOn } } }"
    page = gql_as(users["leader"]).data(query)["guidelines"]
    assert page["totalCount"] == Guideline.objects.count() > 0


def test_a_forbidden_task_reads_like_a_missing_one(gql_as, users):
    suning = CreationTask.objects.filter(area=130926000000).first()
    api = gql_as(users["xianxian_centre"])
    assert api.data(DETAIL, {"id": suning.pk}) == {"creationTask": None}
    assert api.data(DETAIL, {"id": 10**12}) == {"creationTask": None}
    assert api.data(DETAIL, {"id": "abc"}) == {"creationTask": None}
    found = gql_as(users["county_centre"]).data(DETAIL, {"id": suning.pk})["creationTask"]
    assert found["code"] == suning.code


@pytest.fixture
def xian_admin(db):
    """An administrator of 献县 only: every permission, one county."""
    user = user_create(username="xian_admin", password="Zl-demo-2026!", full_name="献县管理员")
    membership_grant(user=user, role="city_admin", scope=Area.objects.get(code=XIANXIAN))
    return user


def create_input(world, **overrides) -> dict:
    data = {
        "code": "CZ-API-001",
        "guidelineId": str(Guideline.objects.order_by("pk").first().pk),
        "dimension": "rule_of_law",
        "title": "推进矛盾纠纷多元化解",
        "target": "矛盾纠纷化解率保持在98%以上",
        "areaCode": "130900000000",
        "leadUnitId": str(world.member_units[10].pk),
        "coUnitIds": [str(world.member_units[11].pk)],
        "deadline": str(timezone.localdate() + timedelta(days=200)),
        "weight": "3.00",
    }
    return {**data, **overrides}


def test_create_update_delete_round_trip(gql_as, users, world):
    api = gql_as(users["city_admin"])
    created = api.data(CREATE, {"data": create_input(world)})["createCreationTask"]
    assert created["status"] == "assigned" and created["overdue"] is False
    assert created["leadUnit"]["name"] == world.member_units[10].name
    assert created["coUnits"] == [{"name": world.member_units[11].name}]
    deadline = str(timezone.localdate() + timedelta(days=100))
    change = {"id": created["id"], "title": "矛盾纠纷多元化解", "deadline": deadline}
    updated = api.data(UPDATE, {"data": change})["updateCreationTask"]
    assert updated == {"title": "矛盾纠纷多元化解", "deadline": deadline}
    deleted = api.data(DELETE, {"id": created["id"]})["deleteCreationTask"]
    assert deleted == {"code": "CZ-API-001"}
    assert not CreationTask.objects.filter(pk=created["id"]).exists()


def test_a_task_under_way_cannot_be_deleted(gql_as, users):
    task = CreationTask.objects.filter(status=TaskStatus.IN_PROGRESS).first()
    result = gql_as(users["city_admin"]).data(DELETE, {"id": task.pk})["deleteCreationTask"]
    assert result["messages"] == [
        {"kind": "VALIDATION", "field": "status", "message": "只有尚未开始推进的任务可以删除"}
    ]
    assert CreationTask.objects.filter(pk=task.pk).exists()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"deadline": "2020-01-01"}, "deadline", "完成时限须晚于任务创建日期"),
        ({"leadUnitId": "abc"}, "leadUnitId", "编号格式不正确"),
        ({"areaCode": "130926100000"}, "area", "任务所属区划须为市级或县级"),
        ({"dimension": "feudal"}, "dimension", "feudal"),
    ],
)
def test_bad_input_gets_a_chinese_error_on_its_field_and_writes_nothing(
    gql_as, users, world, change, field, message
):
    before = CreationTask.objects.count()
    result = gql_as(users["city_admin"]).data(CREATE, {"data": create_input(world, **change)})
    messages = result["createCreationTask"]["messages"]
    assert any(m["field"] == field and message in m["message"] for m in messages), messages
    assert CreationTask.objects.count() == before


def test_the_sibling_county_cannot_touch_a_task_and_cannot_tell_it_exists(
    gql_as, users, xian_admin, world
):
    api = gql_as(xian_admin)
    suning = CreationTask.objects.filter(area=130926000000).first()
    answers = [
        api.data(UPDATE, {"data": {"id": pk, "title": "改"}})["updateCreationTask"]
        for pk in (suning.pk, 10**12)
    ]
    assert (
        answers[0]
        == answers[1]
        == {"messages": [{"kind": "ERROR", "field": None, "message": "创建任务不存在"}]}
    )
    refused = api.data(CREATE, {"data": create_input(world, areaCode="130926000000")})
    assert refused["createCreationTask"]["messages"][0]["kind"] == "ERROR"
    own = CreationTask.objects.filter(area=XIANXIAN).first()
    assert api.data(DETAIL, {"id": own.pk})["creationTask"]["code"] == own.code
    assert CreationTask.objects.get(pk=suning.pk).title == suning.title


REPORT = """mutation ($data: ReportTaskProgressInput!) { reportTaskProgress(data: $data) {
  ... on TaskProgressReport { id percent unit { name } }
  ... on OperationInfo { messages { kind field message } } } }"""
STEP = """mutation ($id: ID!) { %s(data: {id: $id}) {
  ... on CreationTask { status } ... on OperationInfo { messages { kind field message } } } }"""
ACCEPT = """mutation ($id: ID!) { acceptTask(data: {id: $id, opinion: "符合要求"}) {
  ... on CreationTask { status completedAt reviews { decision reviewerName } }
  ... on OperationInfo { messages { kind field message } } } }"""
RETURN = """mutation ($id: ID!, $reason: String!) { returnTask(data: {id: $id, reason: $reason}) {
  ... on CreationTask { status } ... on OperationInfo { messages { kind field message } } } }"""


def test_progress_review_and_acceptance_through_the_real_services(gql_as, users, world):
    def admin():  # one browser client: each call signs in the user it acts as
        return gql_as(users["city_admin"])

    def handler():  # 市司法局, the lead unit
        return gql_as(users["unit_handler"])

    task_id = admin().data(CREATE, {"data": create_input(world)})["createCreationTask"]["id"]
    report = {"id": task_id, "percent": 100, "narrative": "已建成矛盾纠纷多元化解中心"}
    reported = handler().data(REPORT, {"data": report})["reportTaskProgress"]
    assert reported["percent"] == 100 and reported["unit"]["name"] == world.member_units[10].name
    assert TaskProgressReport.objects.get(pk=reported["id"]).task_id == int(task_id)
    submitted = handler().data(STEP % "submitTaskForReview", {"id": task_id})
    assert submitted["submitTaskForReview"] == {"status": "submitted"}
    own_review = handler().data(ACCEPT, {"id": task_id})["acceptTask"]["messages"][0]
    assert own_review["kind"] == "PERMISSION"
    no_reason = admin().data(RETURN, {"id": task_id, "reason": " "})["returnTask"]["messages"]
    assert no_reason == [
        {"kind": "VALIDATION", "field": "reason", "message": "退回整改须填写退回理由"}
    ]
    accepted = admin().data(ACCEPT, {"id": task_id})["acceptTask"]
    assert accepted["status"] == "completed" and accepted["completedAt"]
    assert accepted["reviews"][0]["decision"] == "accepted"


def test_an_illegal_transition_is_refused(gql_as, users, world):
    admin = gql_as(users["city_admin"])
    task_id = admin.data(CREATE, {"data": create_input(world)})["createCreationTask"]["id"]
    refused = admin.data(ACCEPT, {"id": task_id})["acceptTask"]["messages"]
    assert refused == [
        {"kind": "VALIDATION", "field": "status", "message": "只有已提交验收的任务可以验收"}
    ]
    early = gql_as(users["unit_handler"]).data(STEP % "submitTaskForReview", {"id": task_id})
    assert early["submitTaskForReview"]["messages"][0]["field"] == "status"
    assert CreationTask.objects.get(pk=task_id).status == TaskStatus.ASSIGNED


def test_a_unit_outside_the_task_cannot_report(gql_as, users, world):
    task = CreationTask.objects.filter(status=TaskStatus.IN_PROGRESS).first()
    before = TaskProgressReport.objects.count()
    report = {"id": task.pk, "percent": 50, "narrative": "进展"}
    refused = gql_as(users["city_admin"]).data(REPORT, {"data": report})["reportTaskProgress"]
    assert refused["messages"] == [
        {"kind": "VALIDATION", "field": "unit", "message": "您所在单位不是该任务的牵头或协办单位"}
    ]
    assert TaskProgressReport.objects.count() == before


def test_reassignment_takes_the_task_away_from_the_old_lead_unit(gql_as, users, world):
    task_id = gql_as(users["city_admin"]).data(CREATE, {"data": create_input(world)})[
        "createCreationTask"
    ]["id"]
    assert (
        gql_as(users["unit_handler"]).data(DETAIL, {"id": task_id})["creationTask"]["id"] == task_id
    )
    assign = """mutation ($data: AssignCreationTaskInput!) { assignCreationTask(data: $data) {
      ... on CreationTask { leadUnit { name } coUnits { name } }
      ... on OperationInfo { messages { field message } } } }"""
    new_lead, co = world.member_units[12], world.member_units[11]
    data = {"id": task_id, "leadUnitId": str(new_lead.pk), "coUnitIds": [str(co.pk)]}
    admin = gql_as(users["city_admin"])
    result = admin.data(assign, {"data": data})["assignCreationTask"]
    assert result == {"leadUnit": {"name": new_lead.name}, "coUnits": [{"name": co.name}]}
    same = {"id": task_id, "leadUnitId": str(co.pk), "coUnitIds": [str(co.pk)]}
    clash = admin.data(assign, {"data": same})["assignCreationTask"]["messages"]
    assert clash == [{"field": "coUnits", "message": "协办单位不能包含牵头单位"}]
    assert gql_as(users["unit_handler"]).data(DETAIL, {"id": task_id}) == {"creationTask": None}
