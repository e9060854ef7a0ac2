"""Types whose rows are filtered by the model's policy — for top-level lists and nested lists alike."""

from typing import Any

from django.db.models import QuerySet
from strawberry.types import Info

from permissions.codenames import Action
from permissions.pii import sensitive_fields
from permissions.registry import policy_for
from schema.base import projection
from schema.base.context import user_of

UNMASK_FLAG = "zhili_unmask"


class PolicyScoped:
    """Mixin for strawberry-django types: rows the user may not view never leave the database, and
    each row carries whether the user may see its sensitive fields unmasked (no query per row)."""

    @classmethod
    def get_queryset(cls, queryset: QuerySet, info: Info, **kwargs: Any) -> QuerySet:
        return scoped(queryset, info)


def scoped(queryset: QuerySet, info: Info) -> QuerySet:
    """The rows of `queryset` the user may view, each with the unmask flag its sensitive fields
    read (a list's rows and a detail query's row alike)."""
    user, policy = user_of(info), policy_for(queryset.model)
    queryset = policy.restrict(queryset, user, Action.VIEW)
    if (
        sensitive_fields(queryset.model) and projection.results_plan(info) is None
    ):  # a plan reads no such field
        queryset = policy.annotate_may(queryset, user, Action.UNMASK, UNMASK_FLAG)
    return queryset
