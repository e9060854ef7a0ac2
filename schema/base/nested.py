"""A detail query in one SELECT: the row, and each child list the query selects beside it as a JSON
column of that row (see backend.common.jsonrows). The child rows are the ones the child type
would resolve — read by the parent's id alone when their policy follows the parent, else through
the type's `get_queryset` (scope and unmask flag) — and come back as the parent's prefetched list, which the relation field then serves without SQL. A list that
needs more than plain columns (nested objects, arguments, resolvers without `only` hints, an
ordering through another model) is left to the relation field, as before."""

from dataclasses import dataclass
from typing import Any

from django.db import connections, models
from django.db.models import F, OuterRef, Window
from django.db.models.functions import RowNumber
from strawberry.types import Info
from strawberry_django.optimizer import mark_optimized_by_prefetching
from strawberry_django.queryset import run_type_get_queryset

from backend.common.jsonrows import PLAIN_TYPES, JsonRows, decoded, python_value
from permissions.codenames import Action
from permissions.pii import sensitive_fields
from permissions.registry import policy_for
from schema.base.context import user_of
from schema.base.scoped import UNMASK_FLAG, PolicyScoped
from schema.base.selection import ChildSelection, child_selections

ROW_NUMBER = "zhili_row_number"
PARENT_UNMASK = "zhili_parent_unmask"  # may the user unmask the parent, and so its children
SCOPED = PolicyScoped.get_queryset.__func__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class ChildList:
    rel: models.ManyToOneRel
    rows: models.QuerySet  # the child type's rows of one parent (OuterRef), unordered
    order: list[Any]
    columns: list[models.Field]  # in the model's field order, as `from_db` takes them
    annotations: dict[str, models.Field]
    follows: bool  # scope and unmask are the parent's: decided on the parent's row

    @property
    def alias(self) -> str:
        return f"zhili_children_{self.rel.get_accessor_name()}"

    def expression(self) -> JsonRows:
        values: dict[str, F | Window] = {
            f"zhili_c{i}": F(field.attname) for i, field in enumerate(self.columns)
        }
        values |= {f"zhili_a{i}": F(name) for i, name in enumerate(self.annotations)}
        values[ROW_NUMBER] = Window(RowNumber(), order_by=self.order)
        return JsonRows(self.rows.values(**values), list(values))


def fetch_detail(info: Info, rows: models.QuerySet) -> models.Model:
    """The one row of `rows` — already limited to what the user may view — (DoesNotExist when
    none) with its selected child lists prefetched."""
    statement, lists = detail_statement(info, rows)
    return with_children(statement.get(), lists)


def detail_statement(info: Info, rows: models.QuerySet) -> tuple[models.QuerySet, list[ChildList]]:
    """`rows` with the selected child lists as JSON columns, and those lists."""
    lists = [child for child in map(_child_list, child_selections(info, rows.model)) if child]
    flagged = UNMASK_FLAG in rows.query.annotations  # the parent's own flag serves its children
    if not flagged and any(c.follows and sensitive_fields(c.rel.related_model) for c in lists):
        user = user_of(info)
        rows = policy_for(rows.model).annotate_may(rows, user, Action.UNMASK, PARENT_UNMASK)
    return rows.annotate(**{child.alias: child.expression() for child in lists}), lists


def with_children(row: models.Model, lists: list[ChildList]) -> models.Model:
    """The row of a `detail_statement`, its child lists served from its JSON columns."""
    for child in lists:
        _attach(row, child, decoded(row.__dict__.pop(child.alias)))
    return row


def _child_rows(selected: ChildSelection) -> tuple[models.QuerySet, bool]:
    """The child rows of the parent row (OuterRef), and whether they follow it. Rows whose policy
    follows the parent need no predicate: the parent's row is one the user may view, and their
    unmask flag is the parent's. Others get their type's queryset (scope and flag of their own)."""
    rel, model = selected.rel, selected.rel.related_model
    rows = model._default_manager.filter(**{rel.field.name: OuterRef("pk")})
    get_queryset = getattr(selected.child_type, "get_queryset", None)
    plain_scope = getattr(get_queryset, "__func__", None) is SCOPED
    if plain_scope and policy_for(model).follows(rel.field.name):
        return rows, True
    return run_type_get_queryset(rows, selected.child_type, selected.info), False


def _child_list(selected: ChildSelection) -> ChildList | None:
    rel, model = selected.rel, selected.rel.related_model
    rows, follows = _child_rows(selected)
    order = _row_order(rows, rel.field)
    if order is None:
        return None
    annotations = {name: expr.output_field for name, expr in rows.query.annotations.items()}
    if any(field.get_internal_type() not in PLAIN_TYPES for field in annotations.values()):
        return None
    needed = {*selected.attnames, model._meta.pk.attname, rel.field.attname}
    columns = [field for field in model._meta.concrete_fields if field.attname in needed]
    return ChildList(rel, rows.order_by(), order, columns, annotations, follows)


def _row_order(rows: models.QuerySet, parent_fk: models.Field) -> list[Any] | None:
    """The rows' ordering (explicit, else the model's), with the pk as the last tie-breaker; None
    when it orders through another model, which the JSON rows cannot reproduce."""
    query, meta = rows.query, rows.model._meta
    ordering = list(query.order_by) or (list(meta.ordering) if query.default_ordering else [])
    kept = []
    for item in ordering:
        name = item.lstrip("-") if isinstance(item, str) else None
        if name in (parent_fk.name, parent_fk.attname):
            continue  # one parent: the same for every row
        if name is not None and not _local_column(meta, name, query.annotations):
            return None
        kept.append(item)
    last = kept[-1] if kept else None
    return kept if last in ("pk", rows.model._meta.pk.name) else [*kept, "pk"]


def _local_column(meta: Any, name: str, annotations: dict[str, Any]) -> bool:
    if name == "pk" or name in annotations:
        return True
    field = next((f for f in meta.concrete_fields if name in (f.name, f.attname)), None)
    return field is not None and not field.is_relation


def _attach(parent: models.Model, child: ChildList, rows: list[list[Any]]) -> None:
    """Serve `parent.<children>.all()` from `rows`, as a prefetch would."""
    connection = connections[parent._state.db or "default"]
    built = [_instance(parent, child, row, connection) for row in sorted(rows, key=lambda r: r[-1])]
    manager = getattr(parent, child.rel.get_accessor_name())
    queryset = manager.get_queryset()
    queryset._result_cache, queryset._prefetch_done = built, True
    mark_optimized_by_prefetching(queryset)  # strawberry-django: do not filter it again
    cache = parent.__dict__.setdefault("_prefetched_objects_cache", {})
    cache[child.rel.field.remote_field.cache_name] = queryset


def _instance(parent: models.Model, child: ChildList, row: list[Any], connection: Any) -> Any:
    values = [python_value(f, raw, connection) for f, raw in zip(child.columns, row, strict=False)]
    attnames = [field.attname for field in child.columns]
    obj = child.rel.related_model.from_db(parent._state.db, attnames, values)
    flags = row[len(child.columns) : -1]
    for (name, field), raw in zip(child.annotations.items(), flags, strict=True):
        setattr(obj, name, python_value(field, raw, connection))
    child.rel.field.set_cached_value(obj, parent)  # its scope and audit area need no query
    if child.follows and sensitive_fields(obj):
        flag = parent.__dict__.get(PARENT_UNMASK, getattr(parent, UNMASK_FLAG, False))
        setattr(obj, UNMASK_FLAG, flag)
    return obj
