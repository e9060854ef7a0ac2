from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backend.creation.models import CreationTask, TaskStatus
from backend.creation.selectors import overdue_tasks, tasks_with_overdue, unit_completion
from backend.creation.services import task_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def tasks(task_values, units):
    """Four tasks: 司法局 leads one overdue, one completed (also past deadline), one on time;
    民政局 leads one on time."""
    made = {}
    for code, lead, progress, status in (
        ("T1", "sfj", 30, TaskStatus.IN_PROGRESS),
        ("T2", "sfj", 100, TaskStatus.COMPLETED),
        ("T3", "sfj", 50, TaskStatus.IN_PROGRESS),
        ("T4", "mzj", 0, TaskStatus.ASSIGNED),
    ):
        made[code] = task_create(
            **{**task_values, "code": code, "lead_unit": units[lead], "co_units": []}
        )
        CreationTask.objects.filter(code=code).update(progress=progress, status=status)
    past = timezone.localdate() - timedelta(days=3)
    CreationTask.objects.filter(code__in=["T1", "T2"]).update(deadline=past)
    return made


def test_overdue_is_past_deadline_and_not_completed(tasks):
    today = timezone.localdate()
    assert list(overdue_tasks(today=today).values_list("code", flat=True)) == ["T1"]
    flags = dict(tasks_with_overdue(today=today).values_list("code", "is_overdue"))
    assert flags == {"T1": True, "T2": False, "T3": False, "T4": False}


def test_overdue_respects_the_scope(tasks, suning):
    assert not overdue_tasks(today=timezone.localdate(), scope=suning).exists()


def test_unit_completion_is_one_grouped_query(tasks, units):
    with CaptureQueriesContext(connection) as queries:
        rows = list(unit_completion(today=timezone.localdate()))
    assert len(queries) == 1
    by_unit = {row["lead_unit__name"]: row for row in rows}
    sfj = by_unit["市司法局"]
    assert (sfj["tasks_led"], sfj["completed"], sfj["overdue"]) == (3, 1, 1)
    assert float(sfj["average_progress"]) == pytest.approx(60)
    assert (by_unit["市民政局"]["tasks_led"], by_unit["市民政局"]["overdue"]) == (1, 0)
    assert rows[0]["lead_unit__name"] == "市司法局"
