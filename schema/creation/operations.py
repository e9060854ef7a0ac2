"""Creation tasks: lists, detail, create / update / delete, re-assignment (workflow: workflow.py)."""

import strawberry
import strawberry_django
from django.core.exceptions import ValidationError
from strawberry.types import Info

from backend.areas.models import Area
from backend.creation.models import CreationTask, Guideline
from backend.creation.services import task_assign, task_create, task_delete, task_update
from backend.org.models import Unit
from permissions.codenames import Action
from schema.base.context import parse_id, user_of
from schema.base.inputs import IdInput, changes_of
from schema.base.kept import offset_paginated
from schema.base.loading import load, load_many, load_or_none, require
from schema.base.pages import OffsetPaginated
from schema.creation.filters import (
    CreationTaskFilter,
    CreationTaskOrder,
    GuidelineFilter,
    GuidelineOrder,
)
from schema.creation.inputs import (
    AssignCreationTaskInput,
    CreationTaskCreateInput,
    CreationTaskUpdateInput,
)
from schema.creation.types import CreationTaskType, GuidelineType
from schema.creation.workflow import TaskWorkflowMutation


@strawberry.type
class CreationQuery:
    creation_tasks: OffsetPaginated[CreationTaskType] = offset_paginated(
        filters=CreationTaskFilter,
        ordering=CreationTaskOrder,
        description="创建任务列表（仅本人权限范围内及本单位承担的任务）",
    )
    guidelines: OffsetPaginated[GuidelineType] = offset_paginated(
        filters=GuidelineFilter, ordering=GuidelineOrder, description="工作指引列表"
    )

    @strawberry_django.field(description="一项创建任务；不存在或无权查看时为 null")
    def creation_task(self, info: Info, id: strawberry.ID) -> CreationTaskType | None:
        return load_or_none(info, CreationTask, id)  # type: ignore[return-value]


@strawberry.type
class CreationMutation(TaskWorkflowMutation):
    @strawberry_django.mutation(handle_django_errors=True, description="新建创建任务并分派")
    def create_creation_task(self, info: Info, data: CreationTaskCreateInput) -> CreationTaskType:
        area = _area(data.area_code)
        require(info, Action.ADD, CreationTask(area=area))
        return task_create(  # type: ignore[return-value]
            code=data.code.strip(),
            guideline=load(info, Guideline, data.guideline_id, field="guideline_id"),
            dimension=data.dimension,
            title=data.title,
            target=data.target,
            lead_unit=load(info, Unit, data.lead_unit_id, field="lead_unit_id"),
            co_units=load_many(info, Unit, list(data.co_unit_ids), "co_unit_ids"),
            deadline=data.deadline,
            weight=data.weight,
            area=area,
        )

    @strawberry_django.mutation(handle_django_errors=True, description="修改创建任务")
    def update_creation_task(self, info: Info, data: CreationTaskUpdateInput) -> CreationTaskType:
        task = load(info, CreationTask, data.id, Action.CHANGE)
        changes = changes_of(data)
        if "guideline_id" in changes:
            changes["guideline"] = load(
                info, Guideline, changes.pop("guideline_id"), field="guideline_id"
            )
        return task_update(task=task, data=changes)  # type: ignore[return-value]

    @strawberry_django.mutation(
        handle_django_errors=True, description="删除误建的创建任务（仅限尚未报送进度的已分派任务）"
    )
    def delete_creation_task(self, info: Info, data: IdInput) -> CreationTaskType:
        task = load(info, CreationTask, data.id, Action.DELETE)
        task_delete(task=task)
        task.pk = parse_id(data.id)  # the deleted record is returned as it was
        return task  # type: ignore[return-value]

    @strawberry_django.mutation(handle_django_errors=True, description="重新分派牵头和协办单位")
    def assign_creation_task(self, info: Info, data: AssignCreationTaskInput) -> CreationTaskType:
        task = load(info, CreationTask, data.id, Action.CHANGE)
        return task_assign(  # type: ignore[return-value]
            task=task,
            lead_unit=load(info, Unit, data.lead_unit_id, field="lead_unit_id"),
            co_units=load_many(info, Unit, list(data.co_unit_ids), "co_unit_ids"),
            actor=user_of(info),
        )


def _area(code: str) -> Area:
    area = Area.objects.filter(code=parse_id(code, "area_code")).first()
    if area is None:
        raise ValidationError({"area_code": "区划代码不存在"})
    return area
