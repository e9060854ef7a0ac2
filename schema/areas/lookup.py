"""Areas named by their 12-digit code in inputs ("130926100000")."""

from django.core.exceptions import ValidationError

from backend.areas.models import Area
from schema.base.context import parse_id


def area_by_code(code: str, field: str = "area_code") -> Area:
    """The area `code`; an unknown or malformed code is a Chinese error on `field`."""
    area = Area.objects.filter(code=parse_id(code, field)).first()
    if area is None:
        raise ValidationError({field: "区划代码不存在"}, code="invalid_area")
    return area
