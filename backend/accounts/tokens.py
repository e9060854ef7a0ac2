"""API tokens for integrators: created (shown once), authenticated, revoked."""

import hashlib
import secrets
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import OuterRef, QuerySet
from django.db.models.functions import Now
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import ApiToken, User
from backend.areas.models import Area, Level, subtree_range
from backend.common.jsonrows import decoded
from backend.common.prepared import Prepared
from backend.org.grant_rows import PRELOADED, grant_rows_subquery

MAX_DAYS = 365
TOUCH_EVERY = timedelta(minutes=1)  # last_used_at is written at most once a minute per token


def digest_of(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def token_create(
    *, creator: User, user: User, name: str, days: int = 90, scope: Area | None = None
) -> tuple[ApiToken, str]:
    """A new token and its secret (the only time the secret exists outside the client)."""
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError({"days": _("有效期须在 1 到 %(max)d 天之间") % {"max": MAX_DAYS}})
    if not name.strip():
        raise ValidationError({"name": _("请填写令牌用途")})
    _require_not_wider(creator, user, scope)
    prefix, secret = secrets.token_hex(4), secrets.token_urlsafe(32)
    raw = f"zl_{prefix}_{secret}"
    token = ApiToken.objects.create(
        user=user,
        name=name.strip(),
        prefix=prefix,
        digest=digest_of(raw),
        scope=scope,
        created_by=creator,
        expires_at=timezone.now() + timedelta(days=days),
    )
    return token, raw


def _live_token(digest: str) -> "QuerySet[ApiToken]":
    """The token of `digest` unless revoked or expired (by the database's clock), with its account,
    scope and the account's grant rows: one statement, compiled once per connection."""
    return (
        ApiToken.objects.select_related("user", "scope")
        .filter(digest=digest, revoked_at__isnull=True, expires_at__gt=Now())
        .annotate(_grant_rows=grant_rows_subquery(OuterRef("user_id")))
    )


LIVE_TOKEN = Prepared(_live_token, digest="zhili-prepared-sample-digest")


def token_authenticate(raw: str) -> ApiToken | None:
    """The live token for `raw`, or None (unknown, revoked, expired, or its account disabled)."""
    now = timezone.now()
    token = next(iter(LIVE_TOKEN.all(digest=digest_of(raw))), None)
    if token is None or not token.user.is_active:
        return None
    setattr(token.user, PRELOADED, decoded(token._grant_rows))  # type: ignore[attr-defined]
    if token.last_used_at is None or now - token.last_used_at > TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def token_revoke(*, token: ApiToken) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def _require_not_wider(creator: User, user: User, scope: Area | None) -> None:
    """Each grant the token carries (the account's grants, narrowed to `scope`) must be covered by
    one grant of the creator: an area that contains it and every permission of its role (a city
    administrator issues the court's integrator token; a township centre cannot)."""
    if creator.is_superuser or creator.pk == user.pk:
        return
    if user.is_superuser:  # a superuser's token would carry rights no grant describes
        raise ValidationError(_("令牌的权限不能超出创建人自己的授权范围"))
    held = [(perms, _range(area)) for perms, area in _grants(creator)]
    for needed, area in _grants(user):
        low, high = _narrow(_range(area), _range(scope) if scope else None)
        if low > high:
            continue  # outside the token's scope: the token does not carry it
        if not any(needed <= perms and a <= low and high <= b for perms, (a, b) in held):
            raise ValidationError(_("令牌的权限不能超出创建人自己的授权范围"))


def _grants(user: User) -> list[tuple[set[int], Area]]:
    """(the role's permission ids, the scope area) of each of the user's role grants."""
    found = user.memberships.select_related("scope").prefetch_related("role__permissions")
    return [({p.pk for p in m.role.permissions.all()}, m.scope) for m in found]


def _range(area: Area) -> tuple[int, int]:
    return subtree_range(area.code, Level(area.level))


def _narrow(grant: tuple[int, int], scope: tuple[int, int] | None) -> tuple[int, int]:
    return grant if scope is None else (max(grant[0], scope[0]), min(grant[1], scope[1]))
