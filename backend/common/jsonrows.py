"""Rows folded into one column of an outer row: a correlated subquery that aggregates them into a
JSON array of arrays (a detail's child lists, a token's grant rows), and the decoding back into
Python values."""

import json
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Subquery, TextField
from django.utils import timezone

# Column types whose JSON form `to_python` reads back exactly; a list needing another is not served.
PLAIN_TYPES = frozenset(
    [
        "AutoField",
        "BigAutoField",
        "SmallAutoField",
        "CharField",
        "TextField",
        "SlugField",
        "EmailField",
        "URLField",
        "FileField",
        "UUIDField",
        "GenericIPAddressField",
        "IntegerField",
        "BigIntegerField",
        "SmallIntegerField",
        "PositiveIntegerField",
        "PositiveBigIntegerField",
        "PositiveSmallIntegerField",
        "BooleanField",
        "DateField",
        "DateTimeField",
        "DecimalField",
        "FloatField",
        "ForeignKey",
    ]
)


class JsonRows(Subquery):
    """`(SELECT <json array of [c0, c1, …] per row> FROM (queryset) AS rows)` as text; `[]` when
    there is no row. `queryset` selects the columns `names` (a `.values()` of aliases)."""

    def __init__(self, queryset: models.QuerySet, names: list[str]) -> None:
        super().__init__(queryset, output_field=TextField())
        self.names = names

    def as_sql(self, compiler: Any, connection: Any, *args: Any, **extra: Any) -> Any:
        return self._wrapped(compiler, connection, "json_group_array(json_array({}))")

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        aggregate = "COALESCE(json_agg(json_build_array({})), '[]')::text"
        return self._wrapped(compiler, connection, aggregate)

    def _wrapped(self, compiler: Any, connection: Any, aggregate: str) -> Any:
        quote = connection.ops.quote_name
        columns = ", ".join(f"zhili_rows.{quote(name)}" for name in self.names)
        select = aggregate.format(columns)
        template = f"(SELECT {select} FROM (%(subquery)s) AS zhili_rows)"
        return super().as_sql(compiler, connection, template=template)


def decoded(text: str | None) -> list[list[Any]]:
    """The rows of a `JsonRows` column; decimals stay exact."""
    return json.loads(text or "[]", parse_float=Decimal)


def python_value(field: models.Field, raw: Any, connection: Any) -> Any:
    """A JSON value as the field holds it: JSON gives strings for dates and datetimes and (on
    SQLite) 0/1 for booleans and UTC datetimes without an offset."""
    if raw is None:
        return None
    value = field.to_python(raw)
    if isinstance(value, datetime) and settings.USE_TZ and timezone.is_naive(value):
        value = timezone.make_aware(value, connection.timezone)
    return value


def rows_subquery(queryset: models.QuerySet, *columns: str) -> JsonRows:
    """`queryset`'s rows (already correlated with OuterRef) as one JSON column of `columns`."""
    names = [f"zhili_c{i}" for i in range(len(columns))]
    values = queryset.order_by().values(**{n: F(c) for n, c in zip(names, columns, strict=True)})
    return JsonRows(values, names)
