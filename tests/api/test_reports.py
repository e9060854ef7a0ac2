"""Reports (事件) through POST /graphql/: scoped lists, detail, records, the dispatch workflow and
its catalogue (categories, dispatch rules)."""

from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backend.reports.models import DispatchRule, DispatchStep, Report, ReportCategory
from backend.reports.services import report_supervision_raise
from schema.reports.filters import IN_HAND
from tests.api.conftest import Gql

pytestmark = pytest.mark.django_db


@pytest.fixture
def gql_as():
    """One browser per user, so that several users can take turns in one test."""

    def as_user(user) -> Gql:
        browser = Client()
        browser.force_login(user)
        return Gql(browser)

    return as_user


SUNING_TOWN = "130926100000"

LIST = """query ($limit: Int!, $filters: ReportFilter) {
  reports(pagination: {offset: 0, limit: $limit}, filters: $filters, ordering: [{registeredAt: DESC}]) {
    totalCount
    results { id number status source reporterPhone supervisionLevel area { code name }
              category { code name parent { code } } currentUnit { name area { name } }
              steps { action actorName fromUnit { name } toUnit { name } evidence { downloadUrl } }
              evaluation { satisfaction } evidence { originalName downloadUrl } }
  }
}"""
DETAIL = "query ($id: ID!) { report(id: $id) { id number status reporterPhone } }"
FIELDS = """... on Report { id number status title deadline supervisionLevel currentUnit { name }
                            steps { action reason } evaluation { solved satisfaction } }
            ... on OperationInfo { messages { kind field message code } }"""


def run(api, name: str, input_type: str, data: dict) -> dict:
    mutation = f"mutation ($data: {input_type}!) {{ {name}(data: $data) {{ {FIELDS} }} }}"
    return api.data(mutation, {"data": data})[name]


def errors(result: dict) -> dict[str | None, str]:
    return {m["field"]: m["message"] for m in result["messages"]}


def new_report(api, world, **overrides) -> dict:
    village = world.villages_of(world.township_units[(130926100000, "governance_centre")].area)[0]
    data = {
        "source": "hotline",
        "categoryId": str(ReportCategory.objects.get(code="0302").pk),
        "areaCode": f"{village.code:012d}",
        "title": "东街下水道堵塞",
        "description": "村东头下水道堵塞，污水外溢",
        "location": "东街村3排",
        "reporterName": "张伟",
        "reporterPhone": "13812345678",
    }
    return run(api, "createReport", "ReportCreateInput", {**data, **overrides})


def test_a_county_centre_lists_only_its_county(gql_as, users):
    page = gql_as(users["county_centre"]).data(LIST, {"limit": 100})["reports"]
    expected = Report.objects.filter(area__path__startswith="130900/130926/").count()
    assert page["totalCount"] == expected == len(page["results"]) > 0
    assert all(row["area"]["code"].startswith("130926") for row in page["results"])
    assert all("*" not in row["reporterPhone"] for row in page["results"])  # may unmask


def test_a_leader_sees_the_reporter_phone_masked(gql_as, users):
    rows = gql_as(users["leader"]).data(LIST, {"limit": 20})["reports"]["results"]
    phones = [row["reporterPhone"] for row in rows if row["reporterPhone"]]
    assert phones and all("****" in phone for phone in phones)


