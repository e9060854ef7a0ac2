"""Filter pieces every entity shares: the area subtree and the text search."""

from django.db.models import Q
from graphql import GraphQLError
from strawberry.utils.str_converters import to_camel_case

from backend.areas.models import Area, Level, subtree_range


def within_q(code: str, prefix: str, field: str = "area") -> Q:
    """Rows whose area lies under the area `code` (12 digits): one range on the area column."""
    text = str(code).strip()
    area = (
        Area.objects.filter(code=int(text)).values_list("level", flat=True).first()
        if text.isdigit()
        else None
    )
    if area is None:
        raise GraphQLError("区划代码不存在", extensions={"field": "area", "code": "invalid_area"})
    low, high = subtree_range(int(text), Level(area))
    return Q(**{f"{prefix}{field}__gte": low, f"{prefix}{field}__lte": high})


def search_q(value: str, prefix: str, fields: tuple[str, ...]) -> Q:
    """Every word must match one of `fields` (case-insensitive contains)."""
    condition = Q()
    for word in value.split()[:5]:
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{prefix}{field}__icontains": word})
        condition &= any_field
    return condition


def id_q(value: object, prefix: str, field: str) -> Q:
    """An exact match on a foreign key given as an ID; a malformed id is a readable input error."""
    text = str(value).strip()
    if not text.isdigit() or len(text) > 18:
        raise GraphQLError(
            "编号格式不正确", extensions={"field": to_camel_case(field), "code": "invalid_id"}
        )
    return Q(**{f"{prefix}{field}_id": int(text)})
