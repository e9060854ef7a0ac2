"""The dispute workflow through POST /graphql/ as the demo users: 登记 → 指派 → 调解 → 协议 →
司法确认 (法院受理、裁定) → 回访 → 办结, the failure path, illegal transitions, and refusals that
read exactly like "not found" — for a sibling county's centre and for a leader who may only look."""

import random

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backend.demo import people
from backend.disputes.models import Dispute, MediationRecord
from backend.teams.models import TeamMember
from backend.workflow.models import Supervision, TransitionRecord
from tests.api.conftest import Gql
from tests.api.test_disputes import CREATE, create_input

pytestmark = pytest.mark.django_db

NOT_FOUND = "矛盾纠纷不存在"
RESULT = """... on Dispute { id status success supervisionLevel closedOn
  records { place result mediators { name } }
  agreements { form voided confirmation { caseNumber ruling court { name } } }
  reviews { performed opinion } }
... on OperationInfo { messages { kind field message code } }"""
INPUTS = {
    "assignMediators": "AssignMediatorsInput",
    "recordMediation": "RecordMediationInput",
    "concludeAgreement": "ConcludeAgreementInput",
    "failMediation": "FailMediationInput",
    "recordFollowUp": "RecordFollowUpInput",
    "applyJudicialConfirmation": "ApplyJudicialConfirmationInput",
    "acceptJudicialConfirmation": "AcceptJudicialConfirmationInput",
    "ruleJudicialConfirmation": "RuleJudicialConfirmationInput",
    "closeDispute": "CloseDisputeInput",
    "superviseDispute": "SuperviseDisputeInput",
}


@pytest.fixture
def gql_as():
    """One browser per user, so that several users can take turns in one test."""

    def as_user(user) -> Gql:
        browser = Client()
        browser.force_login(user)
        return Gql(browser)

    return as_user


@pytest.fixture
def apis(gql_as, users) -> dict[str, Gql]:
    names = ("township_centre", "township_commissar", "mediator", "county_centre", "integrator",
             "leader", "xianxian_centre")  # fmt: skip
    return {name: gql_as(users[name]) for name in names}


def run(api: Gql, name: str, data: dict) -> dict:
    mutation = f"mutation ($data: {INPUTS[name]}!) {{ {name}(data: $data) {{ {RESULT} }} }}"
    return api.data(mutation, {"data": data})[name]


def messages(result: dict) -> dict[str | None, str]:
    return {m["field"]: m["message"] for m in result["messages"]}


def party(role: str, seed: int) -> dict:
    rng = random.Random(seed)
    return {
        "role": role,
        "name": people.person_name(rng),
        "sex": "male",
        "idNumber": people.resident_id(rng, 130926100201, sex="male"),
        "phone": people.mobile(rng),
        "address": "肃宁镇东关村3排5号",
    }


def register(apis, world) -> str:
    parties = [party("applicant", 1), party("respondent", 2)]
    created = apis["township_centre"].data(CREATE, {"data": create_input(world, parties=parties)})
    return created["createDispute"]["id"]


def mediator_of(world) -> TeamMember:
    office = world.township_units[(130926100000, "judicial_office")]
    return TeamMember.objects.filter(unit=office, is_mediator=True, active=True).first()


def step(apis, actor: str, name: str, data: dict, outsiders=("xianxian_centre", "leader")) -> dict:
    """Outsiders are refused first, as if the dispute did not exist, and change nothing; then the
    actor fires the transition. By default: a sibling county's centre, which cannot see the
    dispute, and a city leader, who sees it but may not work on it."""
    before = Dispute.objects.values("status", "updated_at").get(pk=data["id"])
    for outsider in outsiders:
        refused = run(apis[outsider], name, data)
        assert messages(refused) == {None: NOT_FOUND}, (outsider, name)
    assert Dispute.objects.values("status", "updated_at").get(pk=data["id"]) == before
    result = run(apis[actor], name, data)
    assert "messages" not in result, (name, result)
    return result


def today() -> str:
    return timezone.localdate().isoformat()


def record_input(dispute_id: str, member: TeamMember) -> dict:
    return {
        "id": dispute_id, "heldAt": timezone.now().isoformat(), "place": "东关村调解室",
        "mediatorIds": [str(member.pk)], "content": "听取双方陈述，释法说理。",
        "result": "双方同意以原界石为准",
    }  # fmt: skip


