import strawberry
import strawberry_django
from django.db.models import Q, QuerySet
from strawberry import auto

from backend.codes.models import Code, CodeTable
from backend.disputes.models import Cause
from schema.base.filters import id_q, search_q


@strawberry_django.filter_type(CodeTable, lookups=True)
class CodeTableFilter:
    id: auto
    key: auto

    @strawberry_django.filter_field(description="按标识、名称搜索")
    def search(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, search_q(value, prefix, ("key", "name"))


@strawberry_django.filter_type(Code, lookups=True)
class CodeFilter:
    id: auto
    code: auto

    @strawberry_django.filter_field(description="代码表标识，如 EventType、EventsScale")
    def table(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, Q(**{f"{prefix}table__key": value.strip()})

    @strawberry_django.filter_field(description="上级代码编号：只列其直接下级")
    def parent(self, queryset: QuerySet, value: strawberry.ID, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, id_q(value, prefix, "parent")

    @strawberry_django.filter_field(description="只列一级代码（true）或只列下级代码（false）")
    def top_level(self, queryset: QuerySet, value: bool, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, Q(**{f"{prefix}parent__isnull": value})

    @strawberry_django.filter_field(description="按代码、名称搜索，空格分隔多个词")
    def search(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, search_q(value, prefix, ("code", "name"))


@strawberry_django.filter_type(Cause, lookups=True)
class CauseFilter:
    id: auto
    code: auto

    @strawberry_django.filter_field(description="按代码、名称搜索")
    def search(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, search_q(value, prefix, ("code", "name"))


@strawberry_django.order_type(CodeTable)
class CodeTableOrder:
    key: auto
    name: auto


@strawberry_django.order_type(Code)
class CodeOrder:
    id: auto
    code: auto
    name: auto


@strawberry_django.order_type(Cause)
class CauseOrder:
    code: auto
    name: auto
