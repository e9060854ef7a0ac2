"""Writes of creation tasks: create, edit, delete; and the steps of the declared task process
(backend/creation/workflow) — (re)assign, report progress, submit, accept, return — each one
transition fired by the workflow engine."""

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.areas.models import Area
from backend.common.assignment import assignment_refresh
from backend.common.services import create_validated, model_update
from backend.creation.models import CreationTask, Guideline, TaskProgressReport, TaskStatus
from backend.creation.workflow import CHANGEABLE, TASK
from backend.creation.workflow.review import add_co_units, check_units
from backend.org.models import Unit
from backend.workflow.engine import fire

TASK_EDITABLE = ("guideline", "dimension", "title", "target", "deadline", "weight", "area")


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
    check_units(lead_unit, co_units)
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
    add_co_units(task, co_units)
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


def task_assign(
    *,
    task: CreationTask,
    lead_unit: Unit | None,
    co_units: Iterable[Unit],
    actor: User | None = None,
) -> CreationTask:
    """Re-assign: set the lead unit and replace the co-units (kept co-units keep their date);
    units no longer responsible lose the task in the same transaction."""
    data = {"lead_unit": lead_unit, "co_units": list(co_units)}
    return fire(TASK, task, "assign", actor=actor, data=data)


def progress_report_submit(
    *,
    task: CreationTask,
    unit: Unit,
    percent: int,
    narrative: str,
    actor: User,
    files: Sequence[File] = (),
) -> TaskProgressReport:
    """Record a report of a responsible unit, with its evidence (`files`, all or none). The lead
    unit's latest report sets the task's progress (牵头单位汇总); any responsible unit's report
    moves an assigned or returned task to in progress."""
    data = {"percent": percent, "narrative": narrative}
    return fire(TASK, task, "report_progress", actor=actor, unit=unit, data=data, files=files)


def task_submit_for_review(
    *, task: CreationTask, unit: Unit, actor: User | None = None
) -> CreationTask:
    """The lead unit submits a task reported 100% done for acceptance (验收)."""
    return fire(TASK, task, "submit", actor=actor, unit=unit)


def task_accept(*, task: CreationTask, actor: User, opinion: str = "") -> CreationTask:
    """Acceptance (验收) and completion in one step; the review row records who and when."""
    return fire(TASK, task, "accept", actor=actor, data={"opinion": opinion})


def task_return(*, task: CreationTask, actor: User, reason: str) -> CreationTask:
    """退回整改 with a reason; the next progress report takes the task back in progress."""
    return fire(TASK, task, "return", actor=actor, data={"reason": reason})


def _locked(task: CreationTask, allowed: Iterable[str], message: str) -> CreationTask:
    """Re-read the task under a row lock and check that its status allows the edit."""
    locked = CreationTask.objects.select_for_update().get(pk=task.pk)
    if locked.status not in allowed:
        raise ValidationError({"status": message})
    return locked


def _check_deadline(deadline: date, created_on: date) -> None:
    if deadline <= created_on:
        raise ValidationError({"deadline": _("完成时限须晚于任务创建日期")})
