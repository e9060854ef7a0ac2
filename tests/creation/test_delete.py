"""Deleting a task created in error."""

import pytest
from django.core.exceptions import ValidationError

from backend.creation.models import CreationTask, CreationTaskUnitGrant, TaskCoUnit
from backend.creation.services import progress_report_submit, task_delete

pytestmark = pytest.mark.django_db


def test_an_assigned_task_is_deleted_with_its_co_units_and_grants(task):
    assert CreationTaskUnitGrant.objects.filter(content_object=task).exists()
    task_delete(task=task)
    assert not CreationTask.objects.exists()
    assert not TaskCoUnit.objects.exists()
    assert not CreationTaskUnitGrant.objects.exists()


def test_a_task_under_way_stays(task, units, handler):
    progress_report_submit(
        task=task, unit=units["sfj"], percent=10, narrative="已制定方案", actor=handler
    )
    with pytest.raises(ValidationError) as error:
        task_delete(task=task)
    assert error.value.message_dict["status"] == ["只有尚未开始推进的任务可以删除"]
    assert CreationTask.objects.filter(pk=task.pk).exists()
