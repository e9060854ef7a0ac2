"""Enterprises and their problems: lists, details, enterprise create / update / delete, problem
submission (the problem's workflow: problems.py)."""

from typing import Any

import strawberry
import strawberry_django
from django.core.exceptions import ValidationError
from strawberry.types import Info

from backend.areas.models import Area
from backend.codes.models import Code, Table
from backend.enterprise.models import Enterprise, EnterpriseProblem
from backend.enterprise.services import (
    enterprise_delete,
    enterprise_register,
    enterprise_update,
    problem_submit,
)
from permissions.codenames import Action
from permissions.policy import NotFound
from schema.base.context import parse_id
from schema.base.inputs import IdInput, changes_of
from schema.base.kept import offset_paginated
from schema.base.loading import load, load_or_none, require
from schema.base.pages import OffsetPaginated
from schema.enterprise.acting import as_seen
from schema.enterprise.filters import (
    EnterpriseFilter,
    EnterpriseOrder,
    EnterpriseProblemFilter,
    EnterpriseProblemOrder,
)
from schema.enterprise.inputs import (
    EnterpriseCreateInput,
    EnterpriseUpdateInput,
    SubmitEnterpriseProblemInput,
)
from schema.enterprise.problems import ProblemWorkflowMutation
from schema.enterprise.types import EnterpriseProblemType, EnterpriseType


@strawberry.type
class EnterpriseQuery:
    enterprises: OffsetPaginated[EnterpriseType] = offset_paginated(
        filters=EnterpriseFilter,
        ordering=EnterpriseOrder,
        description="企业列表（仅本人权限范围内）",
    )
    enterprise_problems: OffsetPaginated[EnterpriseProblemType] = offset_paginated(
        filters=EnterpriseProblemFilter,
        ordering=EnterpriseProblemOrder,
        description="企业诉求列表（仅本人权限范围内及本单位承办的诉求）",
    )

    @strawberry_django.field(description="一家企业；不存在或无权查看时为 null")
    def enterprise(self, info: Info, id: strawberry.ID) -> EnterpriseType | None:
        return load_or_none(info, Enterprise, id)  # type: ignore[return-value]

    @strawberry_django.field(description="一件企业诉求；不存在或无权查看时为 null")
    def enterprise_problem(self, info: Info, id: strawberry.ID) -> EnterpriseProblemType | None:
        try:
            return as_seen(info, load(info, EnterpriseProblem, id))  # type: ignore[return-value]
        except (NotFound, ValidationError):
            return None


@strawberry.type
class EnterpriseMutation(ProblemWorkflowMutation):
    @strawberry_django.mutation(handle_django_errors=True, description="登记企业")
    def create_enterprise(self, info: Info, data: EnterpriseCreateInput) -> EnterpriseType:
        fields: dict[str, Any] = {
            k: v for k, v in vars(data).items() if k not in ("area_code", "category_code")
        }
        fields["area"] = _area(data.area_code)
        require(info, Action.ADD, Enterprise(area=fields["area"]))
        return enterprise_register(category=_category(data.category_code), **fields)  # type: ignore[return-value]

    @strawberry_django.mutation(handle_django_errors=True, description="修改企业信息")
    def update_enterprise(self, info: Info, data: EnterpriseUpdateInput) -> EnterpriseType:
        enterprise = load(info, Enterprise, data.id, Action.CHANGE)
        changes = changes_of(data)
        if "category_code" in changes:
            changes["category"] = _category(changes.pop("category_code") or "")
        return enterprise_update(enterprise=enterprise, data=changes)  # type: ignore[return-value]

    @strawberry_django.mutation(
        handle_django_errors=True, description="删除误登记的企业（仅限没有诉求记录的企业）"
    )
    def delete_enterprise(self, info: Info, data: IdInput) -> EnterpriseType:
        enterprise = load(info, Enterprise, data.id, Action.DELETE)
        enterprise_delete(enterprise=enterprise)
        enterprise.pk = parse_id(data.id)  # the deleted record is returned as it was
        return enterprise  # type: ignore[return-value]

    @strawberry_django.mutation(handle_django_errors=True, description="提交企业诉求")
    def submit_enterprise_problem(
        self, info: Info, data: SubmitEnterpriseProblemInput
    ) -> EnterpriseProblemType:
        enterprise = load(info, Enterprise, data.enterprise_id, field="enterprise_id")
        require(info, Action.ADD, EnterpriseProblem(area=enterprise.area))
        problem = problem_submit(
            enterprise=enterprise,
            category=data.category,
            title=data.title,
            description=data.description,
        )
        return as_seen(info, problem)  # type: ignore[return-value]


def _area(code: str) -> Area:
    area = Area.objects.filter(code=parse_id(code, "area_code")).first()
    if area is None:
        raise ValidationError({"area_code": "区划代码不存在"})
    return area


def _category(code: str) -> Code:
    found = Code.objects.filter(table__key=Table.ENTERPRISE_CATEGORY, code=code.strip()).first()
    if found is None:
        raise ValidationError({"category_code": "企业类别代码不存在"})
    return found
