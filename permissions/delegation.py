"""Delegation: a role grant given (or taken back) by a user is never wider than their own grants."""

from backend.accounts.models import User
from backend.areas.models import Area
from backend.org.models import Unit
from permissions.grants import Grant, grants_of
from permissions.roles import OWN_ONLY_ROLES, ROLE_PERMISSIONS


def role_permissions(role: str) -> frozenset[str]:
    """The permissions a grant of `role` carries, as "app.action_model" (from roles.py)."""
    entities = ROLE_PERMISSIONS.get(role, {})
    return frozenset(
        f"{label.split('.')[0]}.{action}_{label.split('.')[1]}"
        for label, actions in entities.items()
        for action in actions
    )


def may_delegate(granter: User, *, role: str, scope: Area, unit: Unit | None = None) -> bool:
    """May `granter` grant `role` over `scope` (on behalf of `unit`)?

    Superusers may. Anyone else needs one grant of their own over an area containing `scope` (and
    the unit's jurisdiction: unit members receive the unit's assigned items) that is the same role,
    or a role carrying every permission of `role`. Own-only grants pass on only own-only roles.
    Unknown roles are never delegable. The policy question (may they add memberships there at
    all) is asked separately."""
    if not (granter.is_authenticated and granter.is_active) or role not in ROLE_PERMISSIONS:
        return False
    if granter.is_superuser:
        return True
    wanted = role_permissions(role)
    return any(_reaches(grant, role, wanted, scope, unit) for grant in grants_of(granter))


def _reaches(
    grant: Grant, role: str, wanted: frozenset[str], scope: Area, unit: Unit | None
) -> bool:
    if not grant.covers(scope.code):
        return False
    if unit is not None and grant.unit_id != unit.pk and not grant.covers(unit.area_id):
        return False
    if grant.role == role:
        return True
    return wanted <= grant.perms and (not grant.own_only or role in OWN_ONLY_ROLES)
