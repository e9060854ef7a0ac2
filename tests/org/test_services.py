import pytest
from django.core.exceptions import ValidationError

from backend.accounts.roles import Role
from backend.accounts.services import user_create
from backend.org.models import Membership, Unit, UnitKind
from backend.org.services import membership_grant, membership_revoke, unit_create, unit_update

pytestmark = pytest.mark.django_db


def make_unit(area, code="SN-SFS", name="肃宁县司法局", kind=UnitKind.MEMBER_UNIT) -> Unit:
    return unit_create(code=code, name=name, kind=kind, area=area)


def test_unit_create_makes_its_permission_group(suning):
    unit = make_unit(suning)
    assert unit.group.name == "unit:SN-SFS"
    assert unit.group.unit == unit


def test_unit_code_is_unique_and_nothing_is_written_twice(suning):
    make_unit(suning)
    with pytest.raises(ValidationError) as error:
        make_unit(suning, name="另一个单位")
    assert "单位编码已存在" in str(error.value)
    assert Unit.objects.count() == 1


def test_unit_create_rejects_an_unknown_kind_and_writes_nothing(suning):
    with pytest.raises(ValidationError) as error:
        make_unit(suning, kind="bakery")
    assert "kind" in error.value.message_dict
    assert not Unit.objects.exists()
    assert not unit_group_exists("unit:SN-SFS")


def unit_group_exists(name: str) -> bool:
    from django.contrib.auth.models import Group

    return Group.objects.filter(name=name).exists()


def test_unit_update_changes_only_whitelisted_fields(suning):
    unit = make_unit(suning)
    unit_update(unit=unit, data={"short_name": "司法局"})
    assert Unit.objects.get(pk=unit.pk).short_name == "司法局"
    with pytest.raises(ValidationError, match="不可修改的字段"):
        unit_update(unit=unit, data={"code": "X"})


def test_membership_grant_joins_the_unit_group_and_revoke_leaves_it(suning, suning_town):
    unit = make_unit(suning)
    user = user_create(username="zhang", password="Zl-demo-2026!", full_name="张伟")
    first = membership_grant(user=user, role=Role.UNIT_HANDLER, scope=suning, unit=unit)
    second = membership_grant(user=user, role=Role.MEDIATOR, scope=suning_town, unit=unit)
    assert user.groups.filter(pk=unit.group.pk).exists()
    membership_revoke(membership=first)
    assert user.groups.filter(pk=unit.group.pk).exists()
    membership_revoke(membership=second)
    assert not user.groups.filter(pk=unit.group.pk).exists()


def test_membership_scope_must_lie_in_the_unit_jurisdiction(suning, xianxian):
    unit = make_unit(suning)
    user = user_create(username="li", password="Zl-demo-2026!")
    with pytest.raises(ValidationError, match="授权范围超出了单位的管辖区划"):
        membership_grant(user=user, role=Role.UNIT_HANDLER, scope=xianxian, unit=unit)
    assert not Membership.objects.exists()


def test_membership_grant_is_idempotent(suning):
    user = user_create(username="wang", password="Zl-demo-2026!")
    membership_grant(user=user, role=Role.COUNTY_CENTRE, scope=suning)
    membership_grant(user=user, role=Role.COUNTY_CENTRE, scope=suning)
    assert Membership.objects.filter(user=user).count() == 1


def test_unknown_role_is_a_validation_error(suning):
    user = user_create(username="zhao", password="Zl-demo-2026!")
    with pytest.raises(ValidationError, match="角色不存在"):
        membership_grant(user=user, role="emperor", scope=suning)
