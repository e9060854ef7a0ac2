"""Editing the calendar: validated writes, and the snapshot follows every edit at once."""

from datetime import date, datetime, time

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction

from backend.worktime.deadlines import CHINA, add_working_days, deadline_after
from backend.worktime.models import CalendarDay, DayKind, LimitUnit
from backend.worktime.selectors import CALENDAR, is_working_day
from backend.worktime.services import (
    calendar_day_delete,
    calendar_day_set,
    calendar_load_official,
)
from backend.worktime.sources import official_days

pytestmark = pytest.mark.django_db
THURSDAY = datetime(2026, 3, 5, 10, 0, tzinfo=CHINA)
FRIDAY, SATURDAY = date(2026, 3, 6), date(2026, 3, 7)


def test_thirty_working_days_cost_at_most_one_query_and_then_none(
    django_assert_max_num_queries, django_assert_num_queries
):
    cache.clear()  # as after another process changed the calendar
    with django_assert_max_num_queries(1):
        deadline_after(datetime(2026, 1, 20, tzinfo=CHINA), 30, LimitUnit.WORKING_DAYS)
    with django_assert_num_queries(0):
        deadline_after(datetime(2026, 9, 1, tzinfo=CHINA), 30, LimitUnit.WORKING_DAYS)
        deadline_after(datetime(2026, 9, 1, tzinfo=CHINA), 30, LimitUnit.DAYS)


def test_an_edited_day_counts_at_once_and_a_deleted_one_follows_the_week_again():
    assert add_working_days(THURSDAY, 1).date() == FRIDAY
    calendar_day_set(day=FRIDAY, kind=DayKind.HOLIDAY, name="临时休假")
    assert add_working_days(THURSDAY, 1).date() == date(2026, 3, 9)
    calendar_day_set(day=SATURDAY, kind=DayKind.WORKDAY, name="临时补班")
    assert add_working_days(THURSDAY, 1).date() == SATURDAY
    calendar_day_delete(day=FRIDAY)
    calendar_day_delete(day=SATURDAY)
    assert add_working_days(THURSDAY, 1).date() == FRIDAY
    assert is_working_day(SATURDAY) is False


def test_a_change_committed_by_another_process_is_seen(django_assert_num_queries):
    assert is_working_day(FRIDAY)
    CalendarDay.objects.bulk_create(  # no signal here: only the shared token tells
        [CalendarDay(day=FRIDAY, kind=DayKind.HOLIDAY, name="另一进程")]
    )
    with django_assert_num_queries(0):
        assert is_working_day(FRIDAY)  # still this process's copy
    cache.set(CALENDAR.key, "renewed-by-another-process")
    assert is_working_day(FRIDAY) is False


def test_the_commit_renews_the_shared_token(django_capture_on_commit_callbacks):
    before = CALENDAR._token()
    with django_capture_on_commit_callbacks(execute=True):
        calendar_day_set(day=FRIDAY, kind=DayKind.HOLIDAY, name="临时休假")
    assert CALENDAR._token() != before


def test_a_rolled_back_edit_leaves_no_trace():
    with pytest.raises(RuntimeError), transaction.atomic():
        calendar_day_set(day=FRIDAY, kind=DayKind.HOLIDAY, name="临时休假")
        assert is_working_day(FRIDAY) is False  # the transaction sees its own edit
        raise RuntimeError
    assert is_working_day(FRIDAY) is True


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        (
            {"day": FRIDAY, "kind": DayKind.WORKDAY, "name": "补班"},
            "kind",
            "调休上班日必须是周六或周日",
        ),
        ({"day": FRIDAY, "kind": "weekend", "name": "休息"}, "kind", "不是有效选项"),
        ({"day": FRIDAY, "kind": DayKind.HOLIDAY, "name": ""}, "name", "不能为空"),
    ],
)
def test_invalid_days_are_refused_in_chinese_and_nothing_is_written(values, field, message):
    with pytest.raises(ValidationError) as raised:
        calendar_day_set(**values)
    assert field in raised.value.message_dict
    assert message in " ".join(raised.value.message_dict[field])
    assert not CalendarDay.objects.filter(day=FRIDAY).exists()


def test_deleting_a_day_without_an_arrangement_is_an_error():
    with pytest.raises(ValidationError) as raised:
        calendar_day_delete(day=FRIDAY)
    assert raised.value.message_dict == {"day": ["该日期没有节假日或调休安排"]}


def test_the_migration_and_the_loader_read_the_same_file():
    days = official_days()
    assert len(days) == len({entry.day for entry in days})  # no date twice
    stored = dict(CalendarDay.objects.values_list("day", "kind"))
    assert all(stored[entry.day] == entry.kind for entry in days)
    CalendarDay.objects.filter(day=days[0].day).update(kind=DayKind.WORKDAY, name="改错了")
    assert calendar_load_official() == len(days)
    assert CalendarDay.objects.get(day=days[0].day).kind == days[0].kind
    for entry in days:  # every row passes the model's own validation
        CalendarDay(day=entry.day, kind=entry.kind, name=entry.name, note=entry.note).clean()


def test_the_file_of_2027_carries_only_statutory_days_marked_as_provisional():
    rows = [entry for entry in official_days() if entry.day.year == 2027]
    assert {entry.kind for entry in rows} == {DayKind.HOLIDAY}
    assert len(rows) == 13  # 元旦1 春节4 清明1 劳动节2 端午1 中秋1 国庆3
    assert all(entry.note == "待国务院办公厅公布调休安排后补录" for entry in rows)


def test_the_file_matches_the_2026_notice_in_number_of_days():
    rows = [entry for entry in official_days() if entry.day.year == 2026]
    holidays = [entry for entry in rows if entry.kind == DayKind.HOLIDAY]
    workdays = sorted(entry.day for entry in rows if entry.kind == DayKind.WORKDAY)
    assert len(holidays) == 3 + 9 + 3 + 5 + 3 + 3 + 7
    assert workdays == [
        date(2026, 1, 4),
        date(2026, 2, 14),
        date(2026, 2, 28),
        date(2026, 5, 9),
        date(2026, 9, 20),
        date(2026, 10, 10),
    ]


def test_a_late_evening_start_counts_from_the_next_day():
    late = datetime.combine(date(2026, 3, 5), time(23, 59), tzinfo=CHINA)
    assert add_working_days(late, 1).date() == FRIDAY
