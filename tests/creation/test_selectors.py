from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backend.accounts.roles import Role
from backend.accounts.services import user_create
from backend.areas.selectors import within
from backend.creation.models import CreationTask, TaskStatus
from backend.creation.selectors import overdue_tasks, tasks_with_overdue, unit_completion
from backend.creation.services import task_create
from backend.org.services import membership_grant
from permissions.registry import policy_for

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
    overdue = overdue_tasks(tasks=CreationTask.objects.all(), today=today)
    assert list(overdue.values_list("code", flat=True)) == ["T1"]
    flags = dict(tasks_with_overdue(today=today).values_list("code", "is_overdue"))
    assert flags == {"T1": True, "T2": False, "T3": False, "T4": False}


def test_overdue_respects_the_queryset(tasks, suning):
    in_suning = CreationTask.objects.filter(within(suning))
    assert not overdue_tasks(tasks=in_suning, today=timezone.localdate()).exists()


def test_unit_completion_is_one_grouped_query(tasks, units):
    with CaptureQueriesContext(connection) as queries:
        rows = list(unit_completion(tasks=CreationTask.objects.all(), today=timezone.localdate()))
    assert len(queries) == 1
    by_unit = {row["lead_unit__name"]: row for row in rows}
    sfj = by_unit["市司法局"]
    assert (sfj["tasks_led"], sfj["completed"], sfj["overdue"]) == (3, 1, 1)
    assert float(sfj["average_progress"]) == pytest.approx(60)
    assert (by_unit["市民政局"]["tasks_led"], by_unit["市民政局"]["overdue"]) == (1, 0)
    assert rows[0]["lead_unit__name"] == "市司法局"


def test_a_restricted_queryset_restricts_the_figures(tasks, units, city):
    """A 市民政局 handler sees only the task it leads, through its unit's object grant."""
    handler = user_create(username="mzj_handler", password="Zl-demo-2026!", full_name="刘洋")
    membership_grant(user=handler, role=Role.UNIT_HANDLER, scope=city, unit=units["mzj"])
    visible = policy_for(CreationTask).visible(handler)
    today = timezone.localdate()
    with CaptureQueriesContext(connection) as queries:
        rows = list(unit_completion(tasks=visible, today=today))
    assert len(queries) == 1
    assert [(row["lead_unit__name"], row["tasks_led"]) for row in rows] == [("市民政局", 1)]
    assert not overdue_tasks(tasks=visible, today=today).exists()
