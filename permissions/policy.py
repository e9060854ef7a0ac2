"""The policy of one model: may the user do A at all; to this object; which objects (one SQL query).

A row is reachable for action A when the user is a superuser, or holds a role grant carrying A whose
scope range contains the row's area code, or (own-only roles) owns the row, or belongs to a unit
group that holds a guardian object grant of A on the row. Forbidden and missing look the same.
"""

from collections.abc import Hashable
from functools import reduce
from operator import or_
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models import BooleanField, Exists, ExpressionWrapper, Q, Value

from backend.accounts.models import User
from permissions.codenames import Action, perm_name
from permissions.querysets import bound_parent, pk_in

__all__ = ["NotFound", "Policy", "perm_name"]
from permissions.grants import Grant, grants_of


class NotFound(ObjectDoesNotExist):
    """Raised for missing and forbidden objects alike."""


class BasePolicy:
    """What every policy offers on top of its own `q`: querysets and not-found lookups."""

    model: type[models.Model]

    def q(self, user: User, action: Action | str) -> Q | bool:
        """The rows the user may do `action` to, as a predicate (True: all, False: none)."""
        raise NotImplementedError

    def q_under(
        self, user: User, action: Action | str, field: str, parent: models.Model
    ) -> Q | bool | None:
        """For rows bound through FK `field` to `parent`: decided by the parent alone, or None
        when this policy does not follow that parent."""
        return None

    def follows(self, field: str) -> bool:
        """Are viewing and unmasking a row those of its parent through FK `field`? Then rows
        read beside a parent the user may view need no predicate of their own."""
        return False

    def inputs(self, user: User) -> Hashable | None:
        """Everything of `user` — besides rows read inside the statement — that this policy's
        predicates are built from: equal inputs give equal SQL and parameters, so a statement
        compiled for one request serves the next with the same inputs. None: not declared."""
        return None

    def q_for(self, queryset: models.QuerySet, user: User, action: Action | str) -> Q | bool:
        """`q`, or for the rows of one loaded parent (a related manager's queryset) the parent's
        decision, bound to its id: no SQL when a scope grant covers the parent, and never a
        re-evaluation of the parent's whole visibility."""
        bound = bound_parent(queryset)
        decided = None if bound is None else self.q_under(user, action, *bound)
        if bound is None or decided is None:
            return self.q(user, action)
        if decided is False:
            return False
        own = Q(**{bound[0]: bound[1].pk})  # again: an OR with another queryset keeps the marker
        return own if decided is True else own & decided

    def restrict(
        self, queryset: models.QuerySet, user: User, action: Action | str
    ) -> models.QuerySet:
        condition = self.q_for(queryset, user, action)
        if condition is True:
            return queryset
        return queryset.filter(condition) if condition is not False else queryset.none()

    def visible(self, user: User, action: Action | str = Action.VIEW) -> models.QuerySet:
        """The rows the user may do `action` to: a single SQL statement when evaluated."""
        return self.restrict(self.model._default_manager.all(), user, action)

    def annotate_may(
        self, queryset: models.QuerySet, user: User, action: Action | str, name: str
    ) -> models.QuerySet:
        """Add a boolean column `name`: may the user do `action` to each row (no extra query)."""
        condition = self.q_for(queryset, user, action)
        value = Value(condition) if isinstance(condition, bool) else condition
        return queryset.annotate(**{name: ExpressionWrapper(value, output_field=BooleanField())})

    def q_on(self, user: User, action: Action | str, obj: models.Model) -> Q | bool:
        """May the user do `action` to the loaded `obj`, as a predicate for a statement over rows
        bound to it: a bool when known without SQL, else a condition evaluated once in SQL."""
        return self.may_on(user, action, obj)

    def may_on(self, user: User, action: Action | str, obj: models.Model) -> bool:
        raise NotImplementedError

    def get(self, user: User, action: Action | str, pk: Any) -> models.Model:
        """The object `pk` if the user may do `action` to it; NotFound otherwise, whichever the cause."""
        try:
            return self.visible(user, action).get(pk=pk)
        except (ObjectDoesNotExist, ValueError, TypeError):
            raise NotFound(f"{self.model._meta.verbose_name}不存在") from None


