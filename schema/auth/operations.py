"""me, login / logout for the browser; API tokens for integrators."""

import strawberry
import strawberry_django
from django.core.exceptions import ValidationError
from strawberry.types import Info

from backend.accounts.models import ApiToken, User
from backend.accounts.services import session_login, session_logout
from backend.accounts.tokens import token_create, token_revoke
from backend.areas.models import Area
from permissions.codenames import Action
from permissions.policy import NotFound
from permissions.registry import policy_for
from schema.auth.resolvers import me_of, token_type
from schema.auth.types import ApiTokenType, MeType, NewApiToken
from schema.base.context import parse_id, user_of


@strawberry.type
class AuthQuery:
    @strawberry.field(description="当前登录用户；未登录时为 null")
    def me(self, info: Info) -> MeType | None:
        return me_of(user_of(info))

    @strawberry.field(description="API 令牌：本人的；市级管理员可见全部")
    def api_tokens(self, info: Info) -> list[ApiTokenType]:
        tokens = policy_for(ApiToken).visible(user_of(info)).select_related("user")
        return [token_type(token) for token in tokens]


@strawberry.input
class CreateApiTokenInput:
    name: str
    username: str | None = strawberry.field(default=None, description="令牌代表的账号，缺省为本人")
    days: int = 90
    scope_code: str | None = strawberry.field(default=None, description="限定的区划代码（12 位）")


@strawberry.type
class AuthMutation:
    @strawberry_django.mutation(handle_django_errors=True, description="账号密码登录（会话）")
    def login(self, info: Info, username: str, password: str) -> MeType:
        user = session_login(info.context.request, username=username, password=password)
        return me_of(user)  # type: ignore[return-value]

    @strawberry.mutation(description="退出登录")
    def logout(self, info: Info) -> bool:
        session_logout(info.context.request)
        return True

    @strawberry_django.mutation(
        handle_django_errors=True, description="新建 API 令牌（密钥只显示一次）"
    )
    def create_api_token(self, info: Info, data: CreateApiTokenInput) -> NewApiToken:
        creator = user_of(info)
        owner = _owner(creator, data.username)
        scope = (
            Area.objects.filter(code=parse_id(data.scope_code, "scope_code")).first()
            if data.scope_code
            else None
        )
        if data.scope_code and scope is None:
            raise ValidationError({"scope_code": "区划代码不存在"})
        token, secret = token_create(
            creator=creator, user=owner, name=data.name, days=data.days, scope=scope
        )
        return NewApiToken(token=token_type(token), secret=secret)

    @strawberry_django.mutation(handle_django_errors=True, description="吊销 API 令牌")
    def revoke_api_token(self, info: Info, id: strawberry.ID) -> ApiTokenType:
        token = policy_for(ApiToken).get(user_of(info), Action.DELETE, parse_id(id))
        assert isinstance(token, ApiToken)
        return token_type(token_revoke(token=token))


def _owner(creator: User, username: str | None) -> User:
    if not creator.is_authenticated:
        raise NotFound("请先登录")
    if not username or username == creator.username:
        return creator
    if not policy_for(ApiToken).may(creator, Action.ADD) or not _is_admin(creator):
        raise NotFound("账号不存在")
    owner = User.objects.filter(username=username, is_active=True).first()
    if owner is None:
        raise ValidationError({"username": "账号不存在或已停用"})
    return owner


def _is_admin(user: User) -> bool:
    return user.is_superuser or policy_for(ApiToken).q(user, Action.ADD) is True
