from datetime import date, datetime

from strawberry import auto

from backend.worktime.models import CalendarDay, TimeLimit
from schema.base.fields import model_type


@model_type(TimeLimit, name="TimeLimit", description="办理时限（流程 × 类别）")
class TimeLimitType:
    id: auto
    process: auto
    category_code: auto
    amount: auto
    unit: auto
    label: auto
    updated_at: datetime


@model_type(CalendarDay, name="CalendarDay", description="工作日历：法定节假日与调休上班日")
class CalendarDayType:
    id: auto
    day: date
    kind: auto
    name: auto
    note: auto
