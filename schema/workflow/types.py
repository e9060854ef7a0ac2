"""The declared processes as the API shows them: what the portal builds its action buttons from."""

from datetime import datetime

import strawberry
import strawberry_django
from strawberry import auto
from strawberry.scalars import JSON

from backend.workflow.declarations import Process, Transition
from backend.workflow.models import Supervision, TransitionRecord
from schema.areas.types import AreaType
from schema.base.fields import model_type
from schema.base.scoped import PolicyScoped
from schema.org.types import UnitType


@strawberry.type(name="WorkflowTransition", description="流程中的一个操作")
class WorkflowTransitionType:
    name: str = strawberry.field(description="操作名，如 sign、feedback")
    label: str = strawberry.field(description="中文名称")
    sources: list[str] = strawberry.field(description="可执行该操作的状态")
    target: str | None = strawberry.field(description="执行后的状态；null 表示状态不变")
    actor: str = strawberry.field(description="any / holder（承办单位）/ overseer / owner")
    required: list[str] = strawberry.field(description="必填字段")
    evidence: bool = strawberry.field(description="是否必须上传证明材料")

    @classmethod
    def of(cls, transition: Transition) -> "WorkflowTransitionType":
        return cls(
            name=transition.name,
            label=str(transition.label),
            sources=[str(state) for state in transition.sources],
            target=str(transition.target) if transition.target is not None else None,
            actor=str(transition.actor),
            required=list(transition.required),
            evidence=transition.evidence,
        )


@strawberry.type(name="WorkflowProcess", description="一个流程的声明：状态与操作")
class WorkflowProcessType:
    name: str
    label: str
    object_type: str = strawberry.field(description="对象类型，如 reports.report")
    state_field: str
    closed_states: list[str]
    transitions: list[WorkflowTransitionType]

    @classmethod
    def of(cls, process: Process) -> "WorkflowProcessType":
        return cls(
            name=process.name,
            label=str(process.label),
            object_type=process.model,
            state_field=process.state_field,
            closed_states=[str(state) for state in process.closed_states],
            transitions=[WorkflowTransitionType.of(t) for t in process.transitions],
        )


@model_type(TransitionRecord, name="TransitionRecord", description="流程记录（时间轴）")
class TransitionRecordType:
    id: auto
    process: auto
    transition: auto
    label: auto
    from_state: auto
    to_state: auto
    at: datetime
    reason: auto
    payload: JSON
    deadline: datetime | None
    unit: UnitType | None

    @strawberry_django.field(
        select_related=["actor"], only=["actor__full_name"], description="操作人"
    )
    def actor_name(self, root: TransitionRecord) -> str:
        return root.actor.full_name if root.actor else ""


@model_type(Supervision, name="Supervision", description="督办（含系统督办建议）")
class SupervisionType(PolicyScoped):
    id: auto
    process: auto
    object_type: auto
    object_id: strawberry.ID
    area: AreaType
    unit: UnitType | None
    level: auto
    measure: auto
    status: auto
    reason: auto
    created_at: datetime
    decided_at: datetime | None

    @strawberry_django.field(select_related=["by"], only=["by__full_name"], description="督办人")
    def by_name(self, root: Supervision) -> str:
        return root.by.full_name if root.by else ""
