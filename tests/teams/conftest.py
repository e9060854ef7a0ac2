import pytest

from backend.codes.models import Code, Table
from backend.org.models import Unit, UnitKind
from backend.org.services import unit_create


@pytest.fixture
def judicial_office(suning_town) -> Unit:
    return unit_create(
        code="SFS-130926100", name="肃宁镇司法所", kind=UnitKind.JUDICIAL_OFFICE, area=suning_town
    )


@pytest.fixture
def homestead(db) -> Code:
    return Code.objects.get(table__key=Table.EVENT_TYPE, code="0902")


@pytest.fixture
def member_values(judicial_office, suning_town) -> dict:
    return {
        "name": "张建国",
        "team_kind": "judicial_office",
        "unit": judicial_office,
        "area": suning_town,
        "phone": "13831700001",
        "title": "司法助理员",
        "is_mediator": True,
    }
