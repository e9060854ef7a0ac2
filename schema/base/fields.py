"""The field class of every model type: a column or a loaded foreign key resolves as an attribute
read, and the optimizer works without wrapping every field.

strawberry-django resolves each field through its own resolver (an Info object, arguments, the
extension chain, then a cache lookup on the row): on a page of 50 that is 700 resolver calls.
A column that is not a file, or a forward foreign key, with no resolver, arguments or extensions,
is a "basic" field to strawberry, which then reads the attribute directly — the foreign key's row
comes from the optimizer's select_related, as it would on the full path. Reverse relations,
computed and masked fields keep the full path, with the policy's queryset."""

from typing import Any

import strawberry_django
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from strawberry.extensions import SchemaExtension
from strawberry_django.fields.field import StrawberryDjangoField
from strawberry_django.optimizer import DjangoOptimizerExtension

from schema.base import projection


class ModelField(StrawberryDjangoField):
    @property
    def is_basic_field(self) -> bool:
        return self._attribute() is not None

    def get_result(self, source: Any, info: Any, args: list[Any], kwargs: dict[str, Any]) -> Any:
        if info is None and source is not None:  # strawberry's basic path (is_basic_field)
            return getattr(source, self._read)
        return super().get_result(source, info, args, kwargs)

    def _attribute(self) -> str | None:
        if self.base_resolver or self.extensions or self.permission_classes:
            return None
        definition = self.origin_django_type
        if definition is None or definition.is_input:
            return None
        try:
            field = definition.model._meta.get_field(self.django_name or self.python_name)
        except FieldDoesNotExist:
            return None
        self._read: str = _readable(field) or ""
        return self._read or None


def _readable(field: Any) -> str | None:
    if not field.concrete or isinstance(field, models.FileField):
        return None
    if field.is_relation:
        return field.name if field.many_to_one else None  # the related row, not its id
    return field.attname


def model_type(model: type[models.Model], **options: Any) -> Any:
    """`strawberry_django.type` with `ModelField` as the class of its fields."""
    return strawberry_django.type(model, field_cls=ModelField, **options)


class Optimizer(DjangoOptimizerExtension):
    """strawberry-django's optimizer without its per-field middleware: the querysets of
    strawberry-django fields are optimized where they are resolved (`get_queryset_hook`), and
    the middleware, which would also see every other field, is the costliest part of a page."""

    resolve = SchemaExtension.resolve  # type: ignore[assignment]

    def optimize(self, qs: Any, info: Any, **options: Any) -> Any:
        if (
            projection.results_plan(info) is not None
        ):  # the page is read by values_list: nothing to load
            return qs
        return super().optimize(qs, info, **options)
