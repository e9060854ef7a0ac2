"""Deadlines of time limits (期限), computed in China Standard Time whatever the settings say.

`start` is the moment the period begins (an aware datetime). The day of `start` is not counted
(民法典第二百零一条：开始的当日不计入，自下一日开始计算). A deadline "at 24:00" of a day is returned
as 23:59:59.999999 Asia/Shanghai of that day, so `deadline.date()` is the last day of the period
and an item is overdue when `now > deadline`.

- hours (小时): plain clock hours, holidays ignored — start + n hours.
- days (自然日): 24:00 of the n-th day after start's day; when that last day is a rest day
  (a holiday, or a weekend day not worked), the period ends at 24:00 of the next working day
  (民法典第二百零三条：期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日).
- working_days (工作日): 24:00 of the n-th working day after start's day ("n个工作日内").

Each call reads the calendar snapshot once: at most one query, never one per day.
"""

from collections.abc import Callable, Mapping
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from backend.worktime.models import LimitUnit, day_is_working
from backend.worktime.selectors import calendar_days, limit_for

CHINA = ZoneInfo("Asia/Shanghai")
ONE_DAY = timedelta(days=1)


def local_day(moment: date | datetime) -> date:
    """The calendar day of `moment` in China (a date is its own day)."""
    if not isinstance(moment, datetime):
        return moment
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("deadline arithmetic needs an aware datetime")
    return moment.astimezone(CHINA).date()


def end_of_day(day: date) -> datetime:
    """24:00 of `day` in China, as its last microsecond."""
    return datetime.combine(day, time.max, tzinfo=CHINA)


def add_hours(start: datetime, n: int) -> datetime:
    local_day(start)  # refuses naive datetimes
    return (start + timedelta(hours=_positive(n))).astimezone(CHINA)


def add_days(start: datetime, n: int) -> datetime:
    days = calendar_days()
    last = local_day(start) + timedelta(days=_positive(n))
    return end_of_day(last if day_is_working(days, last) else _next_working(days, last))


def add_working_days(start: datetime, n: int) -> datetime:
    days, day = calendar_days(), local_day(start)
    for _ in range(_positive(n)):
        day = _next_working(days, day)
    return end_of_day(day)


def working_days_between(a: date | datetime, b: date | datetime) -> int:
    """Working days d with day(a) < d <= day(b); negative when b is before a. So
    working_days_between(start, add_working_days(start, n)) == n."""
    first, last = local_day(a), local_day(b)
    if last < first:
        return -working_days_between(last, first)
    days = calendar_days()
    span = (last - first).days
    return sum(day_is_working(days, first + k * ONE_DAY) for k in range(1, span + 1))


ADDERS: dict[str, Callable[[datetime, int], datetime]] = {
    LimitUnit.HOURS: add_hours,
    LimitUnit.DAYS: add_days,
    LimitUnit.WORKING_DAYS: add_working_days,
}


def deadline_after(start: datetime, amount: int, unit: LimitUnit | str) -> datetime:
    """The deadline of a limit of `amount` `unit`s beginning at `start` (see the module doc)."""
    return ADDERS[LimitUnit(unit)](start, amount)


def deadline_for(process: str, start: datetime, category_code: str = "") -> datetime | None:
    """The deadline of `process` (its category's limit, else its default); None without a limit."""
    limit = limit_for(process, category_code)
    return None if limit is None else deadline_after(start, limit.amount, limit.unit)


def _next_working(days: Mapping[date, str], day: date) -> date:
    day += ONE_DAY
    while not day_is_working(days, day):
        day += ONE_DAY
    return day


def _positive(n: int) -> int:
    if n < 1:
        raise ValueError("a time limit is at least 1")
    return n
