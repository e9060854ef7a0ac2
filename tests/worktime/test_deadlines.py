"""Deadline arithmetic on the official calendar loaded by the migration (2025–2027)."""

from datetime import UTC, date, datetime, time

import pytest

from backend.worktime.deadlines import (
    CHINA,
    add_working_days,
    deadline_after,
    deadline_for,
    end_of_day,
    working_days_between,
)
from backend.worktime.models import LimitUnit
from backend.worktime.selectors import is_working_day

pytestmark = pytest.mark.django_db


def at(day: str, clock: str = "10:00") -> datetime:
    return datetime.combine(date.fromisoformat(day), time.fromisoformat(clock), tzinfo=CHINA)


def last_moment(day: str) -> datetime:
    return datetime.combine(date.fromisoformat(day), time(23, 59, 59, 999999), tzinfo=CHINA)


@pytest.mark.parametrize(
    ("day", "working"),
    [
        ("2026-02-13", True),  # Friday before 春节
        ("2026-02-14", True),  # Saturday, 调休上班
        ("2026-02-16", False),  # 除夕, a Monday
        ("2026-02-23", False),  # Monday, last day of the holiday
        ("2026-02-24", True),
        ("2026-02-28", True),  # Saturday, 调休上班
        ("2026-03-07", False),  # an ordinary Saturday
        ("2025-09-28", True),  # Sunday, 调休上班 before 国庆
        ("2025-10-08", False),  # Wednesday inside 国庆中秋
        ("2027-02-05", False),  # 2027 除夕 (statutory day, no 调休 yet)
    ],
)
def test_the_calendar_holds_the_official_arrangements(day, working):
    assert is_working_day(date.fromisoformat(day)) is working


@pytest.mark.parametrize(
    ("start", "n", "last_day"),
    [
        ("2026-02-12", 1, "2026-02-13"),
        ("2026-02-12", 2, "2026-02-14"),  # the 调休 Saturday counts
        ("2026-02-12", 3, "2026-02-24"),  # 2026-02-15..23 are skipped
        ("2026-02-12", 10, "2026-03-04"),  # 2026-02-28 (Saturday) counts again
        ("2025-09-26", 1, "2025-09-28"),  # Friday → the 调休 Sunday
        ("2025-09-30", 1, "2025-10-09"),  # across 国庆中秋 2025
        ("2027-02-04", 1, "2027-02-09"),  # 2027's statutory 春节 days
        ("2026-02-15", 1, "2026-02-24"),  # a start inside the holiday
    ],
)
def test_working_days_end_at_midnight_of_the_nth_working_day(start, n, last_day):
    deadline = add_working_days(at(start), n)
    assert deadline == last_moment(last_day)
    assert deadline.tzinfo == CHINA and deadline.date() == date.fromisoformat(last_day)


def test_the_start_day_is_the_day_in_china_not_in_utc():
    late_utc = datetime(2026, 2, 12, 17, 0, tzinfo=UTC)  # 2026-02-13 01:00 in China
    assert add_working_days(late_utc, 1) == last_moment("2026-02-14")


def test_hours_are_clock_hours_whatever_the_calendar():
    assert deadline_after(at("2026-02-14", "09:30"), 48, LimitUnit.HOURS) == at(
        "2026-02-16", "09:30"
    )
    utc = datetime(2026, 2, 16, 1, 30, tzinfo=UTC)
    assert deadline_after(utc, 24, "hours") == at("2026-02-17", "09:30")


@pytest.mark.parametrize(
    ("start", "n", "last_day"),
    [
        ("2026-03-02", 3, "2026-03-05"),  # an ordinary period
        ("2026-03-02", 5, "2026-03-09"),  # would end on Saturday 03-07: Monday
        ("2026-02-10", 7, "2026-02-24"),  # would end on 02-17 (春节): the day after the holiday
        ("2026-09-01", 30, "2026-10-08"),  # would end on 10-01 (国庆)
        ("2026-02-11", 3, "2026-02-14"),  # ends on the 调休 Saturday, a working day
    ],
)
def test_natural_days_move_off_a_rest_day_as_the_civil_code_says(start, n, last_day):
    assert deadline_after(at(start), n, LimitUnit.DAYS) == last_moment(last_day)


def test_working_days_between_counts_the_days_after_the_first():
    assert working_days_between(date(2026, 2, 12), date(2026, 2, 24)) == 3
    assert working_days_between(date(2026, 2, 24), date(2026, 2, 12)) == -3
    assert working_days_between(at("2026-02-13"), at("2026-02-13", "23:00")) == 0
    assert working_days_between(date(2026, 2, 15), date(2026, 2, 23)) == 0
    assert working_days_between(date(2025, 9, 27), date(2025, 9, 28)) == 1


@pytest.mark.parametrize("n", range(1, 41))
def test_working_days_between_inverts_add_working_days(n):
    start = at("2026-01-20")
    assert working_days_between(start, add_working_days(start, n)) == n


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="aware"):
        add_working_days(datetime(2026, 2, 12, 10, 0), 1)
    with pytest.raises(ValueError, match="at least 1"):
        deadline_after(at("2026-02-12"), 0, LimitUnit.DAYS)
    with pytest.raises(ValueError):
        deadline_after(at("2026-02-12"), 1, "weeks")


def test_end_of_day_is_the_last_microsecond_in_china():
    assert end_of_day(date(2026, 2, 24)).isoformat() == "2026-02-24T23:59:59.999999+08:00"


def test_deadline_for_uses_the_default_limits():
    # 申请司法确认：三十日，自协议生效之日起；2026-01-10 + 30 = 02-09 (Monday)
    assert deadline_for("dispute.confirmation_apply", at("2026-01-10")) == last_moment("2026-02-09")
    # 企业诉求答复：5 个工作日
    assert deadline_for("enterprise.answer", at("2026-02-12")) == last_moment("2026-02-26")
    assert deadline_for("task", at("2026-02-12")) is None
