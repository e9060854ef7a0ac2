"""Subsidy cases: list, detail, application create / update / delete, household members
(decisions: decisions.py)."""

import strawberry
import strawberry_django
from django.core.exceptions import ValidationError
from strawberry.types import Info

from backend.areas.models import Area
from backend.assistance.models import HouseholdMember, SubsidyCase
from backend.assistance.services import (
    case_apply,
    case_delete,
    case_update,
    household_member_add,
    household_member_remove,
)
from permissions.codenames import Action
from schema.assistance.decisions import SubsidyDecisionMutation
from schema.assistance.filters import SubsidyCaseFilter, SubsidyCaseOrder
from schema.assistance.inputs import (
    AddHouseholdMemberInput,
    SubsidyCaseCreateInput,
    SubsidyCaseUpdateInput,
)
from schema.assistance.types import SubsidyCaseType
from schema.base.context import parse_id
from schema.base.inputs import IdInput, changes_of
from schema.base.kept import offset_paginated
from schema.base.loading import load, load_or_none, require
from schema.base.pages import OffsetPaginated


@strawberry.type
class AssistanceQuery:
    subsidy_cases: OffsetPaginated[SubsidyCaseType] = offset_paginated(
        filters=SubsidyCaseFilter,
        ordering=SubsidyCaseOrder,
        description="社会救助案件列表（仅本人权限范围内；申请人信息按权限脱敏）",
    )

    @strawberry_django.field(description="一件社会救助案件；不存在或无权查看时为 null")
    def subsidy_case(self, info: Info, id: strawberry.ID) -> SubsidyCaseType | None:
        return load_or_none(info, SubsidyCase, id)  # type: ignore[return-value]


@strawberry.type
class AssistanceMutation(SubsidyDecisionMutation):
    @strawberry_django.mutation(handle_django_errors=True, description="登记救助申请")
    def create_subsidy_case(self, info: Info, data: SubsidyCaseCreateInput) -> SubsidyCaseType:
        area = _area(data.area_code)
        require(info, Action.ADD, SubsidyCase(area=area))
        fields = {k: v for k, v in vars(data).items() if k not in ("area_code", "members")}
        members = [vars(member) for member in data.members]
        return case_apply(area=area, members=members, **fields)  # type: ignore[return-value]

    @strawberry_django.mutation(handle_django_errors=True, description="修改救助申请（乡镇审核前）")
    def update_subsidy_case(self, info: Info, data: SubsidyCaseUpdateInput) -> SubsidyCaseType:
        case = load(info, SubsidyCase, data.id, Action.CHANGE)
        changes = changes_of(data)
        return case_update(case=case, data=changes)  # type: ignore[return-value]

    @strawberry_django.mutation(
        handle_django_errors=True, description="删除误登记的救助申请（乡镇审核前）"
    )
    def delete_subsidy_case(self, info: Info, data: IdInput) -> SubsidyCaseType:
        case = load(info, SubsidyCase, data.id, Action.DELETE)
        case_delete(case=case)
        case.pk = parse_id(data.id)  # the deleted record is returned as it was
        return case  # type: ignore[return-value]

    @strawberry_django.mutation(handle_django_errors=True, description="添加家庭成员（乡镇审核前）")
    def add_household_member(self, info: Info, data: AddHouseholdMemberInput) -> SubsidyCaseType:
        case = load(info, SubsidyCase, data.case_id, Action.CHANGE, field="case_id")
        household_member_add(
            case=case, name=data.name, relation=data.relation, id_number=data.id_number
        )
        return case  # type: ignore[return-value]

    @strawberry_django.mutation(handle_django_errors=True, description="移除家庭成员（乡镇审核前）")
    def remove_household_member(self, info: Info, data: IdInput) -> SubsidyCaseType:
        member = load(info, HouseholdMember, data.id, Action.CHANGE)
        household_member_remove(member=member)
        return member.case  # type: ignore[return-value]


def _area(code: str) -> Area:
    area = Area.objects.filter(code=parse_id(code, "area_code")).first()
    if area is None:
        raise ValidationError({"area_code": "区划代码不存在"})
    return area
