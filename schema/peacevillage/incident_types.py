"""The incident register's GraphQL type, filters, ordering and inputs (operations: incidents.py)."""

from datetime import date

import strawberry
import strawberry_django
from django.db.models import Q, QuerySet
from strawberry import auto

from backend.codes.models import Table
from backend.peacevillage.models import Incident
from schema.areas.types import AreaType
from schema.base.fields import model_type
from schema.base.filters import search_q, within_q
from schema.base.scoped import PolicyScoped
from schema.codes.lookup import code_by
from schema.codes.types import CodeType


@model_type(Incident, name="Incident", description="案（事）件登记")
class IncidentType(PolicyScoped):
    id: auto
    area: AreaType = strawberry_django.field(description="发生地（村、社区）")
    case_type: CodeType = strawberry_django.field(description="案件类型")
    grade: CodeType = strawberry_django.field(description="案件分级")
    title: auto
    occurred_on: date
    summary: auto


@strawberry_django.filter_type(Incident, lookups=True)
class IncidentFilter:
    id: auto
    occurred_on: auto

    @strawberry_django.filter_field(description="区划代码：该区划下的村（社区）")
    def area(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, within_q(value, prefix)

    @strawberry_django.filter_field(description="案件类型代码，如 04")
    def case_type(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, Q(**{f"{prefix}case_type__code": value})

    @strawberry_django.filter_field(description="案件分级代码，如 02")
    def grade(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, Q(**{f"{prefix}grade__code": value})

    @strawberry_django.filter_field(description="按名称、简要情况搜索")
    def search(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, search_q(value, prefix, ("title", "summary"))


@strawberry_django.order_type(Incident)
class IncidentOrder:
    id: auto
    occurred_on: auto
    area: auto


@strawberry.input(description="登记案（事）件")
class IncidentCreateInput:
    area_code: str = strawberry.field(description="发生地村（社区）区划代码")
    case_type_code: str = strawberry.field(
        description="案件类型代码：01 安全事故 … 04 有关刑事案件"
    )
    grade_code: str = strawberry.field(
        description="案件分级代码：01 特别重大 02 重大 03 较大 04 一般"
    )
    title: str
    occurred_on: date
    summary: str = ""


@strawberry.input(description="修改案（事）件登记（只传要改的字段）")
class IncidentUpdateInput:
    id: strawberry.ID
    case_type_code: str | None = strawberry.UNSET
    grade_code: str | None = strawberry.UNSET
    title: str | None = strawberry.UNSET
    occurred_on: date | None = strawberry.UNSET
    summary: str | None = strawberry.UNSET


def coded(data: dict) -> dict:
    """Code values in an input → the code rows the model refers to."""
    if "case_type_code" in data:
        data["case_type"] = code_by(Table.CASE_TYPE, data.pop("case_type_code"), "case_type_code")
    if "grade_code" in data:
        data["grade"] = code_by(Table.CASE_GRADE, data.pop("grade_code"), "grade_code")
    return data
