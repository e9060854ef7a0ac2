"""The Django admin as a door of the policies. Lists, objects, form choices and filters come from
`policy_for(model)`; an object the user may not view answers exactly like a missing one (Django
redirects both to the index with "does not exist"). Sensitive fields of a record are shown only
read-only through permissions.pii (masked unless the user may unmask it; unmasked reads audited)."""

from typing import Any, cast

from django.contrib import admin
from django.contrib.admin.utils import get_fields_from_path
from django.core.exceptions import PermissionDenied
from django.db import models
from django.forms import ModelChoiceField
from django.http import HttpRequest

from backend.accounts.models import User
from backend.common.assignment import ASSIGNEE_PATHS, assignment_refresh
from permissions.codenames import Action
from permissions.family import parent_action
from permissions.pii import Masker, reveal_fields, sensitive_fields
from permissions.registry import policies, policy_for


def user_of(request: HttpRequest) -> User:
    """The admin site lets only active staff in, so the request's user is a signed-in User."""
    return cast(User, request.user)


def choices(user: Any, model: type[models.Model]) -> models.QuerySet:
    """What the user may pick in a form or a filter: the rows the policy lets them view. Tables
    without a policy (users, groups) offer superusers everything and others only themselves."""
    policy = policies().get(model._meta.label_lower)
    if policy is not None:
        return policy.visible(user, Action.VIEW)
    rows = model._default_manager.all()
    if user.is_active and user.is_superuser:
        return rows
    return rows.filter(pk=user.pk) if isinstance(user, model) else rows.none()


class PolicyRelatedFilter(admin.RelatedOnlyFieldListFilter):
    """Offers the related rows that the user may view and that some row of the list refers to."""

    def field_choices(self, field, request, model_admin):  # type: ignore[no-untyped-def]
        used = model_admin.get_queryset(request).values(f"{self.field_path}__pk")
        rows = choices(user_of(request), field.related_model).complex_filter(
            field.get_limit_choices_to()
        )
        allowed = {"pk__in": rows.filter(pk__in=used).values("pk")}
        ordering = self.field_admin_ordering(field, request, model_admin)
        return field.get_choices(include_blank=False, limit_choices_to=allowed, ordering=ordering)


class _Column:
    """A sensitive field as a read-only admin column (a callable, as readonly_fields allow)."""

    def __init__(self, model: type[models.Model], field: str) -> None:
        self.field = self.__name__ = field
        self.short_description = model._meta.get_field(field).verbose_name  # type: ignore[union-attr]

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.field == self.field  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.field))


class Masked(_Column):
    """Change lists show sensitive values masked for everyone: no per-row permission query, no
    audit entry per row; the record's own page reveals them to whoever may unmask."""

    def __init__(self, model: type[models.Model], field: str, masker: Masker) -> None:
        super().__init__(model, field)
        self.masker = masker

    def __call__(self, obj: models.Model) -> str:
        value = getattr(obj, self.field)
        return self.masker(str(value)) if value else ""


class Revealed(_Column):
    """A record page shows a sensitive field through pii: one audited reveal per record and request."""

    def __init__(self, request: HttpRequest, model: type[models.Model], field: str) -> None:
        super().__init__(model, field)
        self.request = request

    def __call__(self, obj: models.Model) -> str:
        if obj.pk is None:
            return ""
        shown = vars(self.request).setdefault("_zhili_revealed", {})
        key = (obj._meta.label_lower, obj.pk)
        if key not in shown:
            shown[key] = reveal_fields(user_of(self.request), obj, sensitive_fields(obj))
        return shown[key][self.field]


def keep_current(form: Any, rows: models.QuerySet) -> None:
    """Widen each choice field of `form` by the values `rows` hold now: whoever may change a record
    keeps its current relations, even one they could not pick (a county unit, for a township)."""
    names = {field.name for field in rows.model._meta.get_fields()}
    for name, field in form.base_fields.items():
        if isinstance(field, ModelChoiceField) and name in names:
            target, queryset = field.to_field_name or "pk", cast(models.QuerySet, field.queryset)
            current = queryset.model._default_manager.filter(**{f"{target}__in": rows.values(name)})
            field.queryset = queryset | current


