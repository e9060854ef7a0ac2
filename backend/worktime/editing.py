"""Editing one calendar day or time limit by its row, as the portal does (list, edit, delete).
Saves and deletes renew the cached snapshots through the app's signals (selectors.py)."""

from collections.abc import Mapping
from typing import Any

from django.db import transaction

from backend.common.services import create_validated, model_update
from backend.worktime.models import CalendarDay, TimeLimit

TIME_LIMIT_FIELDS = ("process", "category_code", "amount", "unit", "label")
CALENDAR_DAY_FIELDS = ("day", "kind", "name", "note")


@transaction.atomic
def time_limit_create(**values: Any) -> TimeLimit:
    return create_validated(TimeLimit, **values)


@transaction.atomic
def time_limit_update(*, limit: TimeLimit, data: Mapping[str, Any]) -> TimeLimit:
    return model_update(instance=limit, fields=TIME_LIMIT_FIELDS, data=data)[0]


@transaction.atomic
def calendar_day_create(**values: Any) -> CalendarDay:
    return create_validated(CalendarDay, **values)


@transaction.atomic
def calendar_day_update(*, day: CalendarDay, data: Mapping[str, Any]) -> CalendarDay:
    return model_update(instance=day, fields=CALENDAR_DAY_FIELDS, data=data)[0]


@transaction.atomic
def row_delete(*, row: TimeLimit | CalendarDay) -> None:
    row.delete()
