"""Who acts: the unit an actor acts for, and the area a sign-in is filed under."""

from typing import Any

from backend.audit.context import current
from backend.org.models import Membership


def unit_of(actor: Any, *, may_query: bool = True) -> int | None:
    """The actor's unit when their role grants name exactly one unit, else None.

    Read from the grants the permission layer already loaded for this request, or from the
    request's memo; otherwise one query (never for reads when `may_query` is False)."""
    if actor is None or getattr(actor, "pk", None) is None:
        return None
    units = _units(actor, may_query)
    return next(iter(units)) if units is not None and len(units) == 1 else None


def _units(actor: Any, may_query: bool) -> set[int] | None:
    grants = actor.__dict__.get("_zhili_grants")  # permissions.grants caches them on the user
    if grants is not None:
        return {g.unit_id for g in grants if g.unit_id is not None}
    memo = current.get().memo
    key = ("units", actor.pk)
    if memo is not None and key in memo:
        return memo[key]  # type: ignore[no-any-return]
    if not may_query:
        return None
    rows = Membership.objects.filter(user_id=actor.pk, unit__isnull=False).values_list("unit_id")
    units = {unit for (unit,) in rows}
    if memo is not None:
        memo[key] = units
    return units


def sign_in_scope(**user: Any) -> tuple[int | None, int | None]:
    """(area, unit) of a sign-in by the user matching `user` (pk=… or username=…): the smallest
    area containing all their role grants' scopes, so the auditors of that area read it; None for
    an unknown user or one without grants (then only superusers read it). One query."""
    lookup = {f"user__{key}": value for key, value in user.items()}
    rows = list(Membership.objects.filter(**lookup).values_list("scope_id", "unit_id"))
    units = {unit for _, unit in rows if unit is not None}
    memo = current.get().memo
    if memo is not None and "pk" in user:
        memo[("units", user["pk"])] = units  # the request's later entries need not ask again
    return common_area([scope for scope, _ in rows]), (
        next(iter(units)) if len(units) == 1 else None
    )


def common_area(codes: list[int]) -> int | None:
    """The deepest area (by statistical code) that contains every code in `codes`."""
    if not codes:
        return None
    for digits in (12, 9, 6, 4):
        heads = {f"{code:012d}"[:digits] for code in codes}
        if len(heads) == 1:
            return int(heads.pop().ljust(12, "0"))
    return None
