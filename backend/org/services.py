"""Writes of units and role grants."""

from typing import Any

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from backend.accounts.models import User, role_group
from backend.areas.models import Area
from backend.common.services import model_update
from backend.org.models import Membership, Unit

UNIT_EDITABLE = ("name", "short_name", "kind", "parent", "area", "is_active")


@transaction.atomic
def unit_create(*, code: str, name: str, kind: str, area: Area, **extra: Any) -> Unit:
    """Create a unit together with the group that receives its object permissions."""
    if Unit.objects.filter(code=code).exists():
        raise ValidationError({"code": _("单位编码已存在")})
    unit = Unit(
        code=code, name=name, kind=kind, area=area, group=Group(name=f"unit:{code}"), **extra
    )
    unit.full_clean(exclude=["group"])
    unit.group.save()
    unit.group = unit.group  # re-bind so the FK column picks up the saved group's id
    unit.save()
    return unit


@transaction.atomic
def unit_update(*, unit: Unit, data: dict[str, Any]) -> Unit:
    return model_update(instance=unit, fields=UNIT_EDITABLE, data=data)[0]


@transaction.atomic
def unit_deactivate(*, unit: Unit) -> Unit:
    """Retire a unit: its history (assigned items, members, grants) stays, it gets no new work."""
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    if not unit.is_active:
        raise ValidationError(_("该单位已停用"))
    if unit.children.filter(is_active=True).exists():
        raise ValidationError(_("该单位还有启用中的下级单位，请先停用下级单位"))
    unit.is_active = False
    unit.save(update_fields=["is_active", "updated_at"])
    return unit


@transaction.atomic
def membership_grant(*, user: User, role: str, scope: Area, unit: Unit | None = None) -> Membership:
    """Give `user` the role over `scope`; a unit grant also makes them a member of the unit's group."""
    try:
        group = role_group(role)
    except Group.DoesNotExist:
        raise ValidationError({"role": _("角色不存在")}) from None
    if unit is not None and not _contains(unit.area, scope):
        raise ValidationError({"scope": _("授权范围超出了单位的管辖区划")})
    membership, _created = Membership.objects.get_or_create(
        user=user, role=group, scope=scope, unit=unit
    )
    if unit is not None:
        user.groups.add(unit.group)
    return membership


@transaction.atomic
def membership_revoke(*, membership: Membership) -> None:
    """Remove a grant; the user leaves the unit's group when no other grant ties them to the unit."""
    membership.delete()
    unit, user = membership.unit, membership.user
    if unit is not None and not user.memberships.filter(unit=unit).exists():
        user.groups.remove(unit.group)


def _contains(outer: Area, inner: Area) -> bool:
    low, high = outer.subtree_range()
    return low <= inner.code <= high
