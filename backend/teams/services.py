"""Writes of team members: create, update, deactivate."""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.areas.models import Area
from backend.codes.models import Code, Table
from backend.common.services import model_update
from backend.org.models import Unit
from backend.teams.models import TeamMember

MEMBER_EDITABLE = ("name", "team_kind", "unit", "area", "user", "phone", "title", "is_mediator")


def _check_specialties(specialties: Iterable[Code]) -> list[Code]:
    codes = list(specialties)
    if any(code.table.key != Table.EVENT_TYPE for code in codes):
        raise ValidationError({"specialties": _("擅长纠纷类型须为事件类型代码")})
    return codes


@transaction.atomic
def team_member_create(
    *,
    name: str,
    team_kind: str,
    unit: Unit,
    area: Area,
    phone: str,
    title: str = "",
    user: User | None = None,
    is_mediator: bool = False,
    specialties: Iterable[Code] = (),
) -> TeamMember:
    codes = _check_specialties(specialties)
    member = TeamMember(
        name=name,
        team_kind=team_kind,
        unit=unit,
        area=area,
        phone=phone,
        title=title,
        user=user,
        is_mediator=is_mediator,
    )
    member.full_clean()
    member.save()
    member.specialties.set(codes)
    return member


@transaction.atomic
def team_member_update(*, member: TeamMember, data: dict[str, Any]) -> TeamMember:
    """Partial update; `specialties` (a list of EventType codes) replaces the current set."""
    data = dict(data)
    codes = _check_specialties(data.pop("specialties")) if "specialties" in data else None
    member = TeamMember.objects.select_for_update().get(pk=member.pk)
    if not member.active:
        raise ValidationError(_("该成员已离岗，不能修改"))
    model_update(instance=member, fields=MEMBER_EDITABLE, data=data)
    if codes is not None:
        member.specialties.set(codes)
    return member


@transaction.atomic
def team_member_deactivate(*, member: TeamMember) -> TeamMember:
    """Take a member off duty; they stay on past disputes but can no longer be assigned."""
    member = TeamMember.objects.select_for_update().get(pk=member.pk)
    if not member.active:
        raise ValidationError(_("该成员已离岗"))
    member.active = False
    member.save(update_fields=["active", "updated_at"])
    return member
