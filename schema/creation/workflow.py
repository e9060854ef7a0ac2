"""The life of a creation task after assignment: progress, submission, acceptance, return."""

import strawberry
import strawberry_django
from strawberry.types import Info

from backend.creation.models import CreationTask
from backend.creation.services import (
    progress_report_submit,
    task_accept,
    task_return,
    task_submit_for_review,
)
from permissions.codenames import Action
from schema.base.context import user_of
from schema.base.inputs import IdInput
from schema.base.loading import load
from schema.creation.acting import acting_unit, require_reviewer
from schema.creation.inputs import AcceptTaskInput, ReportTaskProgressInput, ReturnTaskInput
from schema.creation.types import CreationTaskType, TaskProgressReportType


@strawberry.type
class TaskWorkflowMutation:
    @strawberry_django.mutation(
        handle_django_errors=True,
        description="报送任务进度（佐证材料另行上传到返回的进度报告）",
    )
    def report_task_progress(
        self, info: Info, data: ReportTaskProgressInput
    ) -> TaskProgressReportType:
        task = load(info, CreationTask, data.id, Action.CHANGE)
        return progress_report_submit(  # type: ignore[return-value]
            task=task,
            unit=acting_unit(info, task),
            percent=data.percent,
            narrative=data.narrative,
            actor=user_of(info),
        )

    @strawberry_django.mutation(handle_django_errors=True, description="牵头单位提交验收")
    def submit_task_for_review(self, info: Info, data: IdInput) -> CreationTaskType:
        task = load(info, CreationTask, data.id, Action.CHANGE)
        unit = acting_unit(info, task, lead_only=True)
        return task_submit_for_review(task=task, unit=unit, actor=user_of(info))  # type: ignore[return-value]

    @strawberry_django.mutation(handle_django_errors=True, description="验收通过（任务完成）")
    def accept_task(self, info: Info, data: AcceptTaskInput) -> CreationTaskType:
        task = load(info, CreationTask, data.id, Action.CHANGE)
        require_reviewer(info, task)
        return task_accept(task=task, actor=user_of(info), opinion=data.opinion)  # type: ignore[return-value]

    @strawberry_django.mutation(handle_django_errors=True, description="退回整改")
    def return_task(self, info: Info, data: ReturnTaskInput) -> CreationTaskType:
        task = load(info, CreationTask, data.id, Action.CHANGE)
        require_reviewer(info, task)
        return task_return(task=task, actor=user_of(info), reason=data.reason)  # type: ignore[return-value]
