"""Query shapes the policies rely on.

`pk_in`: `column IN (subquery)` written so that each database's planner can use its indexes. The
object-grant term of a scope predicate sits beside the area range in an OR. PostgreSQL plans
`id IN (subquery)` under an OR as a hashed SubPlan: it cannot combine it with an index, so it reads
every row the rest of the statement leaves and filters it (city-wide for a township user). Written
`id = ANY(ARRAY(subquery))`, the subquery becomes an InitPlan run once, and the OR a BitmapOr of the
area index and the primary key. SQLite already combines both indexes with `IN` (MULTI-INDEX OR).
"""

from typing import Any

from django.db import models
from django.db.models import F, QuerySet
from django.db.models.lookups import In


class InArray(In):
    """`lhs IN (subquery)`; on PostgreSQL `lhs = ANY(ARRAY(subquery))` — the same rows."""

    def as_postgresql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY(ARRAY{rhs})", [*lhs_params, *rhs_params]


def pk_in(subquery: QuerySet) -> InArray:
    """A filter condition: the row's primary key is one of the single column of `subquery`."""
    return InArray(F("pk"), subquery)


def bound_parent(queryset: models.QuerySet) -> tuple[str, models.Model] | None:
    """(FK name, parent) when `queryset` holds the rows of one parent instance: Django's reverse
    FK manager records the instance it filtered on (`parent.children.all()`)."""
    known = queryset._known_related_objects  # type: ignore[attr-defined]
    if len(known) != 1:
        return None
    ((field, parents),) = known.items()
    if len(parents) != 1:
        return None
    (parent,) = parents.values()
    return field.name, parent
