from collections import Counter

import pytest
from django.utils import timezone

from backend.creation import demo
from backend.creation.models import (
    CreationTask,
    TaskCoUnit,
    TaskProgressReport,
    TaskReview,
    TaskStatus,
)
from backend.creation.selectors import overdue_tasks
from backend.demo.reference import build_context

pytestmark = pytest.mark.django_db


@pytest.fixture
def ctx():
    return build_context("small", log=lambda message: None)


def test_seed_makes_170_tasks_led_by_all_57_units_and_is_idempotent(ctx):
    first = demo.seed(ctx)
    assert first["creation_task"] == 170
    assert first["guideline"] >= 3
    assert first["task_progress_report"] > 170
    leads = Counter(CreationTask.objects.values_list("lead_unit", flat=True))
    assert set(leads) == {unit.pk for unit in ctx.member_units}
    assert demo.seed(ctx) == dict.fromkeys(first, 0)
    assert CreationTask.objects.count() == 170


def test_seeded_tasks_have_a_realistic_mix_and_valid_rows(ctx):
    demo.seed(ctx)
    statuses = Counter(CreationTask.objects.values_list("status", flat=True))
    assert statuses[TaskStatus.COMPLETED] == 51
    assert statuses[TaskStatus.IN_PROGRESS] > 170 / 2
    overdue = overdue_tasks(tasks=CreationTask.objects.all(), today=ctx.anchor.date())
    assert 5 <= overdue.count() <= 60
    assert len(set(CreationTask.objects.values_list("dimension", flat=True))) == 5
    for model in (CreationTask, TaskCoUnit, TaskProgressReport, TaskReview):
        for row in model.objects.order_by("?")[:25]:
            row.full_clean()


def test_seeded_progress_matches_the_lead_units_latest_report(ctx):
    demo.seed(ctx)
    for task in CreationTask.objects.exclude(status=TaskStatus.ASSIGNED).order_by("code")[:60]:
        latest = task.progress_reports.order_by("-reported_at").first()
        assert latest.unit_id == task.lead_unit_id
        assert latest.percent == task.progress
        assert latest.reported_at < ctx.anchor
    assert not TaskProgressReport.objects.filter(task__status=TaskStatus.ASSIGNED).exists()
    completed = CreationTask.objects.filter(status=TaskStatus.COMPLETED)
    assert all(task.progress == 100 and task.completed_at for task in completed)
    assert timezone.is_aware(completed.first().completed_at)
