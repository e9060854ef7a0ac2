"""What administrators tune: time limits per process and category, and the working-day calendar.
Reference data: every signed-in user reads it; changing it needs the permission in a grant."""

import strawberry
import strawberry_django
from django.db.models import QuerySet
from strawberry.types import Info

from backend.worktime.editing import (
    calendar_day_create,
    calendar_day_update,
    row_delete,
    time_limit_create,
    time_limit_update,
)
from backend.worktime.models import CalendarDay, TimeLimit
from permissions.codenames import Action
from permissions.registry import policy_for
from schema.base.context import user_of
from schema.base.inputs import IdInput, changes_of
from schema.base.loading import deleted, load, load_or_none, require
from schema.base.pages import OffsetPaginated
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


@strawberry.type
class WorktimeQuery:
    @strawberry_django.offset_paginated(
        OffsetPaginated[TimeLimitType],
        filters=TimeLimitFilter,
        ordering=TimeLimitOrder,
        description="办理时限（登录用户可见）",
    )
    def time_limits(self, info: Info) -> QuerySet[TimeLimit]:
        return policy_for(TimeLimit).visible(user_of(info))

    @strawberry_django.offset_paginated(
        OffsetPaginated[CalendarDayType],
        filters=CalendarDayFilter,
        ordering=CalendarDayOrder,
        description="工作日历（登录用户可见）",
    )
    def calendar_days(self, info: Info) -> QuerySet[CalendarDay]:
        return policy_for(CalendarDay).visible(user_of(info))

    @strawberry.field(description="一条办理时限；不存在时为 null")
    def time_limit(self, info: Info, id: strawberry.ID) -> TimeLimitType | None:
        return load_or_none(info, TimeLimit, id)  # type: ignore[return-value]

    @strawberry.field(description="工作日历的一天；不存在时为 null")
    def calendar_day(self, info: Info, id: strawberry.ID) -> CalendarDayType | None:
        return load_or_none(info, CalendarDay, id)  # type: ignore[return-value]


def mutation(description: str):  # type: ignore[no-untyped-def]
    return strawberry_django.mutation(handle_django_errors=True, description=description)


@strawberry.type
class WorktimeMutation:
    @mutation("新增办理时限")
    def create_time_limit(self, info: Info, data: TimeLimitCreateInput) -> TimeLimitType:
        require(info, Action.ADD, TimeLimit())
        return time_limit_create(**vars(data))  # type: ignore[return-value]

    @mutation("修改办理时限")
    def update_time_limit(self, info: Info, data: TimeLimitUpdateInput) -> TimeLimitType:
        limit = load(info, TimeLimit, data.id, Action.CHANGE)
        return time_limit_update(limit=limit, data=changes_of(data))  # type: ignore[return-value]

    @mutation("删除办理时限")
    def delete_time_limit(self, info: Info, data: IdInput) -> TimeLimitType:
        limit = load(info, TimeLimit, data.id, Action.DELETE)
        return deleted(limit, lambda row: row_delete(row=row))  # type: ignore[return-value]

    @mutation("新增工作日历的一天")
    def create_calendar_day(self, info: Info, data: CalendarDayCreateInput) -> CalendarDayType:
        require(info, Action.ADD, CalendarDay())
        return calendar_day_create(**vars(data))  # type: ignore[return-value]

    @mutation("修改工作日历的一天")
    def update_calendar_day(self, info: Info, data: CalendarDayUpdateInput) -> CalendarDayType:
        day = load(info, CalendarDay, data.id, Action.CHANGE)
        return calendar_day_update(day=day, data=changes_of(data))  # type: ignore[return-value]

    @mutation("删除工作日历的一天")
    def delete_calendar_day(self, info: Info, data: IdInput) -> CalendarDayType:
        day = load(info, CalendarDay, data.id, Action.DELETE)
        return deleted(day, lambda row: row_delete(row=row))  # type: ignore[return-value]
