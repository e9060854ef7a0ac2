"""Team members of 一轴八员: list, detail, create / update / deactivate, and the township board."""

from typing import Any

import strawberry
import strawberry_django
from django.core.exceptions import ValidationError
from strawberry.types import Info

from backend.codes.models import Code, Table
from backend.org.models import Unit
from backend.teams.models import TeamMember
from backend.teams.services import team_member_create, team_member_deactivate, team_member_update
from permissions.codenames import Action
from permissions.policy import NotFound
from schema.areas.lookup import area_by_code
from schema.base.inputs import IdInput, changes_of
from schema.base.kept import offset_paginated
from schema.base.loading import load, require
from schema.base.pages import OffsetPaginated
from schema.teams.filters import TeamMemberFilter, TeamMemberOrder
from schema.teams.inputs import TeamMemberCreateInput, TeamMemberUpdateInput
from schema.teams.township import TownshipTeamType, township_teams
from schema.teams.types import TeamMemberType


@strawberry.type
class TeamsQuery:
    team_members: OffsetPaginated[TeamMemberType] = offset_paginated(
        filters=TeamMemberFilter,
        ordering=TeamMemberOrder,
        description="一轴八员队伍成员列表（仅本人权限范围内）",
    )

    @strawberry_django.field(description="一名队伍成员；不存在或无权查看时为 null")
    def team_member(self, info: Info, id: strawberry.ID) -> TeamMemberType | None:
        try:
            return load(info, TeamMember, id)  # type: ignore[return-value]
        except (NotFound, ValidationError):
            return None

    @strawberry.field(
        description="一轴八员协同：乡镇的八支队伍、在岗成员及每人当前承办的未结纠纷数；"
        "区划不存在、不是乡镇或无权查看时为空列表"
    )
    def township_teams(self, info: Info, area_code: str) -> list[TownshipTeamType]:
        return township_teams(info, area_code)


@strawberry.type
class TeamsMutation:
    @strawberry_django.mutation(handle_django_errors=True, description="新增队伍成员")
    def create_team_member(self, info: Info, data: TeamMemberCreateInput) -> TeamMemberType:
        fields = _references(info, vars(data))
        require(info, Action.ADD, TeamMember(area=fields["area"]))
        return team_member_create(**fields)  # type: ignore[return-value]

    @strawberry_django.mutation(handle_django_errors=True, description="修改队伍成员")
    def update_team_member(self, info: Info, data: TeamMemberUpdateInput) -> TeamMemberType:
        member = load(info, TeamMember, data.id, Action.CHANGE)
        changes = changes_of(data)
        changes = _references(info, changes)
        if "area" in changes:  # a member is never moved out of the editor's scope
            require(info, Action.CHANGE, TeamMember(area=changes["area"]))
        return team_member_update(member=member, data=changes)  # type: ignore[return-value]

    @strawberry_django.mutation(
        handle_django_errors=True,
        description="删除队伍成员：即设为离岗（记录保留在以往的纠纷中，不能再被指派）",
    )
    def delete_team_member(self, info: Info, data: IdInput) -> TeamMemberType:
        member = load(info, TeamMember, data.id, Action.DELETE)
        return team_member_deactivate(member=member)  # type: ignore[return-value]


def _references(info: Info, values: dict[str, Any]) -> dict[str, Any]:
    """Replace the ids and codes of the input by the objects they name (loaded through policies)."""
    fields = dict(values)
    if "unit_id" in fields:
        fields["unit"] = load(info, Unit, fields.pop("unit_id"), field="unit_id")
    if "area_code" in fields:
        fields["area"] = area_by_code(fields.pop("area_code"))
    if "specialty_codes" in fields:
        fields["specialties"] = _specialties(fields.pop("specialty_codes") or [])
    return fields


def _specialties(codes: list[str]) -> list[Code]:
    wanted = {code.strip() for code in codes}
    found = list(Code.objects.filter(table__key=Table.EVENT_TYPE, code__in=wanted))
    if len(found) != len(wanted):
        raise ValidationError({"specialty_codes": "擅长纠纷类型代码不存在"})
    return found
