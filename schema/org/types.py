from datetime import datetime

import strawberry_django
from strawberry import auto

from backend.accounts.roles import Role
from backend.org.models import Membership, Unit
from schema.areas.types import AreaType
from schema.base.fields import model_type
from schema.base.scoped import PolicyScoped


@model_type(Unit, name="Unit", description="单位（成员单位、综治中心、派出所、司法所……）")
class UnitType:
    id: auto
    code: auto
    name: auto
    short_name: auto
    kind: auto
    is_active: auto
    area: AreaType


@model_type(
    Membership,
    name="Membership",
    description="角色授权：用户在某区划范围内（代表某单位）担任某角色",
)
class MembershipType(PolicyScoped):
    id: auto
    scope: AreaType
    unit: UnitType | None
    created_at: datetime

    @strawberry_django.field(only=["role__name"], select_related=["role"], description="角色代码")
    def role(self, root: Membership) -> str:
        return root.role.name.removeprefix("role:")

    @strawberry_django.field(only=["role__name"], select_related=["role"], description="角色名称")
    def role_label(self, root: Membership) -> str:
        code = root.role.name.removeprefix("role:")
        return str(Role(code).label) if code in Role.values else code

    @strawberry_django.field(only=["user__username"], select_related=["user"], description="账号")
    def username(self, root: Membership) -> str:
        return root.user.username

    @strawberry_django.field(
        only=["user__full_name"], select_related=["user"], description="用户姓名"
    )
    def user_full_name(self, root: Membership) -> str:
        return root.user.full_name
