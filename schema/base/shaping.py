"""A page's rows, as `values_list` tuples, in their response form (the plans come from
`schema.base.projection`)."""

from typing import Any

from django.db import models
from django.db.models.base import ModelState

TYPENAME, LEAF, OBJECT, COMPUTED = 0, 1, 2, 3
Entry = tuple[int, str, Any, Any, bool]  # kind, response key, index(es) | name, how, nullable


class Unservable(Exception):
    """A row this plan cannot shape like graphql-core would: a null in a non-null field, or a
    resolver that wants more of its root than the columns it declared (`lasting`)."""

    def __init__(self, key: str, lasting: bool = False) -> None:
        super().__init__(key)
        self.lasting = lasting


class Plan:
    def __init__(self, model: type[models.Model], entries: list[Entry], paths: list[str]) -> None:
        self.model, self.entries, self.paths = model, entries, paths
        self.usable = True

    def shape(self, rows: list[tuple], db: str) -> list[dict[str, Any]]:
        try:
            return [_shape(row, self.entries, db) for row in rows]
        except Unservable as refusal:
            self.usable = not refusal.lasting  # such a resolver fails on every row: not again
            raise


def _shape(row: tuple, entries: list[Entry], db: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for kind, key, at, how, nullable in entries:
        if kind == TYPENAME:
            out[key] = at
            continue
        value = _computed_value(row, at, how, key, db) if kind == COMPUTED else row[at]
        if value is None:
            if not nullable:
                raise Unservable(key)
            out[key] = None
        else:
            out[key] = _shape(row, how, db) if kind == OBJECT else how[-1](value)
    return out


def _computed_value(row: tuple, at: tuple[int, ...], how: tuple, key: str, db: str) -> Any:
    """A resolver of the row's own columns, called with an instance of just those columns."""
    call, model, names, _ = how
    try:
        return call(_root(model, db, names, [row[i] for i in at]))
    except Exception as error:  # it wants more than it declared, or fails: the ordinary path
        raise Unservable(key, lasting=True) from error


def _root(model: type[models.Model], db: str, names: list[str], values: list[Any]) -> Any:
    """An instance of `model` loaded with just these columns — the others deferred, as `from_db`
    leaves them — made the way Django unpickles one (no `__init__` over every field)."""
    root = model.__new__(model)
    root._state = ModelState()
    root._state.adding, root._state.db = False, db
    root.__dict__.update(zip(names, values, strict=True))
    return root
