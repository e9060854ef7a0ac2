"""Role grants: list, grant and revoke — never wider than the granter's own grants."""

import strawberry
import strawberry_django
from django.core.exceptions import PermissionDenied, ValidationError
from strawberry.types import Info

from backend.accounts.models import User
from backend.accounts.roles import Role
from backend.areas.models import Area
from backend.org.models import Membership, Unit
from backend.org.services import membership_grant, membership_revoke
from permissions.codenames import Action
from permissions.delegation import may_delegate
from permissions.policy import NotFound
from schema.areas.lookup import area_by_code
from schema.base.context import parse_id, user_of
from schema.base.inputs import IdInput
from schema.base.kept import offset_paginated
from schema.base.loading import load, require
from schema.base.pages import OffsetPaginated
from schema.org.filters import MembershipFilter, MembershipOrder
from schema.org.inputs import GrantMembershipInput
from schema.org.types import MembershipType

BEYOND_OWN = "授权不能超出本人的角色和范围"


@strawberry.type
class MembershipQuery:
    memberships: OffsetPaginated[MembershipType] = offset_paginated(
        filters=MembershipFilter,
        ordering=MembershipOrder,
        description="角色授权列表（仅本人权限范围内）",
    )

    @strawberry_django.field(description="一条角色授权；不存在或无权查看时为 null")
    def membership(self, info: Info, id: strawberry.ID) -> MembershipType | None:
        try:
            return load(info, Membership, id)  # type: ignore[return-value]
        except (NotFound, ValidationError):
            return None


@strawberry.type
class MembershipMutation:
    @strawberry_django.mutation(
        handle_django_errors=True, description="授予角色（不能超出本人的角色和范围）"
    )
    def grant_membership(self, info: Info, data: GrantMembershipInput) -> MembershipType:
        if data.role not in Role.values:
            raise ValidationError({"role": "角色不存在"})
        scope = area_by_code(data.scope_code, "scope_code")
        unit = load(info, Unit, data.unit_id, field="unit_id") if data.unit_id else None
        require(info, Action.ADD, Membership(scope=scope))
        _check_delegation(info, data.role, scope, unit)
        user = _user(data.username)
        return membership_grant(user=user, role=data.role, scope=scope, unit=unit)  # type: ignore[return-value]

    @strawberry_django.mutation(
        handle_django_errors=True, description="收回角色（只能收回本人可以授予的授权）"
    )
    def revoke_membership(self, info: Info, data: IdInput) -> MembershipType:
        membership = load(info, Membership, data.id, Action.DELETE)
        role = membership.role.name.removeprefix("role:")
        _check_delegation(info, role, membership.scope, membership.unit)
        membership_revoke(membership=membership)
        membership.pk = parse_id(data.id)  # the revoked grant is returned as it was
        return membership  # type: ignore[return-value]


def _check_delegation(info: Info, role: str, scope: Area, unit: Unit | None) -> None:
    if not may_delegate(user_of(info), role=role, scope=scope, unit=unit):
        raise PermissionDenied(BEYOND_OWN)


def _user(username: str) -> User:
    user = User.objects.filter(username=username.strip(), is_active=True).first()
    if user is None:
        raise ValidationError({"username": "账号不存在或已停用"})
    return user
