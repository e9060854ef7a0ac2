"""A detail query's statement, compiled once per selection, user scope and connection.

Building a detail's statement — the policy's predicate and unmask flag, one JSON column per child
list (schema.base.nested) — and compiling it took most of a detail request's CPU. It is built from
three things: the document's selection (the parsed document is cached, so its nodes are the same
objects request after request), the policy's inputs for the user (`BasePolicy.inputs`: the grants)
and the row's id. The statement is therefore kept per (selection, model, inputs), and only the id
is bound anew (backend.common.prepared). Kept only where every input is accounted for: the
model's policy declares its inputs, no directive or named fragment makes the selection depend on
variables, and every child list follows the parent (read by the parent's id alone). Otherwise,
each request builds its statement as before.
"""

from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from graphql import FieldNode, FragmentSpreadNode, SelectionSetNode
from strawberry.types import Info

from backend.common.prepared import Prepared
from backend.common.recent import Recent
from permissions.registry import policy_for
from schema.base.context import user_of
from schema.base.nested import ChildList, detail_statement, fetch_detail, with_children
from schema.base.scoped import scoped

SAMPLE_PK = 900_719_925_474_099  # bound only while compiling; no row has it
MAX_ENTRIES = 256  # as schema.base.kept.MAX_KEPT: ~90 kB each
Entry = tuple[FieldNode, Prepared | None, list[ChildList]]
_ENTRIES: Recent[Entry] = Recent(MAX_ENTRIES)


def detail_row(info: Info, model: type[models.Model], pk: int) -> models.Model:
    """The row `pk` if the user may view it, with its selected child lists (else DoesNotExist)."""
    _, prepared, lists = _entry(info, model) or (None, None, [])
    if prepared is None:
        return fetch_detail(info, _rows(info, model, pk))
    found = prepared.all(lambda pk: detail_statement(info, _rows(info, model, pk))[0], pk=pk)
    if not found:
        raise ObjectDoesNotExist(model._meta.label)
    return with_children(found[0], lists)


def _rows(info: Info, model: type[models.Model], pk: int) -> models.QuerySet:
    return scoped(model._default_manager.filter(pk=pk), info)


def _entry(info: Info, model: type[models.Model]) -> Entry | None:
    nodes = info._raw_info.field_nodes
    inputs = policy_for(model).inputs(user_of(info))
    if inputs is None or len(nodes) != 1 or _variable(nodes[0].selection_set):
        return None
    key = (id(nodes[0]), model, inputs)
    entry = _ENTRIES.get(key)
    if entry is not None and entry[0] is nodes[0]:
        return entry
    sample, lists = detail_statement(info, _rows(info, model, SAMPLE_PK))
    prepared: Prepared | None = None
    if all(c.follows for c in lists):
        prepared = Prepared(pk=SAMPLE_PK)
        prepared.prime(sample)  # built once: for its child lists and as the statement
    return _ENTRIES.put(key, (nodes[0], prepared, lists))


def _variable(selection_set: SelectionSetNode | None) -> bool:
    """Could the selection differ between requests of one document (directives, fragments)?"""
    for node in selection_set.selections if selection_set else ():
        node_: Any = node
        if node_.directives or isinstance(node_, FragmentSpreadNode):
            return True
        if _variable(node_.selection_set):
            return True
    return False