def test_filters_narrow_the_list(gql_as, users, world):
    api = gql_as(users["city_admin"])

    def total(filters: dict) -> int:
        return api.data(LIST, {"limit": 1, "filters": filters})["reports"]["totalCount"]

    township = Report.objects.filter(area__path__contains="/130926100/")
    assert total({"area": SUNING_TOWN}) == township.count() > 0
    assert total({"status": {"exact": "closed"}}) == Report.objects.filter(status="closed").count()
    assert (
        total({"source": {"exact": "hotline"}}) == Report.objects.filter(source="hotline").count()
    )
    top = ReportCategory.objects.get(code="03")
    assert total({"category": str(top.pk)}) == Report.objects.filter(category__parent=top).count()
    centre = world.township_units[(130926100000, "governance_centre")]
    held = Report.objects.filter(current_unit=centre).count()
    assert total({"currentUnit": str(centre.pk)}) == held > 0
    report = township.first()
    assert total({"search": report.number}) == 1
    assert total({"search": report.title.split()[0], "area": SUNING_TOWN}) >= 1
    yellow = Report.objects.filter(supervision_level="yellow").count()
    open_report = Report.objects.exclude(status="closed").exclude(supervision_level="red").first()
    report_supervision_raise(report=open_report, level="yellow", reason="群众反映强烈", actor=None)
    assert total({"supervisionLevel": {"exact": "yellow"}}) == yellow + 1
    Report.objects.filter(pk=open_report.pk).update(
        status="signed", deadline=timezone.now() - timedelta(hours=1)
    )
    late = Report.objects.filter(deadline__lt=timezone.now(), status__in=IN_HAND).count()
    assert total({"overdue": True}) == late > 0
    assert total({"overdue": False}) == Report.objects.count() - late


@pytest.mark.parametrize(
    ("filters", "message", "field"),
    [
        ({"currentUnit": "abc"}, "编号格式不正确", "currentUnit"),
        ({"category": "1 OR 1=1"}, "编号格式不正确", "category"),
        ({"area": "999"}, "区划代码不存在", "area"),
    ],
)
def test_a_bad_filter_value_is_a_clear_error(gql_as, users, filters, message, field):
    body = gql_as(users["city_admin"])(LIST, {"limit": 1, "filters": filters})
    [error] = body["errors"]
    assert (error["message"], error["extensions"]["field"]) == (message, field)


def test_anonymous_callers_see_no_reports_and_no_catalogue():
    anonymous = Gql(Client())
    query = (
        "{ reports { totalCount } reportCategories { totalCount } dispatchRules { totalCount } }"
    )
    assert anonymous.data(query) == {
        "reports": {"totalCount": 0},
        "reportCategories": {"totalCount": 0},
        "dispatchRules": {"totalCount": 0},
    }


def test_the_sql_count_does_not_grow_with_the_page(gql_as, users):
    api = gql_as(users["city_admin"])
    counts = []
    for limit in (1, 50):
        with CaptureQueriesContext(connection) as queries:
            rows = api.data(LIST, {"limit": limit})["reports"]["results"]
        assert len(rows) == limit
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


@pytest.mark.parametrize(
    ("field", "selection", "limit"),
    [
        ("reportCategories", "code name parent { code name }", 50),
        (
            "dispatchRules",
            "category { name parent { name } } area { code } unit { name area { name } }",
            50,
        ),
    ],
)
def test_the_catalogue_lists_cost_the_same_for_any_page(gql_as, users, field, selection, limit):
    api = gql_as(users["city_admin"])
    query = f"query ($limit: Int!) {{ {field}(pagination: {{limit: $limit}}) {{ totalCount results {{ {selection} }} }} }}"
    counts = []
    for size in (1, limit):
        with CaptureQueriesContext(connection) as queries:
            assert len(api.data(query, {"limit": size})[field]["results"]) == size
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_a_forbidden_report_reads_like_a_missing_one(gql_as, users):
    suning = Report.objects.filter(area__path__startswith="130900/130926/").first()
    api = gql_as(users["xianxian_centre"])
    assert api.data(DETAIL, {"id": suning.pk}) == {"report": None}
    assert api.data(DETAIL, {"id": 10**12}) == {"report": None}
    assert api.data(DETAIL, {"id": "abc"}) == {"report": None}
    found = gql_as(users["county_centre"]).data(DETAIL, {"id": suning.pk})["report"]
    assert found["number"] == suning.number
    refused = run(api, "signReport", "IdInput", {"id": str(suning.pk)})
    missing = run(api, "signReport", "IdInput", {"id": str(10**12)})
    assert (
        refused
        == missing
        == {
            "messages": [
                {
                    "kind": "ERROR",
                    "field": None,
                    "message": "事件（民意诉求）不存在",
                    "code": None,
                }
            ]
        }
    )


