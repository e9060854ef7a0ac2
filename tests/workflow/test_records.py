"""Date deadlines in the engine: a dispute's last day of mediation is
due at 24:00 and the periodic check treats it like any other deadline."""

from datetime import date, datetime, time, timedelta

import pytest
from django.utils import timezone

from backend.disputes.models import Dispute
from backend.notifications.models import Notification
from backend.workflow.models import Supervision, SupervisionStatus, TransitionRecord
from backend.workflow.periodic import run_checks
from backend.worktime.deadlines import CHINA
from tests.disputes import conftest as disputes

actor, centre, dispute = disputes.actor, disputes.centre, disputes.dispute
dispute_values, village = disputes.dispute_values, disputes.village
mediators = disputes.mediators

pytestmark = pytest.mark.django_db


def test_a_date_deadline_is_recorded_as_the_end_of_that_day(dispute, actor, mediators):
    from backend.disputes.services import mediators_assign

    mediators_assign(dispute=dispute, members=mediators[:1], actor=actor)
    record = TransitionRecord.objects.get(object_id=dispute.pk, transition="assign")
    assert record.deadline == datetime.combine(dispute.deadline, time.max, tzinfo=CHINA)


def test_an_overdue_dispute_is_noticed_and_proposed_for_supervision(dispute, centre):
    Dispute.objects.filter(pk=dispute.pk).update(deadline=date.today() - timedelta(days=10))
    tally = run_checks(timezone.now())
    assert tally["overdue"] >= 1 and tally["proposed_red"] == 1
    assert Notification.objects.filter(
        kind="overdue", object_id=str(dispute.pk), unit=centre
    ).exists()
    proposal = Supervision.objects.get(object_id=dispute.pk, level="red")
    assert (proposal.process, proposal.status) == ("dispute", SupervisionStatus.PROPOSED)


def test_a_dispute_due_today_is_not_overdue_yet(dispute):
    today = timezone.localdate()
    Dispute.objects.filter(pk=dispute.pk).update(deadline=today)
    run_checks(timezone.now())
    assert not Notification.objects.filter(kind="overdue", object_id=str(dispute.pk)).exists()
