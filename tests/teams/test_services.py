import pytest
from django.core.exceptions import ValidationError

from backend.areas.models import Area
from backend.codes.models import Code, Table
from backend.org.models import UnitKind
from backend.org.services import unit_create
from backend.teams.models import TeamMember
from backend.teams.services import team_member_create, team_member_deactivate, team_member_update

pytestmark = pytest.mark.django_db


def test_create_a_mediator_with_specialties(member_values, homestead):
    member = team_member_create(**member_values, specialties=[homestead])
    assert list(member.specialties.all()) == [homestead]
    assert member.active and member.is_mediator
    assert str(member) == "张建国（司法所）"


def test_a_village_member_of_a_township_body_is_fine(member_values, suning_town):
    village = Area.objects.filter(parent=suning_town).first()
    assert team_member_create(**{**member_values, "area": village}).area == village


def test_member_area_must_lie_in_the_unit_jurisdiction(member_values, xianxian):
    other_town = Area.objects.filter(parent=xianxian).first()
    with pytest.raises(ValidationError) as error:
        team_member_create(**{**member_values, "area": other_town})
    assert error.value.message_dict["area"] == ["成员的服务区划须在所在单位的管辖区划之内"]
    assert not TeamMember.objects.exists()


def test_member_area_must_be_a_township_or_village(member_values, suning):
    unit = unit_create(
        code="SF-130926", name="肃宁县司法局", kind=UnitKind.JUDICIAL_OFFICE, area=suning
    )
    with pytest.raises(ValidationError) as error:
        team_member_create(**{**member_values, "unit": unit, "area": suning})
    assert error.value.message_dict["area"] == ["队伍成员的服务区划须为乡镇（街道）或村（社区）"]


def test_unit_kind_must_fit_the_team(member_values):
    with pytest.raises(ValidationError) as error:
        team_member_create(**{**member_values, "team_kind": "police_station"})
    assert error.value.message_dict["unit"] == ["所在单位的类别与队伍不符"]
    assert not TeamMember.objects.exists()


def test_phone_is_validated_without_echoing_it(member_values):
    with pytest.raises(ValidationError) as error:
        team_member_create(**{**member_values, "phone": "12345"})
    assert "phone" in error.value.message_dict
    assert "12345" not in str(error.value)
    assert not TeamMember.objects.exists()


def test_specialties_must_be_event_types_and_nothing_is_written(member_values):
    scale = Code.objects.get(table__key=Table.EVENT_SCALE, code="01")
    with pytest.raises(ValidationError) as error:
        team_member_create(**member_values, specialties=[scale])
    assert error.value.message_dict["specialties"] == ["擅长纠纷类型须为事件类型代码"]
    assert not TeamMember.objects.exists()


def test_update_changes_fields_and_replaces_specialties(member_values, homestead):
    member = team_member_create(**member_values, specialties=[homestead])
    neighbours = Code.objects.get(table__key=Table.EVENT_TYPE, code="0201")
    team_member_update(member=member, data={"title": "司法所所长", "specialties": [neighbours]})
    member.refresh_from_db()
    assert member.title == "司法所所长"
    assert list(member.specialties.all()) == [neighbours]


def test_update_validates_and_rejects_unknown_fields(member_values):
    member = team_member_create(**member_values)
    with pytest.raises(ValidationError, match="不可修改的字段"):
        team_member_update(member=member, data={"active": False})
    with pytest.raises(ValidationError):
        team_member_update(member=member, data={"phone": "abc"})
    member.refresh_from_db()
    assert member.phone == "13831700001" and member.active


def test_deactivate_once_then_no_more_changes(member_values):
    member = team_member_create(**member_values)
    assert team_member_deactivate(member=member).active is False
    with pytest.raises(ValidationError, match="该成员已离岗"):
        team_member_deactivate(member=member)
    with pytest.raises(ValidationError, match="该成员已离岗，不能修改"):
        team_member_update(member=member, data={"title": "所长"})
