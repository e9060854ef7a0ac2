from datetime import date, datetime
from decimal import Decimal

import strawberry
import strawberry_django
from strawberry import auto
from strawberry.types import Info

from backend.peacevillage.models import Assessment, AssessmentItem, ChecklistItem, VillageSponsor
from backend.peacevillage.selectors import RankingRow
from permissions.peacevillage import assessment_actions
from schema.areas.types import AreaType
from schema.base.context import user_of
from schema.base.fields import model_type
from schema.base.scoped import PolicyScoped
from schema.evidence.types import EvidenceType
from schema.org.types import UnitType


@model_type(ChecklistItem, name="ChecklistItem", description="考评标准项（五有 / 六无）")
class ChecklistItemType:
    id: auto
    code: auto
    group: auto
    text: auto
    auto_rule: auto
    weight: auto
    active: auto


@model_type(AssessmentItem, name="AssessmentItem", description="一项考评结果")
class AssessmentItemType(PolicyScoped):
    id: auto
    item: ChecklistItemType
    passed: bool | None = strawberry_django.field(description="是否达标；null 为尚未评定")
    auto: auto
    note: auto


@model_type(Assessment, name="PeaceVillageAssessment", description="平安村庄考评")
class AssessmentType(PolicyScoped):
    id: auto
    area: AreaType = strawberry_django.field(description="村（社区）")
    period: auto
    status: auto
    score: Decimal = strawberry_django.field(description="得分（百分制）")
    qualified: auto
    sponsor: UnitType | None = strawberry_django.field(description="包联单位")
    submitted_at: datetime | None
    approved_at: datetime | None
    remark: auto
    created_at: datetime
    items: list[AssessmentItemType] = strawberry_django.field(description="逐项考评结果")
    evidence: list[EvidenceType] = strawberry_django.field(description="佐证材料")

    @strawberry_django.field(
        only=["status", "area_id"],
        description="当前用户现在可对该考评调用的变更（如 submitPeaceVillageAssessment）",
    )
    def available_actions(self, root: Assessment, info: Info) -> list[str]:
        return assessment_actions(user_of(info), root)

    @strawberry_django.field(
        select_related=["assessed_by"], only=["assessed_by__full_name"], description="考评人"
    )
    def assessed_by_name(self, root: Assessment) -> str:
        return root.assessed_by.full_name if root.assessed_by else ""

    @strawberry_django.field(
        select_related=["approved_by"], only=["approved_by__full_name"], description="审定人"
    )
    def approved_by_name(self, root: Assessment) -> str:
        return root.approved_by.full_name if root.approved_by else ""


@model_type(VillageSponsor, name="VillageSponsor", description="包联关系：成员单位包联村（社区）")
class VillageSponsorType(PolicyScoped):
    id: auto
    area: AreaType = strawberry_django.field(description="村（社区）")
    unit: UnitType = strawberry_django.field(description="包联单位")
    start_on: date
    end_on: date | None


@strawberry.type(name="PeaceVillageRank", description="平安村庄考评排名的一行（下一级区划）")
class RankingType:
    rank: int
    area_code: str
    area_name: str
    assessed_count: int = strawberry.field(description="参评村（社区）数")
    qualified_count: int = strawberry.field(description="六无全部达标的村（社区）数")
    average_score: Decimal = strawberry.field(description="平均得分")
    village_count: int = strawberry.field(description="辖区村（社区）总数")

    @classmethod
    def of(cls, row: RankingRow) -> "RankingType":
        return cls(
            rank=row.rank, area_code=f"{row.area_code:012d}", area_name=row.area_name,
            assessed_count=row.assessed, qualified_count=row.qualified,
            average_score=row.average_score, village_count=row.villages,
        )  # fmt: skip
