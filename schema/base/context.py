from typing import Any

from django.core.exceptions import ValidationError
from strawberry.types import Info

from backend.accounts.models import User


def user_of(info: Info) -> User:
    return info.context.request.user


def parse_id(value: Any, field: str = "id") -> int:
    """IDs are validated at the edge: a non-numeric id is a clear input error, never a server error."""
    text = str(value).strip()
    if not text.isdigit() or len(text) > 18:
        raise ValidationError({field: "编号格式不正确"}, code="invalid_id")
    return int(text)
