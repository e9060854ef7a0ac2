"""What administrators tune: time limits per process and category, and the working-day calendar.
Reference data: every signed-in user reads it; changing it needs the permission in a grant."""

from backend.worktime.editing import (
    calendar_day_create,
    calendar_day_update,
    row_delete,
    time_limit_create,
    time_limit_update,
)
from backend.worktime.models import CalendarDay, TimeLimit
from schema.base.reference import Reference, reference_mutation, reference_query
from schema.worktime.filters import (
    CalendarDayFilter,
    CalendarDayOrder,
    TimeLimitFilter,
    TimeLimitOrder,
)
from schema.worktime.inputs import (
    CalendarDayCreateInput,
    CalendarDayUpdateInput,
    TimeLimitCreateInput,
    TimeLimitUpdateInput,
)
from schema.worktime.types import CalendarDayType, TimeLimitType

TIME_LIMITS = Reference(
    model=TimeLimit,
    node=TimeLimitType,
    inputs=(TimeLimitCreateInput, TimeLimitUpdateInput),
    filters=TimeLimitFilter,
    ordering=TimeLimitOrder,
    names=("time_limit", "time_limits"),
    services=(
        time_limit_create,
        lambda row, data: time_limit_update(limit=row, data=data),
        lambda row: row_delete(row=row),
    ),
    descriptions={
        "list": "办理时限（登录用户可见）",
        "detail": "一条办理时限；不存在时为 null",
        "create": "新增办理时限",
        "update": "修改办理时限",
        "delete": "删除办理时限",
    },
)
CALENDAR_DAYS = Reference(
    model=CalendarDay,
    node=CalendarDayType,
    inputs=(CalendarDayCreateInput, CalendarDayUpdateInput),
    filters=CalendarDayFilter,
    ordering=CalendarDayOrder,
    names=("calendar_day", "calendar_days"),
    services=(
        calendar_day_create,
        lambda row, data: calendar_day_update(day=row, data=data),
        lambda row: row_delete(row=row),
    ),
    descriptions={
        "list": "工作日历（登录用户可见）",
        "detail": "工作日历的一天；不存在时为 null",
        "create": "新增工作日历的一天",
        "update": "修改工作日历的一天",
        "delete": "删除工作日历的一天",
    },
)
WorktimeQuery = reference_query("WorktimeQuery", TIME_LIMITS, CALENDAR_DAYS)
WorktimeMutation = reference_mutation("WorktimeMutation", TIME_LIMITS, CALENDAR_DAYS)
