"""A user's role grants, read once per request: (role, scope range, unit, permissions)."""

from dataclasses import dataclass, replace

from backend.accounts.models import User
from backend.areas.models import Area, Level, subtree_range
from backend.org.grant_rows import PRELOADED, grant_rows
from permissions.roles import OWN_ONLY_ROLES


@dataclass(frozen=True)
class Grant:
    role: str
    scope: int  # the scope area's code
    scope_name: str
    low: int  # inclusive bounds of the codes under the scope area
    high: int
    unit_id: int | None
    perms: frozenset[str]  # "app.codename"

    @property
    def own_only(self) -> bool:
        return self.role in OWN_ONLY_ROLES

    def covers(self, area_code: int) -> bool:
        return self.low <= area_code <= self.high


def grants_of(user: User) -> tuple[Grant, ...]:
    """All grants of `user` in one query; cached on the user object for the rest of the request."""
    cached = getattr(user, "_zhili_grants", None)
    if cached is None:
        cached = _load(user) if user.is_authenticated and user.is_active else ()
        token = getattr(user, "api_token", None)  # set by the token middleware
        if token is not None and token.scope_id is not None:
            cached = _narrowed(cached, token.scope)
        user._zhili_grants = cached  # type: ignore[attr-defined]
    return cached


def _narrowed(grants: tuple[Grant, ...], scope: Area) -> tuple[Grant, ...]:
    """A token limited to `scope` carries each grant only inside that area (areas nest or are
    disjoint, so the intersection is the smaller range or nothing)."""
    low, high = subtree_range(scope.code, Level(scope.level))
    return tuple(
        replace(grant, low=max(grant.low, low), high=min(grant.high, high))
        for grant in grants
        if max(grant.low, low) <= min(grant.high, high)
    )


def forget_grants(user: User) -> None:
    user.__dict__.pop("_zhili_grants", None)
    user.__dict__.pop(PRELOADED, None)  # rows brought with the token are as stale as the grants
    user.__dict__.pop("_zhili_object_perms", None)  # Policy._held: object grants held per model


def _load(user: User) -> tuple[Grant, ...]:
    rows = getattr(user, PRELOADED, None)  # brought with an API token: no statement of its own
    if rows is None:
        rows = grant_rows(user.pk)
    collected: dict[int, tuple[tuple[str, int, str, int, int | None], set[str]]] = {}
    for pk, role, scope, scope_name, level, unit_id, app_label, codename in rows:
        _, perms = collected.setdefault(pk, ((role, scope, scope_name, level, unit_id), set()))
        if codename:
            perms.add(f"{app_label}.{codename}")
    return tuple(_grant(*head, perms=perms) for head, perms in collected.values())


def _grant(
    role: str, scope: int, name: str, level: int, unit_id: int | None, *, perms: set[str]
) -> Grant:
    low, high = subtree_range(scope, Level(level))
    return Grant(role.removeprefix("role:"), scope, name, low, high, unit_id, frozenset(perms))
