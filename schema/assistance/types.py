from datetime import date, datetime

import strawberry_django
from strawberry import auto

from backend.assistance.models import HouseholdMember, SubsidyCase, SubsidyReview
from schema.areas.types import AreaType
from schema.base.fields import model_type
from schema.base.masking import sensitive
from schema.base.scoped import PolicyScoped
from schema.evidence.types import EvidenceType
from schema.org.types import UnitType


@model_type(
    HouseholdMember, name="HouseholdMember", description="家庭成员（姓名、身份证号码按权限脱敏）"
)
class HouseholdMemberType(PolicyScoped):
    id: auto
    relation: auto
    name: str = sensitive("name", "姓名")
    id_number: str = sensitive("id_number", "身份证号码")


@model_type(
    SubsidyReview,
    name="SubsidyReview",
    description="救助审核记录（乡镇审核、县级审批、复核、暂停、终止）",
)
class SubsidyReviewType(PolicyScoped):
    id: auto
    stage: auto
    decision: auto
    opinion: auto
    unit: UnitType
    reviewed_at: datetime

    @strawberry_django.field(
        only=["reviewer__full_name"], select_related=["reviewer"], description="经办人姓名"
    )
    def reviewer_name(self, root: SubsidyReview) -> str:
        return root.reviewer.full_name


@model_type(
    SubsidyCase,
    name="SubsidyCase",
    description="社会救助案件（申请人信息属敏感个人信息，按权限脱敏，明文查看留痕）",
)
class SubsidyCaseType(PolicyScoped):
    id: auto
    number: auto
    kind: auto
    applicant_name: str = sensitive("applicant_name", "申请人姓名")
    applicant_id_number: str = sensitive("applicant_id_number", "申请人身份证号码")
    applicant_phone: str = sensitive("applicant_phone", "联系电话")
    applicant_address: str = sensitive("applicant_address", "家庭住址")
    household_size: auto
    household_monthly_income: auto
    monthly_amount: auto
    status: auto
    applied_on: date
    approved_on: date | None
    recheck_on: date | None
    school_name: auto
    grade: auto
    area: AreaType
    created_at: datetime
    updated_at: datetime
    members: list[HouseholdMemberType]
    reviews: list[SubsidyReviewType]
    evidence: list[EvidenceType]
