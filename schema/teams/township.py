"""一轴八员 coordination: a township's eight teams, their members on duty and each member's load."""

import strawberry
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from strawberry.types import Info

from backend.areas.models import Area, Level
from backend.areas.selectors import within
from backend.disputes.models.choices import OPEN_STATUSES
from backend.teams.models import TeamKind, TeamMember
from permissions.codenames import Action
from permissions.registry import policy_for
from schema.areas.lookup import area_by_code
from schema.base.context import user_of
from schema.teams.types import TeamMemberType

LOAD = "zhili_open_disputes"


@strawberry.type(name="TeamMemberLoad", description="队伍成员及其当前承办的未结纠纷数")
class TeamMemberLoadType:
    member: TeamMemberType
    open_disputes: int = strawberry.field(description="已指派给该成员、尚未调解终结的纠纷数")


@strawberry.type(name="TownshipTeam", description="一轴八员中的一支队伍")
class TownshipTeamType:
    kind: str = strawberry.field(description="队伍代码，如 police_station")
    label: str = strawberry.field(description="队伍名称，如 派出所")
    members: list[TeamMemberLoadType]


def township_teams(info: Info, area_code: str) -> list[TownshipTeamType]:
    """Three statements whatever the township's size: the area, the user's grants, the members
    with their counts (one GROUP BY). The eight teams are listed even when a team has nobody on duty."""
    try:
        township = area_by_code(area_code)
    except ValidationError:
        return []
    user = user_of(info)
    if township.level != Level.TOWNSHIP or not policy_for(TeamMember).may_on(
        user, Action.VIEW, TeamMember(area=township)
    ):
        return []
    members = _members(info, township)
    return [
        TownshipTeamType(
            kind=kind.value,
            label=str(kind.label),
            members=[
                TeamMemberLoadType(member=m, open_disputes=getattr(m, LOAD))  # type: ignore[arg-type]
                for m in members
                if m.team_kind == kind
            ],
        )
        for kind in TeamKind
    ]


def _members(info: Info, township: Area) -> list[TeamMember]:
    queryset = TeamMember.objects.filter(within(township), active=True)
    queryset = TeamMemberType.get_queryset(queryset, info)  # policy scope and the unmask flag
    open_disputes = Count("disputes", filter=Q(disputes__status__in=OPEN_STATUSES), distinct=True)
    return list(
        queryset.select_related("unit__area", "area")
        .annotate(**{LOAD: open_disputes})
        .order_by("team_kind", "name")
    )
