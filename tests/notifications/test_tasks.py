"""Notifications as jobs: JSON arguments, queued only when the transaction commits."""

from datetime import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django_tasks import TaskResultStatus

from backend.notifications.models import Notification, NotificationKind
from backend.notifications.tasks import deliver, enqueue_after_commit
from backend.worktime.deadlines import CHINA

pytestmark = pytest.mark.django_db
DUE = datetime(2026, 2, 24, 23, 59, 59, 999999, tzinfo=CHINA)


def test_a_committed_transaction_delivers(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        enqueue_after_commit(
            kind=NotificationKind.DISPATCHED,
            title="新派单",
            obj=people.water,
            unit=people.centre,
            due_at=DUE,
            dedupe_key="dispatch:1",
        )
        assert not Notification.objects.exists()  # nothing before the commit
    assert len(callbacks) == 1
    sent = Notification.objects.get()
    assert (sent.unit, sent.object_type, sent.object_id) == (
        people.centre,
        "org.unit",
        str(people.water.pk),
    )
    assert sent.due_at == DUE and sent.dedupe_key == "dispatch:1"


def test_a_rolled_back_transaction_notifies_nobody(people, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        enqueue_after_commit(kind=NotificationKind.DISPATCHED, title="新派单", user=people.bob)
        raise RuntimeError
    assert callbacks == []
    assert not Notification.objects.exists()


def test_a_bad_call_fails_in_the_caller_not_in_the_worker(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(ValidationError):
        enqueue_after_commit(kind=NotificationKind.OTHER, title="无接收方")
    assert callbacks == []


def test_the_task_takes_json_and_answers_the_id_or_none_for_a_duplicate(people):
    first = deliver.enqueue(
        kind=NotificationKind.OVERDUE,
        title="已超期",
        object_type="reports.report",
        object_id="7",
        user_id=people.bob.pk,
        due_at_iso=DUE.isoformat(),
        dedupe_key="overdue:7",
    )
    second = deliver.enqueue(
        kind=NotificationKind.OVERDUE,
        title="已超期",
        user_id=people.bob.pk,
        object_type="reports.report",
        object_id="7",
        dedupe_key="overdue:7",
    )
    assert first.status == second.status == TaskResultStatus.SUCCESSFUL
    assert first.return_value == Notification.objects.get().pk
    assert second.return_value is None
    assert Notification.objects.get().due_at == DUE
