"""提醒与督办规则 are data the city's administrators edit through the API (and so in the portal):
one row per process exists from the start, everyone signed in reads them, only the city's
administrators change them, and the periodic check applies what was saved."""

import pytest
from django.db import connection
from django.db.models import Max
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backend.common.models import SupervisionLevel
from backend.disputes.models import Dispute
from backend.workflow.models import EscalationRule, Supervision
from backend.workflow.periodic import run_checks
from backend.workflow.registry import processes

pytestmark = pytest.mark.django_db

RESULT = "... on OperationInfo { messages { field message } }"
FIELDS = "id process processLabel remindBeforeHours ordinaryAfterHours yellowAfterDays redAfterDays"
RULES = f"""query ($limit: Int!) {{ escalationRules(pagination: {{limit: $limit}},
  ordering: {{process: ASC}}) {{ totalCount results {{ {FIELDS} }} }} }}"""
CREATE = (
    "mutation ($data: EscalationRuleCreateInput!) { createEscalationRule(data: $data) {"
    f" ... on EscalationRule {{ {FIELDS} }} {RESULT} }} }}"
)
UPDATE = (
    "mutation ($data: EscalationRuleUpdateInput!) { updateEscalationRule(data: $data) {"
    f" ... on EscalationRule {{ {FIELDS} }} {RESULT} }} }}"
)
DELETE = (
    "mutation ($id: ID!) { deleteEscalationRule(data: {id: $id}) {"
    f" ... on EscalationRule {{ id process }} {RESULT} }} }}"
)


def rule(process: str) -> EscalationRule:
    return EscalationRule.objects.get(process=process)


def test_every_process_has_a_rule_with_its_chinese_name(gql_as, users):
    page = gql_as(users["leader"]).data(RULES, {"limit": 20})["escalationRules"]
    labels = {row["process"]: row["processLabel"] for row in page["results"]}
    assert labels == {name: str(p.label) for name, p in processes().items()}
    assert page["results"][0]["redAfterDays"] == 7


def test_the_city_administrator_changes_deletes_and_recreates_a_rule(gql_as, users):
    api, dispute = gql_as(users["city_admin"]), rule("dispute")
    changed = api.data(
        UPDATE, {"data": {"id": dispute.pk, "yellowAfterDays": 2, "redAfterDays": 5}}
    )
    assert changed["updateEscalationRule"]["yellowAfterDays"] == 2
    assert (rule("dispute").yellow_after_days, rule("dispute").red_after_days) == (2, 5)
    gone = api.data(DELETE, {"id": dispute.pk})["deleteEscalationRule"]
    assert gone == {"id": str(dispute.pk), "process": "dispute"}
    assert not EscalationRule.objects.filter(process="dispute").exists()
    made = api.data(CREATE, {"data": {"process": "dispute", "redAfterDays": 10}})
    assert made["createEscalationRule"]["processLabel"] == "矛盾纠纷调解"
    assert rule("dispute").red_after_days == 10


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"process": "nonsense"}, "process"),
        ({"process": "report"}, "process"),  # the report process has its rule already
        ({"process": "dispute", "yellowAfterDays": 9, "redAfterDays": 3}, "redAfterDays"),
        ({"process": "dispute", "ordinaryAfterHours": 100, "yellowAfterDays": 1}, None),
    ],
)
def test_bad_rules_are_refused_in_chinese_and_nothing_is_written(gql_as, users, data, field):
    EscalationRule.objects.filter(process="dispute").delete()
    before = list(EscalationRule.objects.values())
    answer = gql_as(users["city_admin"]).data(CREATE, {"data": data})["createEscalationRule"]
    messages = answer["messages"]
    assert messages and all(any("\u4e00" <= c <= "\u9fff" for c in m["message"]) for m in messages)
    if field:
        assert field in {m["field"] for m in messages}
    assert list(EscalationRule.objects.values()) == before


@pytest.mark.parametrize("name", ["county_centre", "township_centre", "leader", "unit_handler"])
def test_others_read_but_changing_looks_like_not_found(gql_as, users, name):
    api, report = gql_as(users[name]), rule("report")
    assert api.data(RULES, {"limit": 1})["escalationRules"]["totalCount"] == 5
    for query, variables, key in (
        (UPDATE, {"data": {"id": report.pk, "redAfterDays": 99}}, "updateEscalationRule"),
        (DELETE, {"id": report.pk}, "deleteEscalationRule"),
    ):
        refused = api.data(query, variables)[key]["messages"][0]["message"]
        assert refused == "提醒与督办规则不存在"
    created = api.data(CREATE, {"data": {"process": "report"}})["createEscalationRule"]
    assert "无权" in created["messages"][0]["message"]
    assert rule("report").red_after_days == 7


def test_the_periodic_check_applies_the_saved_thresholds(gql_as, users):
    api, dispute, now = gql_as(users["city_admin"]), rule("dispute"), timezone.now()
    never = {
        "id": dispute.pk,
        "ordinaryAfterHours": 0,
        "yellowAfterDays": 9000,
        "redAfterDays": 9000,
    }
    api.data(UPDATE, {"data": never})
    first = Supervision.objects.aggregate(m=Max("pk"))["m"] or 0
    run_checks(now)
    proposed = Supervision.objects.filter(pk__gt=first, process="dispute")
    assert not proposed.exclude(level=SupervisionLevel.ORDINARY).exists()
    late = Dispute.objects.exclude(status__in=processes()["dispute"].closed_states)
    late = late.filter(deadline__lt=now.date(), supervision_level__in=["none", "ordinary"])
    asked = Supervision.objects.filter(object_type="disputes.dispute", level="yellow")
    expected = set(late.exclude(pk__in=asked.values("object_id")).values_list("pk", flat=True))
    assert expected, "the world needs overdue disputes not yet supervised at yellow"
    api.data(UPDATE, {"data": {"id": dispute.pk, "yellowAfterDays": 0, "redAfterDays": 9000}})
    run_checks(now)
    yellow = Supervision.objects.filter(pk__gt=first, process="dispute", level="yellow")
    assert set(yellow.values_list("object_id", flat=True)) == expected


def test_the_list_costs_the_same_for_any_page(gql_as, users):
    api, counts = gql_as(users["leader"]), []
    for limit in (1, 5):
        with CaptureQueriesContext(connection) as queries:
            api.data(RULES, {"limit": limit})
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
