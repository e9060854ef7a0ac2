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

from django.core.exceptions import FieldDoesNotExist
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
from strawberry_django.fields.field import StrawberryDjangoField

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
        return call(model.from_db(db, names, [row[i] for i in at]))
    except Exception as error:  # it wants more than it declared, or fails: the ordinary path
        raise Unservable(key, lasting=True) from error


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
    column = _column(field_def, model)
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
    names = _own_columns(field, model)
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


def _own_columns(field: Any, model: Any) -> list[str] | None:
    resolver = getattr(field, "base_resolver", None)
    if not isinstance(field, StrawberryDjangoField) or resolver is None:
        return None
    store = field.store
    if field.extensions or field.permission_classes or resolver.arguments or resolver.is_async:
        return None
    if resolver.info_parameter or store.select_related or store.prefetch_related or store.annotate:
        return None
    try:
        fields = [model._meta.get_field(name) for name in store.only or ()]
    except FieldDoesNotExist:
        return None
    if not fields or any(f.is_relation or not f.concrete for f in fields):
        return None
    return [f.attname for f in fields]


def _column(field_def: GraphQLField, model: Any) -> Any:
    """The model field a plain strawberry-django field reads: a column or a forward foreign key
    (as `ModelField`'s basic path or strawberry-django's own resolver would read it)."""
    field = field_def.extensions.get("strawberry-definition")
    if not isinstance(field, StrawberryDjangoField) or field.base_resolver or field.arguments:
        return None
    if field.extensions or field.permission_classes:
        return None
    try:
        column = model._meta.get_field(field.django_name or field.python_name)
    except FieldDoesNotExist:
        return None
    if not column.concrete or isinstance(column, models.FileField):
        return None
    return column if not column.is_relation or column.many_to_one else None
