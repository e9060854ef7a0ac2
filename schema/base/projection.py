"""A page's rows straight from the database into their response form, for the common selection.

graphql-core completes a page field by field (a resolver call, a type check and a leaf coercion
for each of ~550 values of 50 rows), after Django built a model instance for each row and each of
its joined rows. When every field selected under `results` is a column or a forward foreign key
read as a plain attribute (`ModelField`'s basic path), no resolver of ours would run anyway: the
page is then read with `values_list` of exactly those columns and shaped into the response with
the same output coercion graphql-core applies. Anything else — a resolver, arguments, a
directive, a fragment on another type, a field selected twice — keeps the ordinary path.

A plan depends only on the document, which the parser cache keeps, so it is built once per
selection node.
"""

from typing import Any

from django.db import models
from graphql import (
    FieldNode,
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    InlineFragmentNode,
    SelectionSetNode,
    get_nullable_type,
    is_leaf_type,
)

from schema.base.columns import own_columns, plain_column
from schema.base.shaping import COMPUTED, LEAF, OBJECT, TYPENAME, Entry, Plan

_PLANS: dict[int, tuple[FieldNode, Plan | None]] = {}
MAX_PLANS = 512


def results_plan(info: Any) -> Plan | None:
    """The plan of the `results` selected under the current (paginated) field, if it has one."""
    raw: Any = getattr(info, "_raw_info", info)  # strawberry's Info or graphql-core's
    paged: Any = get_nullable_type(raw.return_type)
    if "results" not in getattr(paged, "fields", ()):
        return None
    nodes = [node for field in raw.field_nodes for node in _selections(field.selection_set)]
    results = [n for n in nodes if isinstance(n, FieldNode) and n.name.value == "results"]
    if len(results) != 1 or len(raw.field_nodes) != 1:
        return None
    node = results[0]
    cached = _PLANS.get(id(node))
    if cached is None or cached[0] is not node:
        if len(_PLANS) >= MAX_PLANS:
            _PLANS.clear()
        cached = _PLANS[id(node)] = (node, _plan(node, paged.fields["results"].type))
    plan = cached[1]
    return plan if plan is not None and plan.usable else None


def _plan(node: FieldNode, list_type: Any) -> Plan | None:
    item = get_nullable_type(get_nullable_type(list_type).of_type) if _is_list(list_type) else None
    if node.directives or node.arguments or not isinstance(item, GraphQLObjectType):
        return None
    model = _model_of(item)
    paths: list[str] = []
    entries = _entries(node.selection_set, item, model, "", paths) if model else None
    return Plan(model, entries, paths) if model and entries is not None else None


def _is_list(gql_type: Any) -> bool:
    return isinstance(get_nullable_type(gql_type), GraphQLList)


def _model_of(gql_type: GraphQLObjectType) -> type[models.Model] | None:
    definition = gql_type.extensions.get("strawberry-definition")
    django = getattr(getattr(definition, "origin", None), "__strawberry_django_definition__", None)
    return getattr(django, "model", None)


def _selections(selection_set: SelectionSetNode | None) -> list[Any]:
    return list(selection_set.selections) if selection_set else []


def _entries(
    selection_set: SelectionSetNode | None, gql_type: GraphQLObjectType, model: Any, prefix: str,
    paths: list[str],
) -> list[Entry] | None:  # fmt: skip
    nodes = _flattened(_selections(selection_set), gql_type.name)
    keys = [(node.alias or node.name).value for node in nodes or []]
    if nodes is None or len(set(keys)) != len(keys):
        return None
    entries = [
        _entry(node, key, gql_type, model, prefix, paths)
        for node, key in zip(nodes, keys, strict=True)
    ]
    return None if any(entry is None for entry in entries) else entries  # type: ignore[return-value]


def _flattened(nodes: list[Any], type_name: str) -> list[FieldNode] | None:
    """Field nodes through inline fragments on this very type; None for anything else."""
    flat: list[FieldNode] = []
    for node in nodes:
        if node.directives:
            return None
        if isinstance(node, FieldNode):
            flat.append(node)
            continue
        condition = node.type_condition.name.value if node.type_condition else type_name
        inner = _flattened(_selections(node.selection_set), type_name)
        if not isinstance(node, InlineFragmentNode) or condition != type_name or inner is None:
            return None
        flat += inner
    return flat


def _entry(
    node: FieldNode, key: str, gql_type: GraphQLObjectType, model: Any, prefix: str,
    paths: list[str],
) -> Entry | None:  # fmt: skip
    name = node.name.value
    if name == "__typename":
        return (TYPENAME, key, gql_type.name, None, True)
    field_def = gql_type.fields.get(name)
    if field_def is None or node.arguments:
        return None
    column = plain_column(field_def, model)
    if column is None:
        return _computed(node, key, field_def, model, prefix, paths)
    nullable, target = (
        not isinstance(field_def.type, GraphQLNonNull),
        get_nullable_type(field_def.type),
    )
    paths.append(prefix + column.name)
    index = len(paths) - 1
    if not column.is_relation:
        leaf = is_leaf_type(target) and not node.selection_set
        return (LEAF, key, index, (target.coerce_output_value,), nullable) if leaf else None
    if not isinstance(target, GraphQLObjectType) or _model_of(target) is not column.related_model:
        return None
    if hasattr(target.extensions["strawberry-definition"].origin, "get_queryset"):
        return None  # the optimizer prefetches such a row through its type's policy
    inner = _entries(
        node.selection_set, target, column.related_model, f"{prefix}{column.name}__", paths
    )
    return None if inner is None else (OBJECT, key, index, inner, nullable)


def _computed(
    node: FieldNode, key: str, field_def: GraphQLField, model: Any, prefix: str,
    paths: list[str],
) -> Entry | None:  # fmt: skip
    """A leaf whose resolver reads only columns it declares (`only`) from its root."""
    field: Any = field_def.extensions.get("strawberry-definition")
    target = get_nullable_type(field_def.type)
    names = own_columns(field, model)
    if names is None or node.selection_set or not is_leaf_type(target):
        return None
    resolver = field.base_resolver
    takes_self = resolver.self_parameter is not None
    roots = [p.name for p in (resolver.root_parameter, resolver.parent_parameter) if p is not None]
    call = lambda root: resolver(*([root] if takes_self else []), **dict.fromkeys(roots, root))  # noqa: E731
    at = tuple(range(len(paths), len(paths) + len(names)))
    paths += [prefix + name for name in names]
    nullable = not isinstance(field_def.type, GraphQLNonNull)
    return (COMPUTED, key, at, (call, model, names, target.coerce_output_value), nullable)
