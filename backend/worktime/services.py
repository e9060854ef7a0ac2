"""Writes of the calendar and the time limits. Every write renews the snapshots (selectors.py)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from backend.worktime.models import CalendarDay, TimeLimit
from backend.worktime.sources import official_days


@transaction.atomic
def calendar_day_set(*, day: date, kind: str, name: str, note: str = "") -> CalendarDay:
    """Enter or replace the arrangement of `day` (a holiday, or a weekend day worked)."""
    row = CalendarDay.objects.select_for_update().filter(day=day).first() or CalendarDay(day=day)
    row.kind, row.name, row.note = kind, name, note
    row.full_clean()
    row.save()
    return row


@transaction.atomic
def calendar_day_delete(*, day: date) -> None:
    """`day` follows the Monday–Friday rule again."""
    row = CalendarDay.objects.select_for_update().filter(day=day).first()
    if row is None:
        raise ValidationError({"day": _("该日期没有节假日或调休安排")})
    row.delete()


@transaction.atomic
def calendar_load_official() -> int:
    """Enter every day of data/holidays.csv (days already present take the file's values);
    days entered only by administrators stay. Returns the number of days in the file."""
    days = official_days()
    for entry in days:
        calendar_day_set(day=entry.day, kind=entry.kind, name=entry.name, note=entry.note)
    return len(days)


@transaction.atomic
def time_limit_set(
    *, process: str, amount: int, unit: str, label: str, category_code: str = ""
) -> TimeLimit:
    """Enter or replace the limit of `process` (for `category_code`; blank: the default)."""
    row = TimeLimit.objects.select_for_update().filter(
        process=process, category_code=category_code
    ).first() or TimeLimit(process=process, category_code=category_code)
    row.amount, row.unit, row.label = amount, unit, label
    row.full_clean()
    row.save()
    return row


@transaction.atomic
def time_limit_delete(*, process: str, category_code: str = "") -> None:
    row = TimeLimit.objects.filter(process=process, category_code=category_code).first()
    if row is None:
        raise ValidationError({"process": _("该流程没有这一时限")})
    row.delete()
