import strawberry_django
from strawberry import auto

from backend.org.models import Unit
from schema.areas.types import AreaType


@strawberry_django.type(
    Unit, name="Unit", description="单位（成员单位、综治中心、派出所、司法所……）"
)
class UnitType:
    id: auto
    code: auto
    name: auto
    short_name: auto
    kind: auto
    is_active: auto
    area: AreaType
