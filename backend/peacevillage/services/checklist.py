"""Editing the 五有 / 六无 checklist (the city's administrators). New assessments take the active
items; an item already used by assessments cannot be deleted, only deactivated, so past results
keep their meaning."""

from collections.abc import Mapping
from typing import Any

from django.db import transaction

from backend.common.services import create_validated, delete_validated, model_update
from backend.peacevillage.models import ChecklistItem

CHECKLIST_FIELDS = ("code", "group", "text", "auto_rule", "weight", "active")


@transaction.atomic
def checklist_item_create(**values: Any) -> ChecklistItem:
    return create_validated(ChecklistItem, **values)


@transaction.atomic
def checklist_item_update(*, item: ChecklistItem, data: Mapping[str, Any]) -> ChecklistItem:
    return model_update(instance=item, fields=CHECKLIST_FIELDS, data=data)[0]


def checklist_item_delete(*, item: ChecklistItem) -> None:
    delete_validated(item)
