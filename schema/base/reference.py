"""Reference data through the API — the tables administrators tune (time limits, the calendar,
escalation thresholds, the checklist): a list and a detail every signed-in user reads, and create,
update and delete for whoever holds the permission. One declaration per table; the query and
mutation fields are built from it, named `<plural>`, `<singular>`, `create_<singular>` …"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import strawberry
import strawberry_django
from django.db import models
from strawberry.types import Info

from permissions.codenames import Action
from permissions.registry import policy_for
from schema.base.context import user_of
from schema.base.inputs import IdInput, changes_of
from schema.base.kept import offset_paginated
from schema.base.loading import deleted, load, load_or_none, require
from schema.base.pages import OffsetPaginated


@dataclass(frozen=True)
class Reference:
    model: type[models.Model]
    node: type  # the strawberry-django type of a row
    inputs: tuple[type, type]  # create, update (the update input has `id` and optional fields)
    filters: type
    ordering: type
    names: tuple[str, str]  # singular, plural: "time_limit", "time_limits"
    services: tuple[Callable[..., Any], Callable[[Any, dict], Any], Callable[[Any], None]]
    descriptions: dict[str, str]  # list, detail, create, update, delete


def reference_query(name: str, *tables: Reference) -> type:
    fields: dict[str, Any] = {}
    for table in tables:
        singular, plural = table.names
        fields[plural], fields[singular] = _list(table), _detail(table)
    return strawberry.type(type(name, (), fields))


def reference_mutation(name: str, *tables: Reference) -> type:
    fields: dict[str, Any] = {}
    for table in tables:
        singular = table.names[0]
        for verb, build in (("create", _create), ("update", _update), ("delete", _delete)):
            fields[f"{verb}_{singular}"] = strawberry_django.mutation(
                build(table), handle_django_errors=True, description=table.descriptions[verb]
            )
    return strawberry.type(type(name, (), fields))


def _typed(function: Callable[..., Any], **annotations: Any) -> Callable[..., Any]:
    function.__annotations__.update(annotations)  # the table's own types, for the schema
    return function


def _list(table: Reference) -> Any:
    def rows(self: Any, info: Info) -> Any:
        return policy_for(table.model).visible(user_of(info))

    return offset_paginated(
        OffsetPaginated[table.node],  # type: ignore[name-defined]
        filters=table.filters,
        ordering=table.ordering,
        description=table.descriptions["list"],
    )(_typed(rows, **{"return": models.QuerySet}))


def _detail(table: Reference) -> Any:
    def row(self: Any, info: Info, id: strawberry.ID) -> Any:
        return load_or_none(info, table.model, id)

    described = table.descriptions["detail"]
    return strawberry.field(_typed(row, **{"return": table.node | None}), description=described)


def _create(table: Reference) -> Callable[..., Any]:
    def create(self: Any, info: Info, data: Any) -> Any:
        require(info, Action.ADD, table.model())
        return table.services[0](**vars(data))

    return _typed(create, data=table.inputs[0], **{"return": table.node})


def _update(table: Reference) -> Callable[..., Any]:
    def update(self: Any, info: Info, data: Any) -> Any:
        row = load(info, table.model, data.id, Action.CHANGE)
        return table.services[1](row, changes_of(data))

    return _typed(update, data=table.inputs[1], **{"return": table.node})


def _delete(table: Reference) -> Callable[..., Any]:
    def delete(self: Any, info: Info, data: IdInput) -> Any:
        row = load(info, table.model, data.id, Action.DELETE)
        return deleted(row, table.services[2])

    return _typed(delete, **{"return": table.node})
