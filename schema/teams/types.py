from strawberry import auto

from backend.teams.models import TeamMember
from schema.areas.types import AreaType
from schema.base.fields import model_type
from schema.base.masking import sensitive
from schema.base.scoped import PolicyScoped
from schema.org.types import UnitType


@model_type(TeamMember, name="TeamMember", description="一轴八员队伍成员（含调解员）")
class TeamMemberType(PolicyScoped):
    id: auto
    name: auto
    team_kind: auto
    title: auto
    is_mediator: auto
    active: auto
    unit: UnitType
    area: AreaType
    phone: str = sensitive("phone", "联系电话（无权限时脱敏）")
