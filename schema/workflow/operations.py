"""Workflow queries: the declarations, the actions a user may take on an item now, its history;
supervision lists and decisions on the periodic check's proposals."""

import strawberry
import strawberry_django
from django.core.exceptions import ValidationError
from django.db import models
from strawberry.types import Info

from backend.workflow.engine import available
from backend.workflow.models import Supervision, TransitionRecord
from backend.workflow.registry import process_for, processes
from backend.workflow.services import supervision_decide
from permissions.codenames import Action
from permissions.policy import NotFound
from schema.base.context import user_of
from schema.base.kept import offset_paginated
from schema.base.loading import load
from schema.base.pages import OffsetPaginated
from schema.workflow.filters import SupervisionFilter, SupervisionOrder
from schema.workflow.types import (
    SupervisionType,
    TransitionRecordType,
    WorkflowProcessType,
    WorkflowTransitionType,
)


@strawberry.input(description="处理系统督办建议")
class DecideSupervisionInput:
    id: strawberry.ID
    issue: bool = strawberry.field(description="true 下达督办；false 不予督办")
    measure: str = strawberry.field(default="", description="政策种类代码（01–07），可空")
    reason: str = strawberry.field(default="", description="督办理由，空则沿用建议理由")


def _item(info: Info, object_type: str, value: strawberry.ID) -> models.Model | None:
    process = process_for(object_type)
    if process is None:
        raise ValidationError({"object_type": "没有该类对象的流程"})
    try:
        return load(info, process.model_class(), value)
    except NotFound:
        return None


@strawberry.type
class WorkflowQuery:
    @strawberry.field(description="全部流程声明（状态、操作、必填项）")
    def workflow_processes(self, info: Info) -> list[WorkflowProcessType]:
        user_of(info)
        return [WorkflowProcessType.of(process) for process in processes().values()]

    @strawberry.field(description="当前用户现在可对该对象执行的操作；对象不存在或无权查看时为 null")
    def workflow_actions(
        self, info: Info, object_type: str, id: strawberry.ID
    ) -> list[WorkflowTransitionType] | None:
        obj = _item(info, object_type, id)
        if obj is None:
            return None
        process = process_for(obj)
        assert process is not None
        return [WorkflowTransitionType.of(t) for t in available(process, obj, user_of(info))]

    @strawberry.field(description="对象的流程记录（时间轴）；对象不存在或无权查看时为 null")
    def workflow_history(
        self, info: Info, object_type: str, id: strawberry.ID
    ) -> list[TransitionRecordType] | None:
        obj = _item(info, object_type, id)
        if obj is None:
            return None
        records = TransitionRecord.objects.filter(object_type=object_type, object_id=obj.pk)
        return list(records.select_related("unit", "actor"))  # type: ignore[arg-type]

    supervisions: OffsetPaginated[SupervisionType] = offset_paginated(
        filters=SupervisionFilter,
        ordering=SupervisionOrder,
        description="督办与督办建议（仅本人权限范围内）",
    )


@strawberry.type
class WorkflowMutation:
    @strawberry_django.mutation(handle_django_errors=True, description="下达或不予下达系统督办建议")
    def decide_supervision(self, info: Info, data: DecideSupervisionInput) -> SupervisionType:
        proposal = load(info, Supervision, data.id, Action.CHANGE)
        decided = supervision_decide(
            supervision=proposal,
            actor=user_of(info),
            issue=data.issue,
            measure=data.measure,
            reason=data.reason,
        )
        return decided  # type: ignore[return-value]