class Policy(BasePolicy):
    def __init__(
        self,
        model: type[models.Model],
        *,
        area_field: str = "area",
        owner_field: str | None = None,
        object_grants: bool = False,
    ) -> None:
        self.model, self.area_field, self.owner_field = model, area_field, owner_field
        self.object_grants = object_grants

    def perm(self, action: Action | str) -> str:
        return perm_name(self.model, action)

    def inputs(self, user: User) -> Hashable | None:
        # the owner term and the object grants' holder are the user's id; grants carry the rest
        return (user.pk, _active(user), _superuser(user), grants_of(user))

    def grants(self, user: User, action: Action | str) -> list[Grant]:
        perm = self.perm(action)
        return [grant for grant in grants_of(user) if perm in grant.perms]

    def may(self, user: User, action: Action | str) -> bool:
        """May the user do `action` to some object of this model?"""
        if _superuser(user) or self.grants(user, action):
            return True
        return _active(user) and self.object_grants and self.perm(action) in self._held(user)

    def _held(self, user: User) -> frozenset[str]:
        """The permissions the user's groups hold on at least one object of this model: one
        statement per model and request (`me` asks every action of every model)."""
        cache: dict[str, frozenset[str]] = user.__dict__.setdefault("_zhili_object_perms", {})
        label = self.model._meta.label_lower
        if label not in cache:
            rows = (
                self._grant_model()
                .objects.filter(group__user=user)
                .values_list("permission__content_type__app_label", "permission__codename")
            )
            cache[label] = frozenset(f"{app}.{code}" for app, code in rows.distinct())
        return cache[label]

    def may_on(self, user: User, action: Action | str, obj: models.Model) -> bool:
        condition = self.q_on(user, action, obj)
        return condition if isinstance(condition, bool) else self._granted_on(user, action, obj)

    def q_on(self, user: User, action: Action | str, obj: models.Model) -> Q | bool:
        """No SQL when a scope grant reaches `obj` (or nothing can); else its object grants."""
        if not _active(user):
            return False
        if _superuser(user):
            return True
        if any(self._grant_reaches(grant, user, obj) for grant in self.grants(user, action)):
            return True
        if not self.object_grants:
            return False
        return Q(Exists(self._granted_rows(user, action).filter(content_object=obj.pk)))

    def q(self, user: User, action: Action | str) -> Q | bool:
        if not _active(user):
            return False  # anonymous or deactivated: nothing, whatever grants remain on record
        if _superuser(user):
            return True
        terms = [self._grant_q(grant, user) for grant in self.grants(user, action)]
        present = [term for term in terms if term is not None]
        if self.object_grants:
            granted = self._granted_rows(user, action).values("content_object")
            # beside a scope range `pk_in` lets PostgreSQL combine both indexes; alone, a plain IN
            # lets it join the grant rows, with row estimates (an array's size is unknown to it)
            present.append(Q(pk_in(granted)) if present else Q(pk__in=granted))
        return reduce(or_, present) if present else False

    def area_of(self, obj: models.Model) -> int:
        """The area code of `obj`, read from the FK column (no query for a loaded row)."""
        *path, last = self.area_field.split("__")
        value: Any = obj
        for part in path:
            value = getattr(value, part)
        return int(getattr(value, f"{last}_id"))

    def _grant_q(self, grant: Grant, user: User) -> Q | None:
        if grant.own_only:
            return Q(**{self.owner_field: user}) if self.owner_field else None
        return Q(**{f"{self.area_field}__gte": grant.low, f"{self.area_field}__lte": grant.high})

    def _grant_reaches(self, grant: Grant, user: User, obj: models.Model) -> bool:
        if grant.own_only:
            return bool(self.owner_field) and getattr(obj, f"{self.owner_field}_id") == user.pk
        return grant.covers(self.area_of(obj))

    def _granted_on(self, user: User, action: Action | str, obj: models.Model) -> bool:
        return self._granted_rows(user, action).filter(content_object=obj.pk).exists()

    def _grant_model(self) -> Any:
        """The direct-FK object-grant table of the model (`<model>unitgrant`)."""
        return self.model.unit_grants.rel.related_model  # type: ignore[attr-defined]

    def _granted_rows(self, user: User, action: Action | str) -> models.QuerySet:
        """Guardian direct-FK object grants of `action` held by any of the user's groups."""
        codename = f"{action}_{self.model._meta.model_name}"
        return self._grant_model().objects.filter(
            group__user=user,
            permission__codename=codename,
            permission__content_type__app_label=self.model._meta.app_label,
        )


def _active(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active)


def _superuser(user: User) -> bool:
    return bool(user.is_active and user.is_superuser)
