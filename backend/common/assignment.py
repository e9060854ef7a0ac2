"""Assignment of an item to a unit = django-guardian object grants to the unit's group.

Called by the services that assign, dispatch or share an item, inside their transaction, so the
grant and the assignment commit or roll back together. The policy (permissions/) reads these rows
through each model's direct-FK `unit_grants` table.
"""

from typing import Any

from django.contrib.auth.models import Permission
from django.db import models
from guardian.models import GroupObjectPermissionBase

from backend.audit.bulk import audit_created

# What the unit holding an item may do to it. Handlers must be able to call the parties back, so
# assignment includes reading personal fields unmasked — each such read is audited.
ASSIGNMENT_ACTIONS = ("view", "change", "unmask")

# Who an item is assigned to, as paths from the item to the assigned units' groups. The one
# definition used by the services (after each assignment change) and by the bulk demo loader.
ASSIGNEE_PATHS: dict[str, tuple[str, ...]] = {
    "creation.creationtask": ("lead_unit__group", "co_units__group"),
    "reports.report": ("current_unit__group",),
    "disputes.dispute": ("handling_unit__group", "mediators__unit__group"),
    "enterprise.enterpriseproblem": ("handling_units__group",),
}


class UnitGrantBase(GroupObjectPermissionBase):
    """Base of the direct-FK object permission tables; subclasses add `content_object`."""

    class Meta(GroupObjectPermissionBase.Meta):
        abstract = True


def assignment_refresh(*, obj: models.Model) -> None:
    """Make the object grants on `obj` match its current assignees (ASSIGNEE_PATHS): new units
    receive ASSIGNMENT_ACTIONS, units no longer assigned lose everything. Call inside the
    transaction that changed the assignment."""
    grant_model = _grant_model(obj)
    wanted = _assigned_groups(obj)
    held = set(grant_model.objects.filter(content_object=obj).values_list("group_id", flat=True))
    grant_model.objects.filter(content_object=obj, group_id__in=held - wanted).delete()
    granted = grant_model.objects.bulk_create(
        [
            grant_model(group_id=group, permission=permission, content_object=obj)
            for group in wanted - held
            for permission in _permissions(obj, ASSIGNMENT_ACTIONS)
        ],
        ignore_conflicts=True,
    )
    # bulk_create sends no signals; the revocations above are audited by the delete signals
    audit_created(granted)


def _assigned_groups(obj: models.Model) -> set[int]:
    rows = type(obj)._default_manager.filter(pk=obj.pk)
    return {
        group
        for path in ASSIGNEE_PATHS[obj._meta.label_lower]
        for group in rows.values_list(path, flat=True)
        if group is not None
    }


def _grant_model(obj: models.Model) -> Any:  # a concrete subclass of UnitGrantBase
    return type(obj).unit_grants.rel.related_model  # type: ignore[attr-defined]


def _permissions(obj: models.Model, actions: tuple[str, ...]) -> list[Permission]:
    meta = obj._meta
    codenames = [f"{action}_{meta.model_name}" for action in actions]
    found = list(
        Permission.objects.filter(content_type__app_label=meta.app_label, codename__in=codenames)
    )
    if len(found) != len(codenames):
        raise LookupError(f"missing permissions for {meta.label}: run migrate")
    return found
