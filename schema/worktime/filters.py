import strawberry_django
from strawberry import auto

from backend.worktime.models import CalendarDay, TimeLimit


@strawberry_django.filter_type(TimeLimit, lookups=True)
class TimeLimitFilter:
    id: auto
    process: auto
    category_code: auto
    unit: auto


@strawberry_django.order_type(TimeLimit)
class TimeLimitOrder:
    process: auto
    category_code: auto
    amount: auto


@strawberry_django.filter_type(CalendarDay, lookups=True)
class CalendarDayFilter:
    id: auto
    day: auto
    kind: auto
    name: auto


@strawberry_django.order_type(CalendarDay)
class CalendarDayOrder:
    day: auto
    kind: auto
