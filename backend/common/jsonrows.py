"""Several rows folded into one value of the outer row: a JSON array of arrays, one per row, on
PostgreSQL and SQLite alike. Used where one statement must bring a row and its small children."""

from typing import Any

from django.db.models import Aggregate, JSONField, QuerySet, Subquery


class JSONRows(Aggregate):
    """`[[a, b, …], …]` over the grouped rows; NULL when there are none (see `rows_of`)."""

    function = "JSONB_AGG"
    template = "%(function)s(JSONB_BUILD_ARRAY(%(expressions)s))"
    output_field = JSONField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler,
            connection,
            function="JSON_GROUP_ARRAY",
            template="%(function)s(JSON_ARRAY(%(expressions)s))",
            **extra,
        )


def rows_subquery(queryset: QuerySet, group_by: str, *columns: str) -> Subquery:
    """A scalar subquery of `queryset` (already correlated with OuterRef) as JSON rows of `columns`."""
    folded = queryset.order_by().values(group_by).annotate(_rows=JSONRows(*columns))
    return Subquery(folded.values("_rows"), output_field=JSONField())


def rows_of(value: Any) -> list[list[Any]]:
    """The rows an annotation of `rows_subquery` brought; a string where the driver left it raw."""
    if value is None:
        return []
    if isinstance(value, str):
        import json

        return json.loads(value)
    return list(value)