def written_agreement(dispute_id: str) -> dict:
    return {
        "id": dispute_id, "form": "written", "signedOn": today(), "effectiveOn": today(),
        "facts": "双方宅基地相邻，李某翻建院墙时越过原界石约 0.3 米。",
        "disputedPoints": "院墙是否越界。", "responsibilities": "李某负主要责任。",
        "terms": "李某于一个月内将院墙退回原界石位置。",
        "performanceManner": "李某自行拆除重建，村委会见证。", "performanceDeadline": today(),
    }  # fmt: skip


def test_the_whole_path_to_a_confirmed_agreement(apis, world):
    rid, member = register(apis, world), mediator_of(world)
    assigned = step(apis, "township_commissar", "assignMediators",
                    {"id": rid, "memberIds": [str(member.pk)]})  # fmt: skip
    assert assigned["status"] == "assigned"
    recorded = step(apis, "mediator", "recordMediation", record_input(rid, member))
    assert recorded["status"] == "mediating"
    assert recorded["records"] == [
        {
            "place": "东关村调解室",
            "result": "双方同意以原界石为准",
            "mediators": [{"name": member.name}],
        }
    ]
    # 督办 is for overseers: the county centre and city leaders, not the township centre that
    # handles the dispute (it may change the dispute, not supervise it: "not found" as well)
    yellow = {"id": rid, "level": "yellow", "reason": "久调不决", "measure": "05"}
    supervised = step(apis, "county_centre", "superviseDispute", yellow,
                      outsiders=("xianxian_centre", "township_centre"))  # fmt: skip
    assert supervised["supervisionLevel"] == "yellow"
    red = run(apis["leader"], "superviseDispute", {"id": rid, "level": "red", "reason": "仍未化解"})
    assert red["supervisionLevel"] == "red"
    handling_unit = world.township_units[(130926100000, "governance_centre")]
    issued = Supervision.objects.filter(object_id=rid, object_type="disputes.dispute")
    assert sorted(issued.values_list("level", "unit_id")) == [
        ("red", handling_unit.pk), ("yellow", handling_unit.pk)
    ]  # fmt: skip
    agreed = step(apis, "township_centre", "concludeAgreement", written_agreement(rid))
    assert (agreed["status"], agreed["success"]) == ("agreed", True)

    court = world.county_units[(130926000000, "court")]
    applied = step(apis, "township_centre", "applyJudicialConfirmation",
                   {"id": rid, "courtId": str(court.pk), "appliedOn": today()})  # fmt: skip
    assert applied["agreements"][0]["confirmation"] == {
        "caseNumber": "", "ruling": "pending", "court": {"name": "肃宁县人民法院"}
    }  # fmt: skip
    case = f"（{timezone.localdate().year}）肃民调确字第12号"
    accepted = step(apis, "integrator", "acceptJudicialConfirmation",
                    {"id": rid, "caseNumber": case, "acceptedOn": today()})  # fmt: skip
    assert accepted["agreements"][0]["confirmation"]["caseNumber"] == case
    ruled = step(apis, "integrator", "ruleJudicialConfirmation",
                 {"id": rid, "ruling": "valid", "ruledOn": today()})  # fmt: skip
    assert ruled["agreements"][0]["confirmation"]["ruling"] == "valid"
    assert ruled["status"] == "agreed"

    followed = step(apis, "mediator", "recordFollowUp",
                    {"id": rid, "performed": True, "opinion": "院墙已退回原址"})  # fmt: skip
    assert followed["status"] == "performed"
    assert followed["reviews"] == [{"performed": True, "opinion": "院墙已退回原址"}]
    closed = step(apis, "township_centre", "closeDispute", {"id": rid, "closedOn": today()})
    assert (closed["status"], closed["closedOn"], closed["success"]) == ("closed", today(), True)

    transitions = TransitionRecord.objects.filter(object_type="disputes.dispute", object_id=rid)
    assert list(transitions.values_list("transition", flat=True)) == [
        "assign", "record", "supervise", "supervise", "conclude", "apply_confirmation",
        "accept_confirmation", "rule_confirmation", "followup", "close",
    ]  # fmt: skip


