import pytest
from django.core.exceptions import ValidationError

from backend.org.models import Unit, UnitKind
from backend.org.services import unit_create, unit_deactivate

pytestmark = pytest.mark.django_db


def test_a_deactivated_unit_stays_on_record_but_inactive(suning):
    unit = unit_create(code="SN-MZJ", name="肃宁县民政局", kind=UnitKind.MEMBER_UNIT, area=suning)
    unit_deactivate(unit=unit)
    assert Unit.objects.get(pk=unit.pk).is_active is False
    with pytest.raises(ValidationError, match="该单位已停用"):
        unit_deactivate(unit=unit)


def test_a_unit_with_active_children_is_not_deactivated(suning, suning_town):
    parent = unit_create(code="SN-SFJ", name="肃宁县司法局", kind=UnitKind.MEMBER_UNIT, area=suning)
    unit_create(
        code="SN-SFS",
        name="肃宁镇司法所",
        kind=UnitKind.JUDICIAL_OFFICE,
        area=suning_town,
        parent=parent,
    )
    with pytest.raises(ValidationError, match="启用中的下级单位"):
        unit_deactivate(unit=parent)
    assert Unit.objects.get(pk=parent.pk).is_active is True
