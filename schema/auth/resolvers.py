import strawberry

from backend.accounts.models import ApiToken, User
from permissions.codenames import Action
from permissions.grants import grants_of
from permissions.registry import policies
from schema.auth.types import ApiTokenType, GrantType, MeType


def me_of(user: User) -> MeType | None:
    if not user.is_authenticated:
        return None
    return MeType(
        id=strawberry.ID(str(user.pk)),
        username=user.username,
        full_name=user.full_name,
        is_superuser=user.is_superuser,
        grants=[GrantType.of(g) for g in grants_of(user)],
        permissions=[
            f"{label}:{action}"
            for label, policy in policies().items()
            for action in Action
            if policy.may(user, action)
        ],
    )


def token_type(token: ApiToken) -> ApiTokenType:
    return ApiTokenType(
        id=strawberry.ID(str(token.pk)),
        name=token.name,
        prefix=token.prefix,
        username=token.user.username,
        scope_code=f"{token.scope_id:012d}" if token.scope_id else None,
        created_at=token.created_at,
        expires_at=token.expires_at,
        revoked_at=token.revoked_at,
        last_used_at=token.last_used_at,
    )
