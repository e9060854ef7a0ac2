"""Object grants for the demo's assignments, in bulk (the services grant one item at a time)."""

from django.apps import apps
from django.contrib.auth.models import Permission
from django.db import models

from backend.common.assignment import ASSIGNEE_PATHS, ASSIGNMENT_ACTIONS

CHUNK = 20_000


def seed_grants() -> dict[str, int]:
    """Grant every assigned unit its object permissions; existing grants stay (idempotent)."""
    inserted = {}
    for label, paths in ASSIGNEE_PATHS.items():
        model = apps.get_model(label)
        grant_model = model.unit_grants.rel.related_model  # type: ignore[attr-defined]
        before = grant_model.objects.count()
        for path in paths:
            _grant_path(model, grant_model, path, _permissions(model))
        inserted[grant_model._meta.label] = grant_model.objects.count() - before
    return inserted


def _grant_path(
    model: type[models.Model],
    grant_model: type[models.Model],
    path: str,
    permissions: list[Permission],
) -> None:
    pairs = model._default_manager.filter(**{f"{path}__isnull": False}).values_list("pk", path)
    batch: list[models.Model] = []
    for pk, group in pairs.iterator(chunk_size=CHUNK):
        batch += [
            grant_model(content_object_id=pk, group_id=group, permission=p) for p in permissions
        ]
        if len(batch) >= CHUNK:
            grant_model._default_manager.bulk_create(batch, ignore_conflicts=True)
            batch = []
    grant_model._default_manager.bulk_create(batch, ignore_conflicts=True)


def _permissions(model: type[models.Model]) -> list[Permission]:
    codenames = [f"{action}_{model._meta.model_name}" for action in ASSIGNMENT_ACTIONS]
    return list(
        Permission.objects.filter(
            content_type__app_label=model._meta.app_label, codename__in=codenames
        )
    )
