"""Plain result types of the dashboard statistics (治汇一屏): no model types, so no nested field
can cost a query per row; every figure is computed by a backend selector."""

import strawberry

from backend.reports.performance import UnitPerformance
from backend.reports.selectors import Rate


def rate(value: Rate) -> float | None:
    return round(value.value, 4) if value.value is not None else None


@strawberry.type(description="单位（统计用）")
class UnitSummary:
    id: strawberry.ID
    code: str
    name: str


@strawberry.type(description="区划（统计用）")
class AreaSummary:
    code: str = strawberry.field(description="12 位统计用区划代码")
    name: str


@strawberry.type(description="督办次数（已下达）与考核扣分")
class SupervisionCounts:
    ordinary: int = strawberry.field(description="一般督办")
    yellow: int = strawberry.field(description="黄牌督办")
    red: int = strawberry.field(description="红牌督办")
    deduction: int = strawberry.field(description="扣分（一般 1、黄牌 3、红牌 5）")


@strawberry.type(
    name="UnitPerformance",
    description="单位考核：响应率、解决率、满意率和督办（由办理记录和群众评价算出）",
)
class UnitPerformanceRow:
    unit: UnitSummary
    dispatched: int = strawberry.field(description="期间派给（含转派给）本单位的事项数")
    signed_in_time: int = strawberry.field(description="其中按时签收（2 小时内）的")
    response_rate: float | None = strawberry.field(
        description="响应率 = 按时签收 ÷ 派单；无派单为 null"
    )
    evaluated: int = strawberry.field(description="期间群众评价的、由本单位最后反馈的事项数")
    solved: int = strawberry.field(description="其中评价为已解决的")
    resolution_rate: float | None = strawberry.field(description="解决率 = 已解决 ÷ 评价")
    satisfied: int = strawberry.field(description="其中满意或基本满意的")
    satisfaction_rate: float | None = strawberry.field(description="满意率 = 满意及基本满意 ÷ 评价")
    supervisions: SupervisionCounts

    @classmethod
    def of(cls, row: UnitPerformance) -> "UnitPerformanceRow":
        unit = UnitSummary(
            id=strawberry.ID(str(row.unit.id)), code=row.unit.code, name=row.unit.name
        )
        return cls(
            unit=unit,
            dispatched=row.response.denominator,
            signed_in_time=row.response.numerator,
            response_rate=rate(row.response),
            evaluated=row.resolution.denominator,
            solved=row.resolution.numerator,
            resolution_rate=rate(row.resolution),
            satisfied=row.satisfaction.numerator,
            satisfaction_rate=rate(row.satisfaction),
            supervisions=SupervisionCounts(**row.supervisions),
        )


@strawberry.type(name="TaskCompletion", description="任务完成情况（按牵头单位）")
class TaskCompletionRow:
    unit: UnitSummary
    total: int = strawberry.field(description="牵头任务数")
    completed: int = strawberry.field(description="已完成（含已验收）")
    overdue: int = strawberry.field(description="逾期未完成（截至今天）")
    rate: float | None = strawberry.field(description="完成率 = 已完成 ÷ 牵头任务数")
    average_progress: float | None = strawberry.field(description="平均进度（%）")
