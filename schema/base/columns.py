"""Which model columns a strawberry-django field reads, when that is all it reads."""

from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from graphql import GraphQLField
from strawberry_django.fields.field import StrawberryDjangoField


def own_columns(field: Any, model: Any) -> list[str] | None:
    """The columns a resolver of the row declares (`only`) and reads — with the primary key, which
    every instance carries — when it needs nothing else (no info, arguments or relations)."""
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
    names = [model._meta.pk.attname] + [f.attname for f in fields]
    return list(dict.fromkeys(names))


def plain_column(field_def: GraphQLField, model: Any) -> Any:
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
