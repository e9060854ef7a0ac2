import strawberry_django
from strawberry import auto

from backend.codes.models import Code, CodeTable
from backend.disputes.models import Cause
from schema.base.fields import model_type


@model_type(CodeTable, name="CodeTable", description="GB/T 31000 代码表")
class CodeTableType:
    id: auto
    key: auto
    name: auto
    codes: list["CodeType"] = strawberry_django.field(description="本表的全部代码")


@model_type(Code, name="Code", description="GB/T 31000 代码")
class CodeType:
    id: auto
    code: auto
    name: auto
    table: CodeTableType = strawberry_django.field(description="所属代码表")
    parent: "CodeType | None" = strawberry_django.field(description="上级代码；一级代码为 null")
    children: list["CodeType"] = strawberry_django.field(description="下级代码")


@model_type(Cause, name="Cause", description="纠纷成因（供统计分析归类）")
class CauseType:
    id: auto
    code: auto
    name: auto
