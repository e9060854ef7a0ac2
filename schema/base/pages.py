"""Top-level list pages whose `totalCount` travels with their rows: the page's statement carries the
count of the whole list as a scalar subquery (run once: an InitPlan on PostgreSQL, a cached
uncorrelated subquery on SQLite), so a page with its total costs one statement, not two."""

from typing import Any, Generic, TypeVar

import strawberry
from django.db.models import F, Func, QuerySet, Subquery
from strawberry.types import Info
from strawberry_django import pagination
from strawberry_django.optimizer import is_optimized_by_prefetching

from schema.base.selection import selected_names

NodeType = TypeVar("NodeType")
TOTAL = "_zhili_total"


@strawberry.type
class OffsetPaginated(pagination.OffsetPaginated[NodeType], Generic[NodeType]):
    folded: strawberry.Private[bool] = False
    page: strawberry.Private[list[Any] | None] = None

    @classmethod
    def resolve_paginated(cls, queryset: QuerySet, *, info: Info, **kwargs: Any) -> Any:
        paginated = super().resolve_paginated(queryset, info=info, **kwargs)
        paginated.folded = _foldable(queryset) and {"totalCount", "results"} <= selected_names(info)
        return paginated

    def get_paginated_queryset(self) -> Any:
        if not self.folded:
            return super().get_paginated_queryset()
        if self.page is None:
            assert self.queryset is not None
            counted = self.queryset.annotate(**{TOTAL: _count_of(self.queryset)})
            self.page = list(pagination.apply(self.pagination, counted))
        return self.page

    def get_total_count(self) -> int:
        if not self.folded:
            return super().get_total_count()
        rows = self.get_paginated_queryset()
        if rows:
            return getattr(rows[0], TOTAL)
        return 0 if not self.pagination.offset else super().get_total_count()


def _count_of(queryset: QuerySet) -> Subquery:
    # a plain Func, not an aggregate: no GROUP BY, one row — the count of the filtered list
    return Subquery(queryset.order_by().values(n=Func(F("pk"), function="COUNT")))


def _foldable(queryset: QuerySet) -> bool:
    query = queryset.query
    grouped = query.group_by is not None or any(
        getattr(expression, "contains_aggregate", False)
        for expression in query.annotations.values()
    )
    return not (grouped or query.distinct or is_optimized_by_prefetching(queryset))
