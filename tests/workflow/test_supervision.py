"""督办: raised by a person with a measure, or proposed by the periodic check from overdue items
and then issued or dismissed; counted per unit."""

import io
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from backend.notifications.models import Notification
from backend.reports.models import Report
from backend.reports.services import report_sign, report_supervision_raise
from backend.workflow.errors import NotPermitted
from backend.workflow.models import Supervision, SupervisionStatus
from backend.workflow.periodic import run_checks
from backend.workflow.services import supervision_decide

pytestmark = pytest.mark.django_db


def test_a_supervision_records_level_measure_person_and_unit(dispatched, clerk, water):
    report_supervision_raise(
        report=dispatched, level="yellow", reason="超期", actor=clerk, measure="05"
    )
    supervision = Supervision.objects.get()
    assert (supervision.level, supervision.measure, supervision.by) == ("yellow", "05", clerk)
    assert (supervision.unit, supervision.status) == (water, SupervisionStatus.ISSUED)
    with pytest.raises(ValidationError, match="政策种类不正确"):
        report_supervision_raise(
            report=dispatched, level="red", reason="再督", actor=clerk, measure="99"
        )


def _overdue_by(report: Report, days: float) -> None:
    Report.objects.filter(pk=report.pk).update(deadline=timezone.now() - timedelta(days=days))


def test_the_periodic_check_proposes_by_how_late_and_is_idempotent(dispatched, water):
    _overdue_by(dispatched, 4)  # past the yellow threshold (3 days), not the red one (7)
    first = run_checks(timezone.now())
    assert (first["overdue"], first["proposed_ordinary"], first["proposed_yellow"]) == (1, 1, 1)
    assert first["proposed_red"] == 0
    again = run_checks(timezone.now())
    assert again["overdue"] == 0 and again["proposed_yellow"] == 0
    proposals = Supervision.objects.filter(status=SupervisionStatus.PROPOSED)
    assert sorted(proposals.values_list("level", flat=True)) == ["ordinary", "yellow"]
    assert Notification.objects.filter(kind="overdue", unit=water).count() == 1
    assert Report.objects.get(pk=dispatched.pk).supervision_level == "none"  # a proposal only


def test_a_reminder_before_the_deadline(dispatched, water):
    Report.objects.filter(pk=dispatched.pk).update(deadline=timezone.now() + timedelta(hours=5))
    assert run_checks(timezone.now())["due_soon"] == 1
    notice = Notification.objects.get(kind="due_soon")
    assert notice.unit == water and dispatched.number in notice.title


def test_issuing_a_proposal_supervises_the_item_and_dismissing_does_not(dispatched, clerk):
    _overdue_by(dispatched, 8)
    call_command("workflow_check", stdout=io.StringIO())
    red = Supervision.objects.get(level="red", status=SupervisionStatus.PROPOSED)
    issued = supervision_decide(supervision=red, actor=clerk, issue=True, measure="04")
    assert (issued.status, issued.by, issued.measure) == (SupervisionStatus.ISSUED, clerk, "04")
    assert Report.objects.get(pk=dispatched.pk).supervision_level == "red"
    with pytest.raises(ValidationError, match="该督办建议已处理"):
        supervision_decide(supervision=red, actor=clerk, issue=False)
    yellow = Supervision.objects.get(level="yellow")
    # the item is already at red: a yellow card can no longer be issued, only dismissed
    with pytest.raises(ValidationError, match="督办级别只能提高"):
        supervision_decide(supervision=yellow, actor=clerk, issue=True)
    dismissed = supervision_decide(supervision=yellow, actor=clerk, issue=False)
    assert dismissed.status == SupervisionStatus.DISMISSED


def test_the_holder_cannot_issue_a_proposal_about_itself(dispatched, handler, water):
    report_sign(report=dispatched, unit=water, actor=handler)
    _overdue_by(dispatched, 1)
    run_checks(timezone.now())
    proposal = Supervision.objects.get(level="ordinary")
    with pytest.raises(NotPermitted):  # the unit being supervised holds no 督办 right
        supervision_decide(supervision=proposal, actor=handler, issue=True)
    assert Supervision.objects.get(pk=proposal.pk).status == SupervisionStatus.PROPOSED


def test_issued_supervisions_count_in_the_units_assessment(dispatched, clerk, water, centre):
    from backend.workflow.selectors import supervision_tally

    report_supervision_raise(report=dispatched, level="ordinary", reason="提醒", actor=clerk)
    report_supervision_raise(report=dispatched, level="red", reason="仍未办理", actor=clerk)
    _overdue_by(dispatched, 4)
    run_checks(timezone.now())  # proposals do not count until issued
    now = timezone.now()
    tally = supervision_tally(
        now - timedelta(days=1), now + timedelta(days=1), supervisions=Supervision.objects.all()
    )
    assert tally == {water.pk: {"ordinary": 1, "yellow": 0, "red": 1, "deduction": 6}}
    assert (
        supervision_tally(
            now + timedelta(days=1), now + timedelta(days=2), supervisions=Supervision.objects.all()
        )
        == {}
    )