def test_create_update_delete_round_trip(gql_as, users, world):
    api = gql_as(users["township_centre"])
    created = new_report(api, world)
    assert created["status"] == "registered"
    assert created["currentUnit"] == {"name": "肃宁镇综治中心"}  # the township's centre
    assert [step["action"] for step in created["steps"]] == ["register"]
    updated = run(
        api, "updateReport", "ReportUpdateInput", {"id": created["id"], "title": " 下水道堵了 "}
    )
    assert updated["title"] == "下水道堵了"
    refused = run(api, "deleteReport", "IdInput", {"id": created["id"]})  # no delete permission
    assert errors(refused) == {None: "事件（民意诉求）不存在"}
    deleted = run(gql_as(users["city_admin"]), "deleteReport", "IdInput", {"id": created["id"]})
    assert deleted["number"] == created["number"]
    assert not Report.objects.filter(pk=created["id"]).exists()
    assert not DispatchStep.objects.filter(report_id=created["id"]).exists()


def test_bad_input_gets_a_chinese_error_on_its_field_and_writes_nothing(gql_as, users, world):
    api = gql_as(users["township_centre"])
    before = (Report.objects.count(), DispatchStep.objects.count())
    assert errors(new_report(api, world, reporterPhone="12345")) == {
        "reporterPhone": "电话号码格式不正确（手机号 11 位，或带区号的固定电话）"
    }
    assert "title" in errors(new_report(api, world, title="  "))
    assert errors(new_report(api, world, categoryId="x1")) == {"categoryId": "编号格式不正确"}
    county = gql_as(users["county_centre"])
    assert errors(new_report(county, world, areaCode="130926000000")) == {
        "areaCode": "事项所在区划必须是乡镇（街道）或村（社区）"
    }
    assert (Report.objects.count(), DispatchStep.objects.count()) == before


def test_creating_outside_the_scope_is_refused(gql_as, users, world):
    result = new_report(gql_as(users["xianxian_centre"]), world)
    assert result["messages"][0]["kind"] == "ERROR"
    assert not Report.objects.filter(title="东街下水道堵塞").exists()


def test_a_dispatched_report_can_be_neither_edited_nor_deleted(gql_as, users, world):
    centre, admin = gql_as(users["township_centre"]), gql_as(users["city_admin"])
    created = new_report(centre, world)
    unit = world.township_units[(130926100000, "police_station")]
    run(centre, "dispatchReport", "DispatchReportInput", {"id": created["id"], "unitId": unit.pk})
    edit = run(centre, "updateReport", "ReportUpdateInput", {"id": created["id"], "title": "x"})
    assert errors(edit) == {None: "事项当前状态为“已派单”，不能修改"}
    delete = run(admin, "deleteReport", "IdInput", {"id": created["id"]})
    assert errors(delete) == {None: "事项当前状态为“已派单”，不能删除"}
    assert Report.objects.get(pk=created["id"]).title == "东街下水道堵塞"