def test_the_failure_path(apis, world):
    rid, member = register(apis, world), mediator_of(world)
    step(apis, "township_centre", "assignMediators", {"id": rid, "memberIds": [str(member.pk)]})
    step(apis, "mediator", "recordMediation", record_input(rid, member))
    blank = run(apis["mediator"], "failMediation", {"id": rid, "reason": "  "})
    assert messages(blank) == {"reason": "请填写调解不成的原因"}
    failed = step(apis, "mediator", "failMediation", {"id": rid, "reason": "双方分歧过大"})
    assert (failed["status"], failed["success"]) == ("failed", False)
    closed = step(apis, "township_centre", "closeDispute", {"id": rid})
    assert (closed["status"], closed["closedOn"]) == ("closed", today())
    assert Dispute.objects.get(pk=rid).outcome == "双方分歧过大"


def test_illegal_transitions_get_the_state_error_and_write_nothing(apis, world):
    centre, rid = apis["township_centre"], register(apis, world)
    before = (TransitionRecord.objects.count(), MediationRecord.objects.count())
    cases = [
        ("concludeAgreement", written_agreement(rid), "达成调解协议"),
        ("recordFollowUp", {"id": rid, "performed": True, "opinion": "已履行"}, "回访"),
        ("closeDispute", {"id": rid}, "办结"),
        ("failMediation", {"id": rid, "reason": "分歧过大"}, "终止调解"),
    ]
    for name, data, action in cases:
        result = run(centre, name, data)
        assert result["messages"] == [
            {"kind": "VALIDATION", "field": None, "code": "invalid_state",
             "message": f"纠纷当前状态为“已登记”，不能{action}"}
        ], name  # fmt: skip
    member = mediator_of(world)
    unassigned = run(apis["township_centre"], "recordMediation", record_input(rid, member))
    assert messages(unassigned) == {None: "纠纷当前状态为“已登记”，不能记录调解"}
    assert (TransitionRecord.objects.count(), MediationRecord.objects.count()) == before
    assert Dispute.objects.get(pk=rid).status == "registered"


def test_a_confirmation_step_without_an_application_is_explained(apis, world):
    rid, member = register(apis, world), mediator_of(world)
    run(apis["township_centre"], "assignMediators", {"id": rid, "memberIds": [str(member.pk)]})
    run(apis["mediator"], "recordMediation", record_input(rid, member))
    run(apis["township_centre"], "concludeAgreement", written_agreement(rid))
    premature = run(apis["integrator"], "acceptJudicialConfirmation",
                    {"id": rid, "caseNumber": "（2026）肃民调确字第1号"})  # fmt: skip
    assert messages(premature) == {None: "该纠纷的调解协议尚未申请司法确认"}
    court = world.county_units[(130926000000, "court")]
    run(apis["township_centre"], "applyJudicialConfirmation", {"id": rid, "courtId": court.pk})
    bad_number = run(apis["integrator"], "acceptJudicialConfirmation",
                     {"id": rid, "caseNumber": "第1号"})  # fmt: skip
    assert messages(bad_number) == {"caseNumber": "案号格式不正确（应如“（2026）冀0926民特123号”）"}
    unaccepted = run(apis["integrator"], "ruleJudicialConfirmation", {"id": rid, "ruling": "valid"})
    assert messages(unaccepted) == {None: "只有已受理、尚未裁定的申请可以裁定"}


def test_missing_and_malformed_ids_read_like_forbidden_ones(apis):
    missing = run(apis["county_centre"], "closeDispute", {"id": str(10**12)})
    assert messages(missing) == {None: NOT_FOUND}
    assert messages(run(apis["county_centre"], "closeDispute", {"id": "abc"})) == {
        "id": "编号格式不正确"
    }


TIMELINE = """query ($limit: Int!) { disputes(pagination: {offset: 0, limit: $limit}) {
  results { id supervisionLevel records { heldAt mediators { name unit { name } } }
            agreements { form confirmation { caseNumber court { name } } }
            reviews { visitedOn performed } } } }"""


def test_the_timeline_costs_the_same_for_any_page(gql_as, users):
    api, counts = gql_as(users["city_admin"]), []
    assert MediationRecord.objects.count() >= 5
    for limit in (1, 50):
        with CaptureQueriesContext(connection) as queries:
            rows = api.data(TIMELINE, {"limit": limit})["disputes"]["results"]
        assert len(rows) == limit
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
