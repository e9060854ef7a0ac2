"""A list page's statement, kept per document, user scope and variables.

A big screen or an integrator polls one list with the same document and variables, and a portal
user reloads a page: each time the page's statement was built (filters, ordering, the policy's
predicate, the count) and compiled anew, which was most of the request's CPU. A page that is
read through a projection plan (schema.base.projection) keeps its compiled statement under
(list field node, model, the policy's inputs for the user, the request's variables), and the next
request with the same key runs it without building anything. Everything the statement is built
from is in the key, so only what cannot be in it stops a page from being kept:

- a filter or ordering method not marked `pure` (it may read the clock or the database: the
  overdue filters, an area lookup), or a field with a resolver of its own;
- a row type whose `get_queryset` is not the plain policy scope;
- a policy that does not declare its inputs (`BasePolicy.inputs`).

Rows, grants given to units and totals are read when the statement runs, never kept.
"""

import json
from dataclasses import dataclass
from typing import Any

import strawberry_django
from django.db.models import QuerySet
from graphql import FieldNode, OperationType
from strawberry import UNSET
from strawberry.extensions import FieldExtension
from strawberry.types.base import has_object_definition
from strawberry_django.fields.field import StrawberryDjangoField

from backend.common.prepared import Prepared
from backend.common.recent import Recent
from permissions.registry import policy_for
from schema.base import projection
from schema.base.context import user_of
from schema.base.scoped import PolicyScoped
from schema.base.shaping import Plan

KEEP = "_zhili_keep"  # the key a built page's statement is to be kept under
PURE = "_zhili_pure"
MAX_KEPT = 256  # a kept page statement holds ~90 kB (measured): at most ~23 MB per worker
SCOPED = PolicyScoped.get_queryset.__func__  # type: ignore[attr-defined]


def pure(method: Any) -> Any:
    """Marks a filter or ordering method whose condition depends on its value alone."""
    setattr(method, PURE, True)
    return method


@dataclass
class KeptPage:
    node: FieldNode
    prepared: Prepared
    plan: Plan
    folded: bool


_KEPT: Recent[KeptPage] = Recent(MAX_KEPT)


class KeepStatements(FieldExtension):
    """On a top-level list field: the kept statement of this request's key, else the built
    queryset, marked with the key its statement is to be kept under."""

    def apply(self, field: Any) -> None:
        self.model = getattr(field, "django_model", None)
        row_type = getattr(field, "django_type", None)
        get_queryset = getattr(getattr(row_type, "get_queryset", None), "__func__", None)
        plain = isinstance(field, StrawberryDjangoField) and field.base_resolver is None
        self.keepable = plain and get_queryset in (None, SCOPED)

    def resolve(self, next_: Any, source: Any, info: Any, **kwargs: Any) -> Any:
        key = self._key(source, info, kwargs) if self.keepable else None
        kept = _KEPT.get(key) if key is not None else None
        node = info._raw_info.field_nodes[0]
        if kept is not None and kept.node is node and kept.plan.usable and kept.prepared.ready():
            return kept
        queryset = next_(source, info, **kwargs)
        if key is not None and isinstance(queryset, QuerySet):
            setattr(queryset, KEEP, key)
        return queryset

    def _key(self, source: Any, info: Any, kwargs: dict[str, Any]) -> tuple | None:
        raw = info._raw_info
        if source is not None or len(raw.field_nodes) != 1 or projection.results_plan(info) is None:
            return None  # only a page read through a plan is kept: no key to compute for others
        if raw.operation.operation != OperationType.QUERY or not all(map(_pure, kwargs.values())):
            return None
        if getattr(kwargs.get("pagination"), "offset", 0):
            return None  # past the first page an empty page needs the list's count of its own
        inputs = policy_for(self.model).inputs(user_of(info)) if self.model else None
        if inputs is None:
            return None
        variables = json.dumps(raw.variable_values, sort_keys=True, default=str)
        return (id(raw.field_nodes[0]), self.model, inputs, variables)


def kept_page(key: tuple, node: FieldNode, plan: Plan, folded: bool) -> Prepared:
    """The statement to run for a page built under `key`: the kept one (compiled on another
    connection), else a new one kept from now on."""
    kept = _KEPT.get(key)
    if kept is None or kept.node is not node:
        kept = _KEPT.put(key, KeptPage(node, Prepared(), plan, folded))
    return kept.prepared


def _pure(value: Any) -> bool:
    """Is this argument value (filters, ordering, pagination) free of impure methods?"""
    if isinstance(value, (list, tuple)):
        return all(map(_pure, value))
    if not has_object_definition(value):
        return True
    for field in value.__strawberry_definition__.fields:
        inner = getattr(value, field.python_name, None)
        if inner is None or inner is UNSET:
            continue
        resolver = getattr(field, "filter_order_resolver", None) or field.base_resolver
        if resolver is not None and not getattr(resolver.wrapped_func, PURE, False):
            return False
        if not _pure(inner):
            return False
    return True


def offset_paginated(*args: Any, **options: Any) -> Any:
    """`strawberry_django.offset_paginated` whose page statements are kept where they can be
    (a field with a resolver of its own is never kept: `KeepStatements.apply`)."""
    extensions = [*options.pop("extensions", ()), KeepStatements()]
    return strawberry_django.offset_paginated(*args, extensions=extensions, **options)
