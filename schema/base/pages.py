"""Top-level list pages whose `totalCount` travels with their rows: the page's statement carries the
count of the whole list as a scalar subquery (run once: an InitPlan on PostgreSQL, a cached
uncorrelated subquery on SQLite), so a page with its total costs one statement, not two."""

from typing import Any, Generic, TypeVar

import strawberry
from django.db.models import F, Func, QuerySet, Subquery
from strawberry.types import Info
from strawberry_django import pagination
from strawberry_django.optimizer import is_optimized_by_prefetching

from backend.common.prepared import Prepared
from schema.base import projection
from schema.base.execution import Completed
from schema.base.kept import KEEP, KeptPage, kept_page
from schema.base.selection import selected_names
from schema.base.shaping import Plan, Unservable

NodeType = TypeVar("NodeType")
TOTAL = "_zhili_total"


@strawberry.type
class OffsetPaginated(pagination.OffsetPaginated[NodeType], Generic[NodeType]):
    folded: strawberry.Private[bool] = False
    plan: strawberry.Private[Plan | None] = None
    page: strawberry.Private[list[Any] | None] = None
    total: strawberry.Private[int | None] = None
    statement: strawberry.Private[Prepared | None] = None  # a kept statement to run (kept.py)
    keep: strawberry.Private[tuple | None] = None  # the key to keep this page's statement under
    node: strawberry.Private[Any] = None

    @classmethod
    def resolve_paginated(cls, queryset: Any, *, info: Info, **kwargs: Any) -> Any:
        if isinstance(queryset, KeptPage):
            return cls._kept(queryset, kwargs.get("pagination"))
        paginated = super().resolve_paginated(queryset, info=info, **kwargs)
        if _foldable(queryset):
            paginated.folded = {"totalCount", "results"} <= selected_names(info)
            plan = projection.results_plan(info)
            paginated.plan = plan if plan and plan.model is queryset.model else None
            paginated.keep = getattr(queryset, KEEP, None) if paginated.plan else None
            paginated.node = info._raw_info.field_nodes[0]
        return paginated

    @classmethod
    def _kept(cls, kept: KeptPage, given: Any) -> Any:
        page = cls(queryset=None, pagination=given or pagination.OffsetPaginationInput())
        page.plan, page.folded, page.statement = kept.plan, kept.folded, kept.prepared
        return page

    def get_paginated_queryset(self) -> Any:
        if not (self.folded or self.plan):
            return super().get_paginated_queryset()
        if self.page is None:
            self.page = self._projected() if self.plan else self._instances()
        return self.page

    def get_total_count(self) -> int:
        if not self.folded:
            return super().get_total_count()
        self.get_paginated_queryset()
        if self.total is not None:
            return self.total
        return 0 if not self.pagination.offset else super().get_total_count()

    def _instances(self) -> list[Any]:
        rows = list(pagination.apply(self.pagination, self._counted()))
        self.total = getattr(rows[0], TOTAL) if rows and self.folded else None
        return rows

    def _projected(self) -> Any:
        assert self.plan is not None
        rows = self._rows()
        self.total = rows[0][-1] if rows and self.folded else None
        try:
            return Completed(self.plan.shape(rows, self._db()))
        except Unservable:  # a null where the schema says none: let graphql-core report it
            if self.queryset is None:
                raise  # a kept statement: logged and answered as an unexpected error
            self.plan = None
            return self._instances() if self.folded else super().get_paginated_queryset()

    def _rows(self) -> list[tuple]:
        assert self.plan is not None
        if self.statement is not None:
            return self.statement.rows()
        names = [*self.plan.paths, TOTAL] if self.folded else self.plan.paths
        statement = pagination.apply(self.pagination, self._counted().values_list(*names))
        if self.keep is None:
            return list(statement)
        return kept_page(self.keep, self.node, self.plan, self.folded).rows(lambda: statement)

    def _db(self) -> str:
        holder: Any = self.statement if self.queryset is None else self.queryset
        return holder.db

    def _counted(self) -> QuerySet:
        assert self.queryset is not None
        if not self.folded:
            return self.queryset
        return self.queryset.annotate(**{TOTAL: _count_of(self.queryset)})


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
