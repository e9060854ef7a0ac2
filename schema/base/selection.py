"""Which child lists of a detail query's row can come in the row's own statement: the selected
list fields that are plain reverse foreign keys to a strawberry-django type, without arguments,
whose selected fields all read plain columns of the child (see nested.py)."""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from strawberry.types import Info
from strawberry.types.base import StrawberryObjectDefinition, get_object_definition
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection
from strawberry_django.fields.field import StrawberryDjangoField

from backend.common.jsonrows import PLAIN_TYPES


@dataclass(frozen=True)
class ChildSelection:
    info: Info
    rel: models.ManyToOneRel
    child_type: type
    attnames: frozenset[str]  # the child columns the selection reads


def child_selections(info: Info, model: type[models.Model]) -> list[ChildSelection]:
    """The servable child lists selected on the current field, whose type must be `model`'s."""
    definition = _django_object(getattr(info.return_type, "of_type", info.return_type), model)
    nodes = [node for field in info.selected_fields for node in field.selections]
    by_name = _by_name(info, definition, nodes) if definition else None
    if definition is None or by_name is None:
        return []
    found = []
    for name, selections in _grouped(nodes, definition.name).items():
        field = by_name.get(name)
        rel = _reverse_fk(field, model) if field is not None else None
        if rel is not None and not any(s.arguments for s in selections):
            found.append(_child(info, rel, field, selections))
    return [selected for selected in found if selected is not None]


def _child(
    info: Info, rel: models.ManyToOneRel, field: Any, selections: list[SelectedField]
) -> ChildSelection | None:
    child_type = field.django_type
    definition = _django_object(child_type, rel.related_model)
    nodes = [node for selection in selections for node in selection.selections]
    by_name = _by_name(info, definition, nodes) if definition else None
    if definition is None or by_name is None:
        return None
    attnames: set[str] = set()
    for name, parts in _grouped(nodes, definition.name).items():
        columns = _columns(by_name.get(name), rel.related_model, parts)
        if columns is None:
            return None
        attnames |= columns
    return ChildSelection(info, rel, child_type, frozenset(attnames))


def _columns(
    field: Any, model: type[models.Model], selections: list[SelectedField]
) -> set[str] | None:
    """The columns a scalar field of the child reads, or None when it needs more than columns."""
    if not isinstance(field, StrawberryDjangoField) or field.extensions:
        return None
    if any(selection.arguments or selection.selections for selection in selections):
        return None
    store = field.store
    if field.base_resolver is not None:
        if not store.only or store.select_related or store.prefetch_related or store.annotate:
            return None
        names = list(store.only)
    else:
        names = [field.django_name or field.python_name]
    found = [_plain_column(model, name) for name in names]
    return {name for name in found if name} if all(found) else None


def _plain_column(model: type[models.Model], name: str) -> str | None:
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    if not isinstance(field, models.Field) or not field.concrete or field.is_relation:
        return None
    return field.attname if field.get_internal_type() in PLAIN_TYPES else None


def _reverse_fk(field: Any, model: type[models.Model]) -> models.ManyToOneRel | None:
    """The reverse relation behind a plain list field (no resolver, arguments or extensions)."""
    if not isinstance(field, StrawberryDjangoField) or not field.is_list:
        return None
    if field.base_resolver or field.arguments or field.extensions or field.is_paginated:
        return None
    try:
        rel = model._meta.get_field(field.django_name or field.python_name)
    except FieldDoesNotExist:
        return None
    if type(rel) is not models.ManyToOneRel or not isinstance(rel.field, models.ForeignKey):
        return None
    return rel if rel.field.target_field == model._meta.pk else None


def _django_object(origin: Any, model: type[models.Model]) -> StrawberryObjectDefinition | None:
    django = getattr(origin, "__strawberry_django_definition__", None)
    if django is None or django.model is not model:
        return None
    return get_object_definition(origin)


def _by_name(
    info: Info, definition: StrawberryObjectDefinition, nodes: list[Selection]
) -> dict[str, Any] | None:
    """The type's fields by GraphQL name; None when a fragment names another type (an interface
    would hide fields from this reading)."""
    if any(not _applies(node, definition.name) for node in _fragments(nodes)):
        return None
    converter = info.schema.config.name_converter
    return {converter.get_graphql_name(field): field for field in definition.fields}


def _fragments(nodes: Iterable[Selection]) -> Iterator[FragmentSpread | InlineFragment]:
    for node in nodes:
        if isinstance(node, (FragmentSpread, InlineFragment)):
            yield node
            yield from _fragments(node.selections)


def _applies(fragment: FragmentSpread | InlineFragment, type_name: str) -> bool:
    return fragment.type_condition in (None, type_name)


def selected_names(info: Info) -> set[str]:
    """The names of the fields selected under the current field, through fragments."""
    return set(_grouped([node for field in info.selected_fields for node in field.selections], ""))


def _grouped(nodes: Iterable[Selection], type_name: str) -> dict[str, list[SelectedField]]:
    """Selected fields by name, through fragments on the type; aliases of one field together."""
    grouped: dict[str, list[SelectedField]] = defaultdict(list)
    for node in nodes:
        if isinstance(node, SelectedField):
            if node.name != "__typename":
                grouped[node.name].append(node)
        else:
            for name, fields in _grouped(node.selections, type_name).items():
                grouped[name].extend(fields)
    return grouped
