"""Sensitive fields: masked unless the row says the user may unmask it; unmasked reads are audited
(collected per operation, see schema.base.extensions)."""

from typing import Any

import strawberry_django
from strawberry.types import Info

from permissions.pii import record_unmasked, sensitive_fields
from schema.base.context import user_of
from schema.base.scoped import UNMASK_FLAG


def sensitive(name: str, description: str = "") -> Any:
    """A string field shown unmasked only to users who may unmask the record."""

    def resolve(root: Any, info: Info) -> str:
        value = str(getattr(root, name) or "")
        if not value:
            return value
        if getattr(root, UNMASK_FLAG, False):
            record_unmasked(user_of(info), root, [name])
            return value
        return sensitive_fields(root)[name](value)

    return strawberry_django.field(resolver=resolve, only=[name], description=description or None)
