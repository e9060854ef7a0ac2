"""Writes of creation tasks: create, edit, delete, (re)assign, report progress, submit, accept, return."""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.areas.models import Area
from backend.common.assignment import assignment_refresh
from backend.common.services import create_validated, model_update
from backend.creation.models import (
    CreationTask,
    Guideline,
    ReviewDecision,
    TaskCoUnit,
    TaskProgressReport,
    TaskReview,
    TaskStatus,
)
from backend.org.models import Unit

TASK_EDITABLE = ("guideline", "dimension", "title", "target", "deadline", "weight", "area")
# Progress is reported while work goes on; a task under review or done is frozen.
REPORTABLE = (TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS, TaskStatus.RETURNED)
SUBMITTABLE = (TaskStatus.IN_PROGRESS, TaskStatus.RETURNED)
CHANGEABLE = (TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS, TaskStatus.RETURNED)


@transaction.atomic
def task_create(
    *,
    code: str,
    guideline: Guideline,
    dimension: str,
    title: str,
    target: str,
    lead_unit: Unit | None,
    deadline: date,
    weight: Decimal,
    area: Area,
    co_units: Iterable[Unit] = (),
) -> CreationTask:
    co_units = list(co_units)
    _check_units(lead_unit, co_units)
    _check_deadline(deadline, timezone.localdate())
    task = create_validated(
        CreationTask,
        code=code,
        guideline=guideline,
        dimension=dimension,
        title=title,
        target=target,
        lead_unit=lead_unit,
        deadline=deadline,
        weight=weight,
        area=area,
    )
    _add_co_units(task, co_units)
    assignment_refresh(obj=task)
    return task


@transaction.atomic
def task_update(*, task: CreationTask, data: dict[str, Any]) -> CreationTask:
    task = _locked(task, CHANGEABLE, _("任务已提交验收或已完成，不能修改"))
    if "deadline" in data:
        _check_deadline(data["deadline"], timezone.localdate(task.created_at))
    return model_update(instance=task, fields=TASK_EDITABLE, data=data)[0]


@transaction.atomic
def task_delete(*, task: CreationTask) -> None:
    """Remove a task created in error: only while assigned and before any progress report
    (its co-unit links and unit grants go with it)."""
    task = _locked(task, (TaskStatus.ASSIGNED,), _("只有尚未开始推进的任务可以删除"))
    if task.progress_reports.exists():
        raise ValidationError({"status": _("已有进度报告的任务不能删除")})
    task.delete()


@transaction.atomic
def task_assign(
    *, task: CreationTask, lead_unit: Unit | None, co_units: Iterable[Unit]
) -> CreationTask:
    """Re-assign: set the lead unit and replace the co-units (kept co-units keep their date)."""
    task = _locked(task, CHANGEABLE, _("任务已提交验收或已完成，不能重新分派"))
    co_units = list(co_units)
    _check_units(lead_unit, co_units)
    model_update(instance=task, fields=["lead_unit"], data={"lead_unit": lead_unit})
    wanted = {unit.pk for unit in co_units}
    task.co_unit_links.exclude(unit__in=wanted).delete()
    kept = set(task.co_unit_links.values_list("unit_id", flat=True))
    _add_co_units(task, [unit for unit in co_units if unit.pk not in kept])
    assignment_refresh(obj=task)  # units no longer responsible lose the task in this transaction
    return task


@transaction.atomic
def progress_report_submit(
    *, task: CreationTask, unit: Unit, percent: int, narrative: str, actor: User
) -> TaskProgressReport:
    """Record a report. The lead unit's latest report sets the task's progress (牵头单位汇总);
    any responsible unit's report moves an assigned or returned task to in progress."""
    task = _locked(task, REPORTABLE, _("任务已提交验收或已完成，不能报送进度"))
    if unit.pk != task.lead_unit_id and not task.co_unit_links.filter(unit=unit).exists():
        raise ValidationError({"unit": _("只有牵头单位或协办单位可以报送进度")})
    if not 0 <= percent <= 100:
        raise ValidationError({"percent": _("完成进度须在 0 到 100 之间")})
    if not narrative.strip():
        raise ValidationError({"narrative": _("请填写进展情况")})
    report = create_validated(
        TaskProgressReport,
        task=task,
        unit=unit,
        percent=percent,
        narrative=narrative.strip(),
        reported_by=actor,
    )
    if unit.pk == task.lead_unit_id:
        task.progress = percent
    if task.status != TaskStatus.IN_PROGRESS:
        task.status = TaskStatus.IN_PROGRESS
    task.save(update_fields=["progress", "status", "updated_at"])
    return report


@transaction.atomic
def task_submit_for_review(*, task: CreationTask, unit: Unit) -> CreationTask:
    task = _locked(task, SUBMITTABLE, _("只有推进中或已退回的任务可以提交验收"))
    if unit.pk != task.lead_unit_id:
        raise ValidationError({"unit": _("只有牵头单位可以提交验收")})
    if task.progress < 100:
        raise ValidationError({"progress": _("任务进度须达到 100% 方可提交验收")})
    return _move(task, TaskStatus.SUBMITTED, submitted_at=timezone.now())


@transaction.atomic
def task_accept(*, task: CreationTask, actor: User, opinion: str = "") -> CreationTask:
    """Acceptance (验收) and completion in one step; the review row records who and when."""
    task = _locked(task, (TaskStatus.SUBMITTED,), _("只有已提交验收的任务可以验收"))
    review = create_validated(
        TaskReview,
        task=task,
        decision=ReviewDecision.ACCEPTED,
        opinion=opinion.strip(),
        reviewer=actor,
    )
    return _move(task, TaskStatus.COMPLETED, completed_at=review.reviewed_at)


@transaction.atomic
def task_return(*, task: CreationTask, actor: User, reason: str) -> CreationTask:
    task = _locked(task, (TaskStatus.SUBMITTED,), _("只有已提交验收的任务可以退回"))
    if not reason.strip():
        raise ValidationError({"reason": _("退回整改须填写退回理由")})
    create_validated(
        TaskReview,
        task=task,
        decision=ReviewDecision.RETURNED,
        opinion=reason.strip(),
        reviewer=actor,
    )
    return _move(task, TaskStatus.RETURNED)


def _locked(task: CreationTask, allowed: Iterable[str], message: str) -> CreationTask:
    """Re-read the task under a row lock and check that its status allows the step."""
    locked = CreationTask.objects.select_for_update().get(pk=task.pk)
    if locked.status not in allowed:
        raise ValidationError({"status": message})
    return locked


def _move(task: CreationTask, status: str, **stamps: Any) -> CreationTask:
    task.status = status
    for name, value in stamps.items():
        setattr(task, name, value)
    task.save(update_fields=["status", *stamps, "updated_at"])
    return task


def _check_units(lead_unit: Unit | None, co_units: list[Unit]) -> None:
    if lead_unit is None:
        raise ValidationError({"lead_unit": _("请指定牵头单位")})
    if any(unit.pk == lead_unit.pk for unit in co_units):
        raise ValidationError({"co_units": _("协办单位不能包含牵头单位")})
    if len({unit.pk for unit in co_units}) != len(co_units):
        raise ValidationError({"co_units": _("协办单位重复")})


def _check_deadline(deadline: date, created_on: date) -> None:
    if deadline <= created_on:
        raise ValidationError({"deadline": _("完成时限须晚于任务创建日期")})


def _add_co_units(task: CreationTask, units: list[Unit]) -> None:
    now = timezone.now()
    TaskCoUnit.objects.bulk_create(
        [TaskCoUnit(task=task, unit=unit, assigned_at=now) for unit in units]
    )
