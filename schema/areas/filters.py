from collections.abc import Callable

import strawberry_django
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from graphql import GraphQLError
from strawberry import auto
from strawberry.utils.str_converters import to_camel_case

from backend.areas.models import Area
from schema.base.context import parse_id
from schema.base.filters import search_q, within_q


# The same helper as schema.reports.filters.readable; both belong in schema.base.filters.
def readable(build: Callable[[], Q], name: str) -> Q:
    """A bad filter value is the caller's mistake: a plain GraphQL error naming the filter, not a
    masked server error (a ValidationError raised while filtering counts as unexpected)."""
    try:
        return build()
    except ValidationError as error:
        raise GraphQLError(
            "；".join(error.messages),
            extensions={"code": "invalid_filter", "field": to_camel_case(name)},
        ) from None


def id_q(value: str, prefix: str, name: str, column: str | None = None) -> Q:
    """Rows whose FK `column` (default `<name>_id`) is the id `value` (validated)."""
    return readable(lambda: Q(**{f"{prefix}{column or name + '_id'}": parse_id(value, name)}), name)


def area_q(value: str, prefix: str, field: str = "area", name: str = "area") -> Q:
    """Rows whose area `field` lies under the area with code `value` (validated)."""
    return readable(lambda: within_q(value, prefix, field), name)


@strawberry_django.filter_type(Area, lookups=True)
class AreaFilter:
    level: auto
    kind: auto

    @strawberry_django.filter_field(description="上级区划代码（12 位）：只列其直接下级")
    def parent(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, id_q(value, prefix, "parent")

    @strawberry_django.filter_field(description="区划代码：该区划及其全部下级")
    def area(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, area_q(value, prefix, field="code")

    @strawberry_django.filter_field(description="按名称搜索，空格分隔多个词")
    def search(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, search_q(value, prefix, ("name",))


@strawberry_django.order_type(Area)
class AreaOrder:
    code: auto
    name: auto
    level: auto