def test_the_workflow_from_a_residents_report_to_its_evaluation(gql_as, users, world):
    resident, centre = gql_as(users["resident"]), gql_as(users["township_centre"])
    handler, county = gql_as(users["unit_handler"]), gql_as(users["county_centre"])
    report = new_report(resident, world, source="resident")
    rid = report["id"]
    category = ReportCategory.objects.get(code="0302")
    rule = """mutation ($data: DispatchRuleCreateInput!) { createDispatchRule(data: $data) {
      ... on DispatchRule { unit { name } } ... on OperationInfo { messages { message } } } }"""
    rule_input = {
        "categoryId": category.pk,
        "areaCode": SUNING_TOWN,
        "unitId": world.member_units[10].pk,
    }
    assert gql_as(users["city_admin"]).data(rule, {"data": rule_input})["createDispatchRule"] == {
        "unit": {"name": "市司法局"}
    }

    illegal = run(handler, "signReport", "IdInput", {"id": rid})  # not dispatched, not held
    assert errors(illegal) == {None: "事件（民意诉求）不存在"}
    assert run(centre, "dispatchReport", "DispatchReportInput", {"id": rid})["currentUnit"] == {
        "name": "市司法局"
    }
    assert run(handler, "signReport", "IdInput", {"id": rid})["status"] == "signed"
    again = run(handler, "signReport", "IdInput", {"id": rid})
    assert errors(again) == {None: "事项当前状态为“已签收”，不能签收"}

    extension = {"id": rid, "until": _later(rid), "reason": "需协调多个部门"}
    run(handler, "requestReportExtension", "RequestReportExtensionInput", extension)
    self_approval = run(
        handler, "approveReportExtension", "ApproveReportExtensionInput", {"id": rid}
    )
    assert errors(self_approval) == {None: "承办单位不能审批本单位办理的事项"}
    approved = run(centre, "approveReportExtension", "ApproveReportExtensionInput", {"id": rid})
    assert datetime.fromisoformat(approved["deadline"]) == datetime.fromisoformat(
        extension["until"]
    )

    feedback = {"id": rid, "content": "已疏通下水道"}
    fed_back = run(handler, "submitReportFeedback", "SubmitReportFeedbackInput", feedback)
    assert fed_back["status"] == "fed_back"
    sent_back = run(
        centre, "sendBackReport", "ReportReasonInput", {"id": rid, "reason": "仍有积水"}
    )
    assert (sent_back["status"], sent_back["currentUnit"]) == ("handling", {"name": "市司法局"})
    run(handler, "submitReportFeedback", "SubmitReportFeedbackInput", feedback)
    supervised = run(
        county,
        "superviseReport",
        "SuperviseReportInput",
        {"id": rid, "level": "yellow", "reason": "反复反映"},
    )
    assert supervised["supervisionLevel"] == "yellow"
    assert run(centre, "verifyReport", "ReportNoteInput", {"id": rid})["status"] == "verified"
    closed = run(centre, "closeReport", "ReportNoteInput", {"id": rid, "note": "群众认可"})
    assert closed["status"] == "closed"

    evaluation = {"id": rid, "solved": True, "satisfaction": "satisfied", "comment": "很及时"}
    neighbour = run(
        gql_as(users["grid_worker"]), "evaluateReport", "EvaluateReportInput", evaluation
    )
    assert errors(neighbour) == {None: "事件（民意诉求）不存在"}  # sees it, but not theirs
    evaluated = run(resident, "evaluateReport", "EvaluateReportInput", evaluation)
    assert evaluated["evaluation"] == {"solved": True, "satisfaction": "satisfied"}
    twice = run(resident, "evaluateReport", "EvaluateReportInput", evaluation)
    assert errors(twice) == {None: "该事项已评价，不能重复评价"}
    actions = list(Report.objects.get(pk=rid).steps.values_list("action", flat=True))
    assert actions == [
        "register", "dispatch", "sign", "extend", "extend_approve", "feedback", "redo",
        "feedback", "supervise", "verify", "close", "revisit",
    ]  # fmt: skip


def _later(report_id: str) -> str:
    deadline = Report.objects.get(pk=report_id).deadline + timedelta(days=3)
    return timezone.localtime(deadline).replace(microsecond=0).isoformat()


def test_the_holder_returns_or_transfers_and_others_cannot(gql_as, users, world):
    centre, handler = gql_as(users["township_centre"]), gql_as(users["unit_handler"])
    rid = new_report(centre, world)["id"]
    office = world.member_units[10]
    run(
        gql_as(users["city_admin"]),
        "dispatchReport",
        "DispatchReportInput",
        {"id": rid, "unitId": office.pk},
    )
    empty = run(handler, "returnReport", "ReportReasonInput", {"id": rid, "reason": " "})
    assert errors(empty) == {"reason": "回退必须填写理由"}
    by_centre = run(centre, "returnReport", "ReportReasonInput", {"id": rid, "reason": "派错了"})
    assert errors(by_centre) == {None: "事件（民意诉求）不存在"}  # the centre does not hold it
    returned = run(
        handler, "returnReport", "ReportReasonInput", {"id": rid, "reason": "不属本单位职责"}
    )
    assert (returned["status"], returned["currentUnit"]) == ("returned", {"name": "肃宁镇综治中心"})

    run(
        gql_as(users["city_admin"]),
        "dispatchReport",
        "DispatchReportInput",
        {"id": rid, "unitId": office.pk},
    )
    police = world.township_units[(130926100000, "police_station")]
    moved = run(
        handler,
        "transferReport",
        "TransferReportInput",
        {"id": rid, "toUnitId": police.pk, "reason": "属治安问题"},
    )
    assert (moved["status"], moved["currentUnit"]) == ("dispatched", {"name": "肃宁镇派出所"})
    assert Report.objects.get(pk=rid).unit_grants.filter(group=police.group).exists()
    assert not Report.objects.get(pk=rid).unit_grants.filter(group=office.group).exists()


