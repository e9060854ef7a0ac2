"""Reads of the calendar and the time limits: each from a process-wide snapshot (one query after
a change, none otherwise; see snapshots.py)."""

from collections.abc import Mapping
from datetime import date

from django.db.models.signals import post_delete, post_save

from backend.worktime.models import CalendarDay, TimeLimit, day_is_working
from backend.worktime.snapshots import Snapshot


def _load_calendar() -> dict[date, str]:
    return dict(CalendarDay.objects.values_list("day", "kind"))


def _load_limits() -> dict[tuple[str, str], TimeLimit]:
    return {(row.process, row.category_code): row for row in TimeLimit.objects.all()}


CALENDAR = Snapshot("worktime.calendar", _load_calendar)
LIMITS = Snapshot("worktime.limits", _load_limits)


def connect_snapshots() -> None:
    """Every save and delete of a row renews its snapshot (called once, from AppConfig.ready)."""
    for model, snapshot in ((CalendarDay, CALENDAR), (TimeLimit, LIMITS)):
        for signal in (post_save, post_delete):
            signal.connect(snapshot.changed, sender=model, weak=False, dispatch_uid=snapshot.key)


def calendar_days() -> Mapping[date, str]:
    """{day: DayKind} of every listed day. Callers must not modify it."""
    return CALENDAR.get()


def is_working_day(day: date) -> bool:
    return day_is_working(calendar_days(), day)


def limit_for(process: str, category_code: str = "") -> TimeLimit | None:
    """The limit of `process` for `category_code`, else the process default, else None.
    The instance is shared by the process: read it, do not change it."""
    limits = LIMITS.get()
    return limits.get((process, category_code)) or limits.get((process, ""))
