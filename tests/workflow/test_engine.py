"""The engine on the report process: checks before writes, one step record and one audit entry
per transition, nothing written on refusal."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.audit.models import AuditAction, AuditEntry
from backend.reports.models import DispatchStep, Report, ReportStatus
from backend.reports.services import report_supervision_raise, report_transfer
from backend.reports.workflow import REPORT
from backend.workflow.engine import available, fire
from backend.workflow.errors import NotPermitted
from backend.workflow.models import TransitionRecord

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, int, int]:
    return (
        TransitionRecord.objects.count(),
        DispatchStep.objects.count(),
        AuditEntry.objects.count(),
    )


def test_a_transition_writes_its_record_and_audit_entry(dispatched, water, handler):
    fire(REPORT, dispatched, "sign", actor=handler)
    record = TransitionRecord.objects.get(object_id=dispatched.pk, transition="sign")
    assert (record.from_state, record.to_state) == (ReportStatus.DISPATCHED, ReportStatus.SIGNED)
    assert (record.actor, record.unit, record.process) == (handler, water, "report")
    assert record.area_id == dispatched.area_id and record.label == "签收"
    entry = AuditEntry.objects.filter(action=AuditAction.TRANSITION, object_id=str(dispatched.pk))
    assert entry.latest("id").changes == {
        "transition": "sign",
        "from": "dispatched",
        "to": "signed",
    }
    assert entry.latest("id").unit_id == water.pk


def test_an_illegal_transition_is_refused_in_chinese_and_writes_nothing(dispatched, clerk):
    before = counts()
    with pytest.raises(ValidationError, match="事项当前状态为“已派单”，不能办结") as refused:
        fire(REPORT, dispatched, "close", actor=clerk)
    assert refused.value.code == "invalid_state"
    assert counts() == before
    assert Report.objects.get(pk=dispatched.pk).status == ReportStatus.DISPATCHED


def test_missing_required_fields_are_named_all_at_once(dispatched, handler):
    with pytest.raises(ValidationError) as refused:
        fire(REPORT, dispatched, "transfer", actor=handler, data={"reason": "  "})
    assert set(refused.value.message_dict) == {"reason", "to_unit"}


def test_an_unknown_transition_is_a_clear_error(dispatched, clerk):
    with pytest.raises(ValidationError, match="没有“fly”这一操作"):
        fire(REPORT, dispatched, "fly", actor=clerk)


def test_a_user_outside_the_item_is_not_permitted_and_nothing_is_written(dispatched, clerk):
    from backend.accounts.services import user_create

    stranger = user_create(username="stranger", password="Zl-demo-2026!")
    before = counts()
    with pytest.raises(NotPermitted):
        fire(REPORT, dispatched, "sign", actor=stranger)
    with pytest.raises(NotPermitted):  # the centre may see it, but only the holder signs
        fire(REPORT, dispatched, "sign", actor=clerk)
    assert counts() == before


def test_the_holding_unit_cannot_oversee_itself(dispatched, handler, clerk):
    fire(REPORT, dispatched, "sign", actor=handler)
    with pytest.raises(NotPermitted):  # a member unit holds no 督办 right at all
        fire(REPORT, dispatched, "supervise", actor=handler, data={"reason": "慢", "level": "red"})
    fire(REPORT, dispatched, "feedback", actor=handler, data={"content": "已疏通"})
    # the centre may 督办, but not while the report is back in its own hands
    with pytest.raises(ValidationError, match="承办单位不能督办本单位办理的事项"):
        fire(REPORT, dispatched, "supervise", actor=clerk, data={"reason": "慢", "level": "red"})


def test_available_actions_follow_state_and_role(dispatched, handler, clerk):
    assert [t.name for t in available(REPORT, dispatched, handler)] == [
        "sign",
        "return",
        "transfer",
    ]
    assert [t.name for t in available(REPORT, dispatched, clerk)] == ["supervise"]


def test_an_effect_error_rolls_back_everything(dispatched, handler, water):
    before = counts()
    with pytest.raises(ValidationError, match="请选择其他在用的承办单位"):
        fire(
            REPORT, dispatched, "transfer", actor=handler, data={"reason": "错派", "to_unit": water}
        )
    assert counts() == before
    assert Report.objects.get(pk=dispatched.pk).status == ReportStatus.DISPATCHED


def test_only_the_declared_fields_enter_the_record(dispatched, handler, police, clerk):
    report_transfer(report=dispatched, to_unit=police, actor=handler, reason="治安事项")
    transfer = TransitionRecord.objects.get(object_id=dispatched.pk, transition="transfer")
    assert (transfer.payload, transfer.reason) == ({"to_unit": police.pk}, "治安事项")
    report_supervision_raise(
        report=dispatched, level="yellow", reason="慢", actor=clerk, measure="03"
    )
    supervise = TransitionRecord.objects.get(object_id=dispatched.pk, transition="supervise")
    assert supervise.payload == {"level": "yellow", "measure": "03"}


def probes(run) -> list[str]:
    """The existence checks full_clean sends ("does the referenced row exist", "is it unique")."""
    with CaptureQueriesContext(connection) as captured:
        run()
    return [q["sql"] for q in captured.captured_queries if q["sql"].startswith("SELECT 1 AS")]


def test_a_firing_validates_what_it_changed_not_the_references_it_left(dispatched, handler, police):
    signing = probes(lambda: fire(REPORT, dispatched, "sign", actor=handler))
    left = ('"reports_report"."number"', 'FROM "reports_reportcategory"', 'FROM "areas_area"')
    assert not [sql for sql in signing if any(part in sql for part in left)], signing
    moved = Report.objects.get(pk=dispatched.pk)
    transfer = probes(
        lambda: report_transfer(report=moved, to_unit=police, actor=handler, reason="治安事项")
    )
    assert [sql for sql in transfer if 'FROM "org_unit"' in sql]  # the new holder is checked
