"""The unit a civil-affairs user acts for on a case: one of the user's own units whose jurisdiction
holds the case's village, at the level the step needs."""

from django.core.exceptions import ValidationError
from strawberry.types import Info

from backend.areas.models import Level
from backend.assistance.models import SubsidyCase
from backend.org.models import Unit
from permissions.grants import grants_of
from schema.base.context import user_of

STEP_LEVEL = {"township": Level.TOWNSHIP, "county": Level.COUNTY, "any": None}
NO_UNIT = {
    "township": "您没有该村（社区）所属乡镇的单位，不能办理乡镇审核",
    "county": "您没有该村（社区）所属县（市、区）的单位，不能办理县级审批",
    "any": "您没有该村（社区）所属乡镇或县（市、区）的单位，不能办理",
}


def acting_unit(info: Info, case: SubsidyCase, step: str) -> Unit:
    """The nearest of the user's units above the village (township before county) that fits."""
    mine = {grant.unit_id for grant in grants_of(user_of(info)) if grant.unit_id}
    units = Unit.objects.filter(pk__in=mine, area__level__gt=Level.CITY).select_related("area")
    for unit in units.order_by("-area__level", "pk"):
        low, high = unit.area.subtree_range()
        level = STEP_LEVEL[step]
        if low <= case.area_id <= high and level in (None, unit.area.level):
            return unit
    raise ValidationError({"unit": NO_UNIT[step]})
