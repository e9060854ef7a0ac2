from datetime import datetime

import strawberry
import strawberry_django
from django.db.models import F
from strawberry import auto

from backend.enterprise.models import Enterprise, EnterpriseProblem, ProblemAssignment
from schema.areas.types import AreaType
from schema.base.fields import model_type
from schema.base.masking import sensitive
from schema.base.scoped import PolicyScoped
from schema.codes.types import CodeType
from schema.evidence.types import EvidenceType
from schema.org.types import UnitType


@model_type(ProblemAssignment, name="ProblemAssignment", description="交办记录")
class ProblemAssignmentType(PolicyScoped):
    id: auto
    unit: UnitType
    dispatched_at: datetime
    answered_at: datetime | None


@model_type(EnterpriseProblem, name="EnterpriseProblem", description="企业诉求（企业家直通车）")
class EnterpriseProblemType(PolicyScoped):
    id: auto
    number: auto
    enterprise: "EnterpriseType | None" = strawberry_django.field(
        description="提出诉求的企业；无权查看该企业时为 null（企业名称见 enterpriseName）"
    )
    category: auto
    title: auto
    description: auto
    area: AreaType
    status: auto
    answer: auto
    policy_basis: auto
    answered_at: datetime | None
    satisfaction: auto
    satisfaction_comment: auto
    deadline: datetime | None
    supervision_level: auto
    supervision_reason: auto
    submitted_at: datetime
    closed_at: datetime | None
    created_at: datetime
    updated_at: datetime
    handling_units: list[UnitType]
    assignments: list[ProblemAssignmentType]
    evidence: list[EvidenceType]

    # An annotation, not select_related: a joined enterprise would fill the relation's cache and
    # bypass the policy-filtered prefetch of `enterprise`.
    @strawberry_django.field(
        annotate={"enterprise_title": F("enterprise__name")}, description="企业名称"
    )
    def enterprise_name(self, root: EnterpriseProblem) -> str:
        title = getattr(root, "enterprise_title", None)
        return title if title is not None else root.enterprise.name

    @strawberry_django.field(only=["leader_id"], description="包联领导（用户编号）")
    def leader_id(self, root: EnterpriseProblem) -> strawberry.ID | None:
        return strawberry.ID(str(root.leader_id)) if root.leader_id else None

    @strawberry_django.field(
        only=["leader__full_name"], select_related=["leader"], description="包联领导姓名"
    )
    def leader_name(self, root: EnterpriseProblem) -> str | None:
        return root.leader.full_name if root.leader else None


@model_type(Enterprise, name="Enterprise", description="企业（联系电话按权限脱敏）")
class EnterpriseType(PolicyScoped):
    id: auto
    name: auto
    credit_code: auto
    category: CodeType
    legal_representative: auto
    contact_name: auto
    contact_phone: str = sensitive("contact_phone", "联系电话")
    address: auto
    area: AreaType
    created_at: datetime
    updated_at: datetime
    problems: list[EnterpriseProblemType]