class _Door(admin.options.BaseModelAdmin):
    """What the admin pages and their inlines share: rows, choices and sensitive fields."""

    @property
    def policy(self) -> Any:
        return policy_for(self.model)

    def get_queryset(self, request: HttpRequest) -> models.QuerySet:
        """Every page reads through this, ModelAdmin.get_object too: an object out of sight is
        None there, which Django answers exactly like a missing id."""
        rows = self.policy.visible(user_of(request), Action.VIEW)
        ordering = self.get_ordering(request)
        return rows.order_by(*ordering) if ordering else rows

    def formfield_for_foreignkey(self, db_field, request, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("queryset", choices(user_of(request), db_field.related_model))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("queryset", choices(user_of(request), db_field.related_model))
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return [*super().get_readonly_fields(request, obj), *self._revealed(request, obj)]

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        swap = {column.field: column for column in self._revealed(request, obj)}
        return [
            (name, {**options, "fields": _swapped(options["fields"], swap)})
            for name, options in super().get_fieldsets(request, obj)
        ]

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may(request, Action.VIEW, obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may(request, Action.CHANGE, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may(request, Action.DELETE, obj)

    def _may(self, request: HttpRequest, action: Action, obj: Any) -> bool:
        """Without an object: may the user do `action` to some row; with one: to that row."""
        if obj is None:
            return bool(self.policy.may(user_of(request), action))
        return bool(self.policy.may_on(user_of(request), action, obj))

    def _revealed(self, request: HttpRequest, obj: Any) -> list[Revealed]:
        """On the page of an existing record (or its inlines) sensitive fields are never inputs."""
        if obj is None:
            return []
        return [Revealed(request, self.model, field) for field in sensitive_fields(self.model)]


def _swapped(fields: Any, swap: dict[str, Revealed]) -> list[Any]:
    def one(name: Any) -> Any:
        return tuple(map(one, name)) if isinstance(name, list | tuple) else swap.get(name, name)

    return list(dict.fromkeys(map(one, fields)))  # a swapped field was also listed as read-only


class PolicyAdmin(_Door, admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return self._may(request, Action.ADD, None)

    def has_module_permission(self, request: HttpRequest) -> bool:
        app = self.opts.app_label
        return any(
            policy.may(user_of(request), Action.VIEW)
            for label, policy in policies().items()
            if label.partition(".")[0] == app
        )

    def get_list_display(self, request: HttpRequest) -> Any:
        masked = {f: Masked(self.model, f, m) for f, m in sensitive_fields(self.model).items()}
        return [
            masked.get(name, name) if isinstance(name, str) else name
            for name in super().get_list_display(request)
        ]

    def get_search_fields(self, request: HttpRequest) -> Any:
        """Searching by a sensitive value would tell who is on file: only for users who may unmask."""
        fields = super().get_search_fields(request)
        if self.policy.may(user_of(request), Action.UNMASK):
            return fields
        hidden = sensitive_fields(self.model)
        return [name for name in fields if name.lstrip("=^@") not in hidden]

    def get_list_filter(self, request: HttpRequest) -> Any:
        return [self._policy_filter(entry) for entry in super().get_list_filter(request)]

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any):  # type: ignore[no-untyped-def]
        form = super().get_form(request, obj, change, **kwargs)
        if obj is not None:
            keep_current(form, self.model._default_manager.filter(pk=obj.pk))
        return form

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        """The record as submitted must be one the user may add or change (e.g. not moved to an
        area outside their scope); the surrounding transaction rolls back otherwise."""
        if not self.policy.may_on(user_of(request), Action.CHANGE if change else Action.ADD, obj):
            raise PermissionDenied
        super().save_model(request, obj, form, change)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        if self.opts.label_lower in ASSIGNEE_PATHS:  # the assigned units' object grants follow
            assignment_refresh(obj=form.instance)

    def _policy_filter(self, entry: Any) -> Any:
        if isinstance(entry, str) and get_fields_from_path(self.model, entry)[-1].is_relation:
            return (entry, PolicyRelatedFilter)
        return entry


class _InlineDoor(_Door):
    """Inline rows belong to the parent record (`obj` here): seeing them needs view on it, and
    adding, changing or deleting them is changing it."""

    def has_add_permission(self, request: HttpRequest, obj: Any) -> bool:  # type: ignore[override]
        return self._may(request, Action.ADD, obj)

    def get_formset(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        formset = super().get_formset(request, obj, **kwargs)  # type: ignore[misc]
        if obj is not None:
            rows = self.model._default_manager.filter(**{formset.fk.name: obj})
            keep_current(formset.form, rows)
        return formset

    def _may(self, request: HttpRequest, action: Action, parent: Any) -> bool:
        if parent is None:
            return bool(self.policy.may(user_of(request), action))
        return bool(policy_for(parent).may_on(user_of(request), parent_action(action), parent))


class ViewOnly:
    """For records that only the services write (assignments, reviews, workflow steps): the admin
    shows them; adding, changing or deleting one here would bypass the transition it belongs to."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class PolicyInline(_InlineDoor, admin.TabularInline):
    pass


class PolicyStackedInline(_InlineDoor, admin.StackedInline):
    pass
