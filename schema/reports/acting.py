"""Who acts on a report, and on behalf of which unit."""

from django.core.exceptions import ValidationError

from backend.areas.models import Area, Level
from backend.org.models import Unit, UnitKind
from schema.base.context import parse_id


def area_by_code(code: str, field: str = "area_code") -> Area:
    area = Area.objects.filter(code=parse_id(code, field)).first()
    if area is None:
        raise ValidationError({field: "区划代码不存在"})
    return area


def township_centre(area: Area) -> Unit:
    """The governance centre of the township (街道) the area belongs to."""
    if area.level not in (Level.TOWNSHIP, Level.VILLAGE):
        raise ValidationError({"area_code": "事项所在区划必须是乡镇（街道）或村（社区）"})
    township = area if area.level == Level.TOWNSHIP else area.parent
    centre = Unit.objects.filter(
        area=township, kind=UnitKind.GOVERNANCE_CENTRE, is_active=True
    ).first()
    if centre is None:
        raise ValidationError({"centre_id": "该乡镇（街道）没有综治中心，请指定受理单位"})
    return centre
