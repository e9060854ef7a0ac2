"""Evidence (佐证材料): upload by the GraphQL multipart request spec, and removal. Files are checked
by their content (size, kind), stored with their SHA-256, and leave only through the download view."""

from enum import Enum
from typing import cast

import strawberry
import strawberry_django
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from strawberry.file_uploads import Upload
from strawberry.types import Info

from backend.assistance.models import SubsidyCase
from backend.creation.models import TaskProgressReport
from backend.disputes.models import Dispute
from backend.enterprise.models import EnterpriseProblem
from backend.evidence.models import Evidence
from backend.evidence.services import evidence_attach, evidence_remove
from backend.peacevillage.models import Assessment
from backend.reports.models import DispatchStep, Report
from permissions.codenames import Action
from schema.base.context import parse_id, user_of
from schema.base.loading import load, load_or_none
from schema.evidence.types import EvidenceType


@strawberry.enum(description="佐证材料所属记录的类型")
class EvidenceParent(Enum):
    DISPUTE = "dispute"
    REPORT = "report"
    REPORT_STEP = strawberry.enum_value("report_step", description="事件的办理环节（如反馈）")
    TASK_PROGRESS_REPORT = "task_progress_report"
    SUBSIDY_CASE = "subsidy_case"
    ENTERPRISE_PROBLEM = "enterprise_problem"
    PEACE_VILLAGE_ASSESSMENT = strawberry.enum_value("assessment", description="平安村庄考评")


PARENT_MODELS: dict[EvidenceParent, type[models.Model]] = {
    EvidenceParent.DISPUTE: Dispute,
    EvidenceParent.REPORT: Report,
    EvidenceParent.REPORT_STEP: DispatchStep,
    EvidenceParent.TASK_PROGRESS_REPORT: TaskProgressReport,
    EvidenceParent.SUBSIDY_CASE: SubsidyCase,
    EvidenceParent.ENTERPRISE_PROBLEM: EnterpriseProblem,
    EvidenceParent.PEACE_VILLAGE_ASSESSMENT: Assessment,
}


@strawberry.input(description="上传佐证材料（multipart 请求；按文件内容校验类型和大小）")
class AttachEvidenceInput:
    parent_type: EvidenceParent
    parent_id: strawberry.ID
    file: Upload
    description: str = ""


@strawberry.input(description="按编号删除佐证材料")
class RemoveEvidenceInput:
    id: strawberry.ID


@strawberry.type
class EvidenceQuery:
    @strawberry_django.field(description="一份佐证材料；不存在或无权查看所属记录时为 null")
    def evidence(self, info: Info, id: strawberry.ID) -> EvidenceType | None:
        return load_or_none(info, Evidence, id)  # type: ignore[return-value]


@strawberry.type
class EvidenceMutation:
    @strawberry_django.mutation(handle_django_errors=True, description="上传佐证材料")
    def attach_evidence(self, info: Info, data: AttachEvidenceInput) -> EvidenceType:
        parent = load(
            info, PARENT_MODELS[data.parent_type], data.parent_id, Action.CHANGE, "parent_id"
        )
        step = parent if isinstance(parent, DispatchStep) else None
        return evidence_attach(  # type: ignore[return-value]
            uploader=user_of(info),
            upload=cast(UploadedFile, data.file),  # Django's upload behind the Upload scalar
            parent=step.report if step else parent,
            description=data.description,
            report_step=step,
        )

    @strawberry_django.mutation(handle_django_errors=True, description="删除佐证材料")
    def remove_evidence(self, info: Info, data: RemoveEvidenceInput) -> EvidenceType:
        evidence = load(info, Evidence, data.id, Action.DELETE)
        evidence_remove(evidence=evidence)
        evidence.pk = parse_id(data.id)  # the deleted record is returned as it was
        return evidence  # type: ignore[return-value]
