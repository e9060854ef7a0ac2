import pytest
from django.core.exceptions import ValidationError

from backend.creation.models import (
    CreationTask,
    ReviewDecision,
    TaskProgressReport,
    TaskReview,
    TaskStatus,
)
from backend.creation.services import (
    progress_report_submit,
    task_accept,
    task_return,
    task_submit_for_review,
)

pytestmark = pytest.mark.django_db


def report(task, unit, actor, percent=40, narrative="已制定工作方案，明确责任分工"):
    return progress_report_submit(
        task=task, unit=unit, percent=percent, narrative=narrative, actor=actor
    )


def finished(task, units, handler):
    report(task, units["sfj"], handler, percent=100)
    return task_submit_for_review(task=task, unit=units["sfj"])


def test_lead_report_sets_progress_and_starts_the_task(task, units, handler):
    created = report(task, units["sfj"], handler, percent=40)
    task.refresh_from_db()
    assert (task.status, task.progress) == (TaskStatus.IN_PROGRESS, 40)
    assert created.reported_by == handler


def test_co_unit_report_starts_the_task_but_the_lead_sets_progress(
    task, units, handler, co_handler
):
    report(task, units["sfj"], handler, percent=60)
    report(task, units["gaj"], co_handler, percent=20)
    task.refresh_from_db()
    assert (task.status, task.progress) == (TaskStatus.IN_PROGRESS, 60)
    assert TaskProgressReport.objects.count() == 2


def test_unit_outside_the_task_cannot_report(task, units, handler):
    with pytest.raises(ValidationError) as error:
        report(task, units["xfj"], handler)
    assert error.value.message_dict["unit"] == ["只有牵头单位或协办单位可以报送进度"]
    assert not TaskProgressReport.objects.exists()
    assert CreationTask.objects.get().status == TaskStatus.ASSIGNED


@pytest.mark.parametrize(
    ("percent", "narrative", "field", "message"),
    [
        (101, "进展顺利", "percent", "完成进度须在 0 到 100 之间"),
        (-1, "进展顺利", "percent", "完成进度须在 0 到 100 之间"),
        (50, "   ", "narrative", "请填写进展情况"),
    ],
)
def test_bad_report_writes_nothing(task, units, handler, percent, narrative, field, message):
    with pytest.raises(ValidationError) as error:
        report(task, units["sfj"], handler, percent=percent, narrative=narrative)
    assert error.value.message_dict[field] == [message]
    assert not TaskProgressReport.objects.exists()
    assert CreationTask.objects.get().progress == 0


def test_submit_for_review_needs_the_lead_and_full_progress(task, units, handler):
    report(task, units["sfj"], handler, percent=90)
    with pytest.raises(ValidationError, match="任务进度须达到 100% 方可提交验收"):
        task_submit_for_review(task=task, unit=units["sfj"])
    report(task, units["sfj"], handler, percent=100)
    with pytest.raises(ValidationError, match="只有牵头单位可以提交验收"):
        task_submit_for_review(task=task, unit=units["mzj"])
    assert CreationTask.objects.get().status == TaskStatus.IN_PROGRESS
    submitted = task_submit_for_review(task=task, unit=units["sfj"])
    assert submitted.status == TaskStatus.SUBMITTED
    assert submitted.submitted_at is not None


def test_an_assigned_task_cannot_be_submitted(task, units):
    with pytest.raises(ValidationError, match="只有推进中或已退回的任务可以提交验收"):
        task_submit_for_review(task=task, unit=units["sfj"])


def test_no_reports_while_under_review(task, units, handler):
    finished(task, units, handler)
    with pytest.raises(ValidationError, match="不能报送进度"):
        report(task, units["sfj"], handler, percent=80)
    assert TaskProgressReport.objects.count() == 1


def test_accept_completes_the_task_and_records_the_reviewer(task, units, handler, reviewer):
    finished(task, units, handler)
    done = task_accept(task=task, actor=reviewer, opinion="材料齐全，同意销号")
    assert done.status == TaskStatus.COMPLETED
    review = TaskReview.objects.get()
    assert (review.decision, review.reviewer) == (ReviewDecision.ACCEPTED, reviewer)
    assert done.completed_at == review.reviewed_at
    with pytest.raises(ValidationError, match="不能报送进度"):
        report(task, units["sfj"], handler, percent=100)


def test_only_submitted_tasks_can_be_accepted_or_returned(task, units, handler, reviewer):
    report(task, units["sfj"], handler, percent=100)
    with pytest.raises(ValidationError, match="只有已提交验收的任务可以验收"):
        task_accept(task=task, actor=reviewer)
    with pytest.raises(ValidationError, match="只有已提交验收的任务可以退回"):
        task_return(task=task, actor=reviewer, reason="材料不全")
    assert not TaskReview.objects.exists()


def test_return_needs_a_reason_and_sends_the_task_back(task, units, handler, reviewer):
    finished(task, units, handler)
    with pytest.raises(ValidationError) as error:
        task_return(task=task, actor=reviewer, reason=" ")
    assert error.value.message_dict["reason"] == ["退回整改须填写退回理由"]
    assert not TaskReview.objects.exists()
    assert CreationTask.objects.get().status == TaskStatus.SUBMITTED
    returned = task_return(task=task, actor=reviewer, reason="佐证材料不完整")
    assert returned.status == TaskStatus.RETURNED
    assert TaskReview.objects.get().opinion == "佐证材料不完整"


def test_returned_task_goes_back_in_progress_on_the_next_report(task, units, handler, reviewer):
    finished(task, units, handler)
    task_return(task=task, actor=reviewer, reason="佐证材料不完整")
    report(task, units["sfj"], handler, percent=100, narrative="已补充佐证材料")
    assert CreationTask.objects.get().status == TaskStatus.IN_PROGRESS
    assert task_submit_for_review(task=task, unit=units["sfj"]).status == TaskStatus.SUBMITTED
