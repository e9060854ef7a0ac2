from datetime import datetime

import strawberry

from backend.accounts.roles import Role
from permissions.grants import Grant


@strawberry.type(name="Grant", description="一条角色授权：在某区划范围内（代表某单位）担任某角色")
class GrantType:
    role: str
    role_label: str
    scope_code: str
    scope_name: str
    unit_id: strawberry.ID | None

    @classmethod
    def of(cls, grant: Grant) -> "GrantType":
        return cls(
            role=grant.role,
            role_label=str(Role(grant.role).label),
            scope_code=f"{grant.scope:012d}",
            scope_name=grant.scope_name,
            unit_id=strawberry.ID(str(grant.unit_id)) if grant.unit_id else None,
        )


@strawberry.type(
    name="Me", description="当前用户：授权与有效权限（界面据此显示操作，服务端仍做最终判断）"
)
class MeType:
    id: strawberry.ID
    username: str
    full_name: str
    is_superuser: bool
    grants: list[GrantType]
    permissions: list[str] = strawberry.field(description="形如 disputes.dispute:view 的有效权限")


@strawberry.type(name="ApiToken", description="API 令牌（不含密钥）")
class ApiTokenType:
    id: strawberry.ID
    name: str
    prefix: str
    username: str
    scope_code: str | None
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None
    last_used_at: datetime | None


@strawberry.type(description="新建的 API 令牌；secret 只在此时出现一次，请立即妥善保存")
class NewApiToken:
    token: ApiTokenType
    secret: str
