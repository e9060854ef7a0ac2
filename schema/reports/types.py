from datetime import datetime
from typing import Optional

import strawberry_django
from strawberry import auto

from backend.reports.models import (
    DispatchRule,
    DispatchStep,
    Report,
    ReportCategory,
    ReportEvaluation,
)
from schema.areas.types import AreaType
from schema.base.fields import model_type
from schema.base.masking import sensitive
from schema.base.scoped import PolicyScoped
from schema.evidence.types import EvidenceType
from schema.org.types import UnitType


@model_type(ReportCategory, name="ReportCategory", description="事项类别（最多两级，含办理时限）")
class ReportCategoryType:
    """Reference data like Area and Code: nested, it is joined (one statement whatever the page);
    the top-level list asks the policy itself (schema.reports.operations)."""

    id: auto
    code: auto
    name: auto
    parent: Optional["ReportCategoryType"]
    limit_class: auto
    time_limit_hours: int
    active: auto


@model_type(DispatchRule, name="DispatchRule", description="派单规则：某区划内某类事项派给某单位")
class DispatchRuleType(PolicyScoped):
    id: auto
    category: ReportCategoryType
    area: AreaType
    unit: UnitType
    created_at: datetime
    updated_at: datetime


@model_type(DispatchStep, name="DispatchStep", description="流转环节（受理、派单、签收、反馈……）")
class DispatchStepType(PolicyScoped):
    id: auto
    action: auto
    from_unit: UnitType | None
    to_unit: UnitType | None
    entered_at: datetime
    signed_at: datetime | None
    finished_at: datetime | None
    deadline: datetime | None
    reason: auto
    note: auto
    evidence: list[EvidenceType]

    @strawberry_django.field(
        select_related=["actor"], only=["actor__full_name"], description="操作人"
    )
    def actor_name(self, root: DispatchStep) -> str:
        return root.actor.full_name if root.actor else ""


@model_type(ReportEvaluation, name="ReportEvaluation", description="群众评价")
class ReportEvaluationType(PolicyScoped):
    id: auto
    solved: auto
    satisfaction: auto
    comment: auto
    evaluated_at: datetime


@model_type(Report, name="Report", description="事件（民意诉求）：网格员上报、民意快递、12345 热线")
class ReportType(PolicyScoped):
    id: auto
    number: auto
    source: auto
    category: ReportCategoryType
    area: AreaType
    location: auto
    latitude: auto
    longitude: auto
    title: auto
    description: auto
    reporter_name: auto
    reporter_phone: str = sensitive("reporter_phone", "反映人电话（无权限时脱敏）")
    status: auto
    current_unit: UnitType | None
    registered_at: datetime
    deadline: datetime | None
    supervision_level: auto
    closed_at: datetime | None
    created_at: datetime
    updated_at: datetime
    steps: list[DispatchStepType]
    evaluation: ReportEvaluationType | None
    evidence: list[EvidenceType]
