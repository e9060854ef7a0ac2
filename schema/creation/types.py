from datetime import date, datetime
from typing import Any

import strawberry_django
from django.db.models import BooleanField, Case, Value, When
from django.utils import timezone
from strawberry import auto
from strawberry.types import Info

from backend.creation.models import CreationTask, Guideline, TaskProgressReport, TaskReview
from backend.creation.selectors import overdue_q, tasks_with_overdue
from schema.areas.types import AreaType
from schema.base.fields import model_type
from schema.base.scoped import PolicyScoped
from schema.evidence.types import EvidenceType
from schema.org.types import UnitType


@model_type(Guideline, name="Guideline", description="工作指引（任务的来源文件）")
class GuidelineType(PolicyScoped):
    id: auto
    code: auto
    level: auto
    title: auto
    issuer: auto
    issued_on: date


@model_type(
    TaskProgressReport, name="TaskProgressReport", description="任务进度报告（佐证材料附在报告上）"
)
class TaskProgressReportType(PolicyScoped):
    id: auto
    unit: UnitType
    percent: auto
    narrative: auto
    reported_at: datetime
    evidence: list[EvidenceType]

    @strawberry_django.field(
        only=["reported_by__full_name"], select_related=["reported_by"], description="报送人姓名"
    )
    def reported_by_name(self, root: TaskProgressReport) -> str:
        return root.reported_by.full_name


@model_type(TaskReview, name="TaskReview", description="验收记录（通过或退回整改）")
class TaskReviewType(PolicyScoped):
    id: auto
    decision: auto
    opinion: auto
    reviewed_at: datetime

    @strawberry_django.field(
        only=["reviewer__full_name"], select_related=["reviewer"], description="验收人姓名"
    )
    def reviewer_name(self, root: TaskReview) -> str:
        return root.reviewer.full_name


def overdue_flag(info: Info) -> Any:
    """Overdue as of today, computed by the database for every row of the page."""
    when = When(overdue_q(timezone.localdate()), then=Value(True))
    return Case(when, default=Value(False), output_field=BooleanField())


@model_type(CreationTask, name="CreationTask", description="创建任务（试点工作指引分解的任务）")
class CreationTaskType(PolicyScoped):
    id: auto
    code: auto
    guideline: GuidelineType
    dimension: auto
    title: auto
    target: auto
    area: AreaType
    lead_unit: UnitType
    co_units: list[UnitType]
    deadline: date
    weight: auto
    status: auto
    progress: auto
    submitted_at: datetime | None
    completed_at: datetime | None
    created_at: datetime
    updated_at: datetime
    progress_reports: list[TaskProgressReportType]
    reviews: list[TaskReviewType]

    @strawberry_django.field(
        annotate={"is_overdue": overdue_flag},
        description="已逾期：超过完成时限且未完成（截至今天，由数据库计算）",
    )
    def overdue(self, root: CreationTask) -> bool:
        flag = getattr(root, "is_overdue", None)
        if flag is None:  # an object not read through the optimizer: ask the database
            today = timezone.localdate()
            rows = tasks_with_overdue(today=today, queryset=CreationTask.objects.filter(pk=root.pk))
            flag = rows.values_list("is_overdue", flat=True).get()
        return bool(flag)
