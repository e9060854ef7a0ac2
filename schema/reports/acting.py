"""Who acts on a report, and on behalf of which unit."""

from django.core.exceptions import ValidationError
from strawberry.types import Info

from backend.areas.models import Area, Level
from backend.org.models import Unit, UnitKind
from backend.reports.models import Report
from permissions.codenames import Action
from permissions.grants import grants_of
from permissions.policy import NotFound
from schema.base.context import parse_id, user_of
from schema.base.loading import load


def user_units(info: Info) -> set[int]:
    """The units the user acts for (their role grants; an API token narrows them)."""
    return {grant.unit_id for grant in grants_of(user_of(info)) if grant.unit_id}


def load_held(info: Info, value: object) -> tuple[Report, Unit]:
    """The report and the user's unit holding it; a report held by another unit is "not found"."""
    report = load(info, Report, value, Action.CHANGE)
    if report.current_unit is None or report.current_unit_id not in user_units(info):
        raise NotFound(f"{Report._meta.verbose_name}不存在")
    return report, report.current_unit


def load_overseen(info: Info, value: object, action: str) -> Report:
    """A report the user changes as its overseer: the holding unit cannot decide on itself."""
    report = load(info, Report, value, Action.CHANGE)
    if report.current_unit_id in user_units(info):
        raise ValidationError(f"承办单位不能{action}本单位办理的事项", code="holder")
    return report


def load_evaluable(info: Info, value: object) -> Report:
    """The resident evaluates their own report; staff who may change it record an evaluation."""
    try:
        return load(info, Report, value, Action.CHANGE)
    except NotFound:
        report = load(info, Report, value)
        if report.reporter_id != user_of(info).pk:
            raise
        return report


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
