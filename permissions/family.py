"""Policies of records that follow another: children of one parent, evidence of any parent, and
reference data."""

from functools import reduce
from operator import or_
from typing import TYPE_CHECKING, Any

from django.db import models
from django.db.models import Exists, OuterRef, Q

from backend.accounts.models import User
from permissions.codenames import Action
from permissions.grants import grants_of
from permissions.policy import BasePolicy, Policy, perm_name

if TYPE_CHECKING:
    from permissions.registry import AnyPolicy


def parent_action(action: Action | str) -> Action:
    """Viewing a child needs view on the parent; writing one is changing the parent."""
    action = Action(action)
    return action if action in (Action.VIEW, Action.UNMASK) else Action.CHANGE


class ChildPolicy(BasePolicy):
    def __init__(self, model: type[models.Model], *, parent_field: str, parent: Policy) -> None:
        self.model, self.parent_field, self.parent = model, parent_field, parent

    def may(self, user: User, action: Action | str) -> bool:
        return self.parent.may(user, parent_action(action))

    def may_on(self, user: User, action: Action | str, obj: models.Model) -> bool:
        return self.parent.may_on(user, parent_action(action), self.parent_of(obj))

    def q(self, user: User, action: Action | str) -> Q | bool:
        return _follows(self.parent, user, parent_action(action), self.parent_field)

    def q_on(self, user: User, action: Action | str, obj: models.Model) -> Q | bool:
        return self.parent.q_on(user, parent_action(action), self.parent_of(obj))

    def q_under(
        self, user: User, action: Action | str, field: str, parent: models.Model
    ) -> Q | bool | None:
        if field != self.parent_field:
            return None
        return self.parent.q_on(user, parent_action(action), parent)

    def follows(self, field: str) -> bool:
        return field == self.parent_field

    def parent_of(self, obj: models.Model) -> models.Model:
        value: Any = obj
        for part in self.parent_field.split("__"):
            value = getattr(value, part)
        return value


class EvidencePolicy(BasePolicy):
    """A file is reachable exactly when the record it is attached to is."""

    def __init__(self, model: type[models.Model], registry: "dict[str, AnyPolicy]") -> None:
        from backend.evidence.services import PARENTS

        self.model = model
        self.parents = {field: registry[label] for label, (field, _) in PARENTS.items()}

    def may(self, user: User, action: Action | str) -> bool:
        return any(policy.may(user, parent_action(action)) for policy in self.parents.values())

    def may_on(self, user: User, action: Action | str, obj: models.Model) -> bool:
        field, parent = self.parent_of(obj)
        return self.parents[field].may_on(user, parent_action(action), parent)

    def q(self, user: User, action: Action | str) -> Q | bool:
        action = parent_action(action)
        terms = [_follows(policy, user, action, field) for field, policy in self.parents.items()]
        if all(term is True for term in terms):
            return True
        present = [  # the NULL test first: a file has one parent, the others' probes are skipped
            Q(**{f"{field}__isnull": False}) & (Q() if term is True else term)
            for field, term in zip(self.parents, terms, strict=True)
            if term is not False
        ]
        return reduce(or_, present) if present else False

    def q_under(
        self, user: User, action: Action | str, field: str, parent: models.Model
    ) -> Q | bool | None:
        if field not in self.parents:
            return None
        return self.parents[field].q_on(user, parent_action(action), parent)

    def follows(self, field: str) -> bool:
        return field in self.parents

    def parent_of(self, obj: models.Model) -> tuple[str, models.Model]:
        field = next(f for f in self.parents if getattr(obj, f"{f}_id") is not None)
        return field, getattr(obj, field)


def _follows(parent: "AnyPolicy", user: User, action: Action, field: str) -> Q | bool:
    """Rows whose parent through `field` the user may do `action` to: correlated with each row
    (an index probe of the parent per row), never a scan of every parent the user can see."""
    condition = parent.q(user, action)
    if isinstance(condition, bool):
        return condition
    return Q(Exists(parent.model._default_manager.filter(condition, pk=OuterRef(field))))


class ReferencePolicy(BasePolicy):
    """Reference data: every active signed-in user reads it; writes need the model permission."""

    def __init__(self, model: type[models.Model]) -> None:
        self.model = model

    def may(self, user: User, action: Action | str) -> bool:
        if not (user.is_authenticated and user.is_active):
            return False
        if action == Action.VIEW or user.is_superuser:
            return True
        perm = perm_name(self.model, action)
        return any(perm in grant.perms for grant in grants_of(user))

    def may_on(self, user: User, action: Action | str, obj: models.Model) -> bool:
        return self.may(user, action)

    def q(self, user: User, action: Action | str) -> Q | bool:
        return self.may(user, action)


class OwnedPolicy(BasePolicy):
    """Records that belong to one user (API tokens): the owner reaches their own, a role grant
    carrying the permission reaches all."""

    def __init__(self, model: type[models.Model], *, owner_field: str) -> None:
        self.model, self.owner_field = model, owner_field

    def may(self, user: User, action: Action | str) -> bool:
        return user.is_authenticated and user.is_active

    def may_on(self, user: User, action: Action | str, obj: models.Model) -> bool:
        return self.restrict(self.model._default_manager.filter(pk=obj.pk), user, action).exists()

    def q(self, user: User, action: Action | str) -> Q | bool:
        if not (user.is_authenticated and user.is_active):
            return False
        perm = perm_name(self.model, action)
        if user.is_superuser or any(perm in grant.perms for grant in grants_of(user)):
            return True
        return Q(**{self.owner_field: user})
