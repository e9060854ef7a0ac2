"""What a partial update must validate again. A foreign key or a unique column left as it was can
only fail the database's own constraints, which already hold for the stored row; re-checking them
costs a SELECT each (full_clean asks whether the referenced row exists, whether the value is still
unique). A field a constraint ties to a changed field is checked with it."""

from collections.abc import Iterable

from django.db import models
from django.db.models import CheckConstraint, UniqueConstraint
from django.db.models.options import Options


def settled_fields(instance: models.Model, changed: Iterable[str]) -> list[str]:
    """The fields `full_clean(exclude=…)` may skip after `changed` were set on `instance`."""
    meta, changed = instance._meta, set(changed)
    groups = _constraint_groups(meta)
    if groups is None:
        return []
    tied = {name for group in groups if group & changed for name in group}
    return [
        field.name
        for field in meta.concrete_fields
        if field.name not in changed | tied and (field.is_relation or field.unique)
    ]


def _constraint_groups(meta: Options) -> list[set[str]] | None:
    """The fields of each unique or check constraint; None when one cannot be read as fields."""
    groups = [set(fields) for fields in meta.unique_together]
    for constraint in meta.constraints:
        if isinstance(constraint, UniqueConstraint) and constraint.fields:
            groups.append(set(constraint.fields) | _condition_fields(constraint.condition))
        elif isinstance(constraint, CheckConstraint):
            groups.append(_condition_fields(constraint.condition))
        else:
            return None
    return groups


def _condition_fields(condition: object) -> set[str]:
    return set(getattr(condition, "referenced_base_fields", ())) if condition is not None else set()
