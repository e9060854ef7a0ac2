"""平安村庄联动联创: checklist, sponsorships, assessments (create, set items, submit, approve or
return) and rankings by county and township — every row through its policy."""

import strawberry
import strawberry_django
from django.core.exceptions import PermissionDenied
from strawberry.types import Info

from backend.peacevillage.models import Assessment, AssessmentItem, ChecklistItem, VillageSponsor
from backend.peacevillage.selectors import ranking
from backend.peacevillage.services import (
    assessment_approve,
    assessment_create,
    assessment_item_set,
    assessment_return,
    assessment_submit,
    sponsor_assign,
    sponsor_end,
)
from permissions.codenames import Action
from permissions.peacevillage import may_review
from permissions.registry import policy_for
from schema.areas.lookup import area_by_code
from schema.base.context import user_of
from schema.base.inputs import IdInput
from schema.base.kept import offset_paginated
from schema.base.loading import load, load_or_none, load_target_unit, require
from schema.base.pages import OffsetPaginated
from schema.peacevillage.filters import (
    PeaceVillageAssessmentFilter,
    PeaceVillageAssessmentOrder,
    VillageSponsorFilter,
    VillageSponsorOrder,
)
from schema.peacevillage.inputs import (
    PeaceVillageAssessmentInput,
    PeaceVillageItemInput,
    PeaceVillageReviewInput,
    VillageSponsorEndInput,
    VillageSponsorInput,
)
from schema.peacevillage.types import (
    AssessmentItemType,
    AssessmentType,
    ChecklistItemType,
    RankingType,
    VillageSponsorType,
)


def require_reviewer(info: Info, assessment: Assessment) -> None:
    """Approving and returning are for county-level reviewers: a grant to change assessments
    whose scope holds the village's county (a county centre, the city), not only the village."""
    if not may_review(user_of(info), assessment):
        raise PermissionDenied("只有县级及以上综治中心可以审定或退回考评")


@strawberry.type
class PeaceVillageQuery:
    peace_village_assessments: OffsetPaginated[AssessmentType] = offset_paginated(
        filters=PeaceVillageAssessmentFilter,
        ordering=PeaceVillageAssessmentOrder,
        description="平安村庄考评列表（仅本人权限范围内）",
    )
    village_sponsors: OffsetPaginated[VillageSponsorType] = offset_paginated(
        filters=VillageSponsorFilter,
        ordering=VillageSponsorOrder,
        description="成员单位包联村（社区）列表（仅本人权限范围内）",
    )

    @strawberry_django.field(description="一次平安村庄考评；不存在或无权查看时为 null")
    def peace_village_assessment(self, info: Info, id: strawberry.ID) -> AssessmentType | None:
        return load_or_none(info, Assessment, id)  # type: ignore[return-value]

    @strawberry_django.field(description="一条包联关系；不存在或无权查看时为 null")
    def village_sponsor(self, info: Info, id: strawberry.ID) -> VillageSponsorType | None:
        return load_or_none(info, VillageSponsor, id)  # type: ignore[return-value]

    @strawberry_django.field(description="考评标准（五有 / 六无），含停用项")
    def peace_village_checklist(self, info: Info) -> list[ChecklistItemType]:
        return policy_for(ChecklistItem).visible(user_of(info)).order_by("group", "code")  # type: ignore[return-value]

    @strawberry.field(
        description="平安村庄考评排名：区划的下一级（市→县、县→乡镇、乡镇→村）按平均得分排序，"
        "仅计本人可查看的已审定考评（includeSubmitted 时含已提交）"
    )
    def peace_village_ranking(
        self, info: Info, area_code: str, period: str, include_submitted: bool = False
    ) -> list[RankingType]:
        area = area_by_code(area_code)
        rows = ranking(
            assessments=policy_for(Assessment).visible(user_of(info)),  # type: ignore[arg-type]
            area=area,
            period=period,
            include_submitted=include_submitted,
        )
        return [RankingType.of(row) for row in rows]


@strawberry.type
class PeaceVillageMutation:
    @strawberry_django.mutation(handle_django_errors=True, description="新建平安村庄考评")
    def create_peace_village_assessment(
        self, info: Info, data: PeaceVillageAssessmentInput
    ) -> AssessmentType:
        village = area_by_code(data.area_code)
        require(info, Action.ADD, Assessment(area=village))
        return assessment_create(village=village, period=data.period, actor=user_of(info))  # type: ignore[return-value]

    @strawberry_django.mutation(handle_django_errors=True, description="填写一项人工考评结果")
    def set_peace_village_item(self, info: Info, data: PeaceVillageItemInput) -> AssessmentItemType:
        result = load(info, AssessmentItem, data.id, Action.CHANGE)
        return assessment_item_set(  # type: ignore[return-value]
            result=result, passed=data.passed, note=data.note, actor=user_of(info)
        )

    @strawberry_django.mutation(handle_django_errors=True, description="提交考评（须逐项评定）")
    def submit_peace_village_assessment(self, info: Info, data: IdInput) -> AssessmentType:
        assessment = load(info, Assessment, data.id, Action.CHANGE)
        return assessment_submit(assessment=assessment, actor=user_of(info))  # type: ignore[return-value]

    @strawberry_django.mutation(handle_django_errors=True, description="审定考评（县级及以上）")
    def approve_peace_village_assessment(
        self, info: Info, data: PeaceVillageReviewInput
    ) -> AssessmentType:
        assessment = load(info, Assessment, data.id, Action.CHANGE)
        require_reviewer(info, assessment)
        return assessment_approve(  # type: ignore[return-value]
            assessment=assessment, actor=user_of(info), remark=data.remark
        )

    @strawberry_django.mutation(handle_django_errors=True, description="退回考评（县级及以上）")
    def return_peace_village_assessment(
        self, info: Info, data: PeaceVillageReviewInput
    ) -> AssessmentType:
        assessment = load(info, Assessment, data.id, Action.CHANGE)
        require_reviewer(info, assessment)
        return assessment_return(  # type: ignore[return-value]
            assessment=assessment, actor=user_of(info), remark=data.remark
        )

    @strawberry_django.mutation(handle_django_errors=True, description="成员单位包联村（社区）")
    def assign_village_sponsor(self, info: Info, data: VillageSponsorInput) -> VillageSponsorType:
        village = area_by_code(data.area_code)
        require(info, Action.ADD, VillageSponsor(area=village))
        unit = load_target_unit(info, data.unit_id, "unit_id")
        return sponsor_assign(  # type: ignore[return-value]
            village=village, unit=unit, start_on=data.start_on, end_on=data.end_on,
            actor=user_of(info),
        )  # fmt: skip

    @strawberry_django.mutation(handle_django_errors=True, description="结束包联")
    def end_village_sponsor(self, info: Info, data: VillageSponsorEndInput) -> VillageSponsorType:
        sponsorship = load(info, VillageSponsor, data.id, Action.CHANGE)
        return sponsor_end(sponsorship=sponsorship, end_on=data.end_on, actor=user_of(info))  # type: ignore[return-value]
