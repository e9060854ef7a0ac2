"""Keeps the role groups' permissions equal to permissions/roles.py (run after every migrate)."""

from typing import Any

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from permissions.roles import ROLE_PERMISSIONS


def sync_role_permissions(**kwargs: Any) -> None:
    if not _ready():
        return
    for role, entities in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=f"role:{role}")
        group.permissions.set(
            [
                _permission(label, action)
                for label, actions in entities.items()
                for action in sorted(actions)
            ]
        )


def _ready() -> bool:
    """Only once every model roles.py names has its table (e.g. not during a partial migrate)."""
    tables = set(connection.introspection.table_names())
    try:
        return all(apps.get_model(label)._meta.db_table in tables for label in _labels())
    except LookupError:
        return False


def _labels() -> set[str]:
    return {label for entities in ROLE_PERMISSIONS.values() for label in entities}


def _permission(label: str, action: str) -> Permission:
    """The permission row; `unmask_*` ones are created here (they are policy, not model, facts)."""
    model = apps.get_model(label)
    content_type = ContentType.objects.get_for_model(model)
    name = f"Can {action} {model._meta.verbose_name}"
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_{model._meta.model_name}",
        defaults={"name": name[:255]},
    )
    return permission