def test_categories_are_created_and_changed_by_the_city_only(gql_as, users):
    create = """mutation ($data: ReportCategoryCreateInput!) { createReportCategory(data: $data) {
      ... on ReportCategory { id code timeLimitHours parent { code } }
      ... on OperationInfo { messages { field message } } } }"""
    parent = ReportCategory.objects.get(code="03")
    data = {"code": "0399", "name": "其他市政问题", "limitClass": "complex", "parentId": parent.pk}
    refused = gql_as(users["county_centre"]).data(create, {"data": data})["createReportCategory"]
    assert refused["messages"][0]["message"] == "无权在该区划新增事项类别"
    admin = gql_as(users["city_admin"])
    created = admin.data(create, {"data": data})["createReportCategory"]
    assert (created["timeLimitHours"], created["parent"]) == (360, {"code": "03"})
    duplicate = admin.data(create, {"data": data})["createReportCategory"]
    assert duplicate["messages"] == [{"field": "code", "message": "类别编码已存在"}]
    update = """mutation ($data: ReportCategoryUpdateInput!) { updateReportCategory(data: $data) {
      ... on ReportCategory { name timeLimitHours active }
      ... on OperationInfo { messages { field message } } } }"""
    changed = admin.data(
        update, {"data": {"id": created["id"], "timeLimitHours": 48, "active": False}}
    )
    assert changed["updateReportCategory"] == {
        "name": "其他市政问题",
        "timeLimitHours": 48,
        "active": False,
    }
    zero = admin.data(update, {"data": {"id": created["id"], "timeLimitHours": 0}})
    assert zero["updateReportCategory"]["messages"] == [
        {"field": "timeLimitHours", "message": "办理时限必须大于零"}
    ]
    assert ReportCategory.objects.get(pk=created["id"]).time_limit_hours == 48


def test_dispatch_rules_are_set_and_deleted_within_the_county(gql_as, users, world):
    create = """mutation ($data: DispatchRuleCreateInput!) { createDispatchRule(data: $data) {
      ... on DispatchRule { id area { code } unit { name } }
      ... on OperationInfo { messages { field message } } } }"""
    police = world.township_units[(130926100000, "police_station")]
    category = ReportCategory.objects.get(code="0302")
    data = {"categoryId": category.pk, "areaCode": SUNING_TOWN, "unitId": police.pk}
    api = gql_as(users["county_centre"])
    rule = api.data(create, {"data": data})["createDispatchRule"]
    assert rule["unit"] == {"name": "肃宁镇派出所"}
    before = DispatchRule.objects.count()
    bad_area = api.data(create, {"data": {**data, "areaCode": "130926999999"}})
    assert bad_area["createDispatchRule"]["messages"] == [
        {"field": "areaCode", "message": "区划代码不存在"}
    ]
    bad_unit = api.data(create, {"data": {**data, "unitId": "市司法局"}})
    assert bad_unit["createDispatchRule"]["messages"] == [
        {"field": "unitId", "message": "编号格式不正确"}
    ]
    assert DispatchRule.objects.count() == before
    outside = gql_as(users["xianxian_centre"]).data(create, {"data": data})["createDispatchRule"]
    assert outside["messages"][0]["message"] == "无权在该区划新增派单规则"
    delete = """mutation ($id: ID!) { deleteDispatchRule(data: {id: $id}) {
      ... on DispatchRule { id } ... on OperationInfo { messages { message } } } }"""
    foreign = gql_as(users["xianxian_centre"]).data(delete, {"id": rule["id"]})
    assert foreign["deleteDispatchRule"]["messages"] == [{"message": "派单规则不存在"}]
    assert api.data(delete, {"id": rule["id"]})["deleteDispatchRule"] == {"id": rule["id"]}
    assert not DispatchRule.objects.filter(pk=rule["id"]).exists()
