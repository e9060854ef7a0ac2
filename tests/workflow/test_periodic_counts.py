"""The periodic check works in chunks: the statements it sends do not grow with the number of
overdue items (one overdue dispute, then twelve), and what it writes is the same as one by one."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backend.audit.models import AuditEntry
from backend.disputes.models import Dispute
from backend.disputes.services import dispute_register
from backend.notifications.models import Notification
from backend.workflow.models import Supervision
from backend.workflow.periodic import run_checks
from tests.disputes import conftest as disputes

actor, centre, dispute = disputes.actor, disputes.centre, disputes.dispute
dispute_values, village, party = disputes.dispute_values, disputes.village, disputes.party

pytestmark = pytest.mark.django_db


def overdue(count: int, values: dict, actor) -> list[int]:
    made = [
        dispute_register(**values, actor=actor, parties=[party(seed=k)]).pk for k in range(count)
    ]
    Dispute.objects.filter(pk__in=made).update(deadline=date.today() - timedelta(days=10))
    return made


def checked() -> int:
    with CaptureQueriesContext(connection) as queries:
        run_checks(timezone.now())
    return len(queries)


def test_statements_do_not_grow_with_the_overdue_items(dispute_values, actor, centre):
    first = overdue(1, dispute_values, actor)
    one = checked()
    more = overdue(12, dispute_values, actor)
    twelve = checked()
    assert one == twelve, (one, twelve)
    for pk in first + more:
        notices = Notification.objects.filter(kind="overdue", object_id=str(pk), unit=centre)
        assert notices.count() == 1
        levels = Supervision.objects.filter(object_id=pk).values_list("level", flat=True)
        assert sorted(levels) == ["ordinary", "red", "yellow"]
    assert checked() < one  # nothing new: no inserts
    notices = Notification.objects.filter(kind="overdue")
    audited = AuditEntry.objects.filter(object_type="notifications.notification", action="create")
    assert audited.count() == notices.count() == 13
