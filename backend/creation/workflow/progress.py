"""Effects of the responsible units: 报送进度 (with evidence) and 提交验收."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from backend.common.services import create_validated
from backend.creation.models import CreationTask, TaskProgressReport
from backend.evidence.services import evidence_attach_all
from backend.workflow.declarations import Firing


def report(f: Firing) -> None:
    """Record a report; the lead unit's latest one sets the task's progress (牵头单位汇总).
    Evidence attaches to the report (all files or none)."""
    task: CreationTask = f.obj
    percent = f.data.get("percent")
    if not isinstance(percent, int) or not 0 <= percent <= 100:
        raise ValidationError({"percent": _("完成进度须在 0 到 100 之间")})
    created = create_validated(
        TaskProgressReport, task=task, unit=f.unit, percent=percent,
        narrative=f.data["narrative"], reported_by=f.actor, reported_at=f.now,
    )  # fmt: skip
    if f.files:
        evidence_attach_all(uploader=f.actor, uploads=list(f.files), parent=created)
    if f.unit.pk == task.lead_unit_id:
        task.progress = percent
    f.result = f.record_object = created


def complete(task: CreationTask) -> bool:
    return task.progress >= 100


def submit(f: Firing) -> None:
    """Only the lead unit submits, and only a task reported 100% done."""
    task: CreationTask = f.obj
    if f.unit.pk != task.lead_unit_id:
        raise ValidationError({"unit": _("只有牵头单位可以提交验收")})
    if not complete(task):
        raise ValidationError({"progress": _("任务进度须达到 100% 方可提交验收")})
    task.submitted_at = f.now
