from datetime import date

import strawberry


@strawberry.input(description="新增办理时限")
class TimeLimitCreateInput:
    process: str = strawberry.field(description="流程标识，如 dispute.mediation")
    amount: int
    unit: str = strawberry.field(description="hours 小时 / days 自然日 / working_days 工作日")
    label: str
    category_code: str = strawberry.field(default="", description="类别代码；留空为该流程默认")


@strawberry.input(description="修改办理时限（只传要改的字段）")
class TimeLimitUpdateInput:
    id: strawberry.ID
    process: str | None = strawberry.UNSET
    amount: int | None = strawberry.UNSET
    unit: str | None = strawberry.UNSET
    label: str | None = strawberry.UNSET
    category_code: str | None = strawberry.UNSET


@strawberry.input(description="新增工作日历的一天（节假日或调休上班日）")
class CalendarDayCreateInput:
    day: date
    kind: str = strawberry.field(description="holiday 放假 / workday 调休上班")
    name: str
    note: str = ""


@strawberry.input(description="修改工作日历的一天（只传要改的字段）")
class CalendarDayUpdateInput:
    id: strawberry.ID
    day: date | None = strawberry.UNSET
    kind: str | None = strawberry.UNSET
    name: str | None = strawberry.UNSET
    note: str | None = strawberry.UNSET
