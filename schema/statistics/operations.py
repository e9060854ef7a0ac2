"""Dashboard statistics (治汇一屏): each query counts only what the user may see (the policies'
querysets) and costs a fixed number of SQL statements, whatever the number of rows or units."""

from datetime import datetime

import strawberry
from django.utils import timezone
from strawberry.types import Info

from backend.areas.selectors import within
from backend.creation.models import CreationTask
from backend.creation.selectors import unit_completion
from backend.disputes.models import Dispute
from backend.reports.models import Report
from backend.reports.performance import unit_performance
from backend.workflow.models import Supervision
from permissions.registry import policy_for
from schema.base.context import user_of
from schema.reports.acting import area_by_code
from schema.statistics.disputes import DisputeStatistics
from schema.statistics.types import TaskCompletionRow, UnitPerformanceRow, UnitSummary


def _aware(value: datetime) -> datetime:
    return timezone.make_aware(value) if timezone.is_naive(value) else value


def _new_year(moment: datetime) -> datetime:
    """0:00 on 1 January of `moment`'s year, local time."""
    return timezone.localtime(moment).replace(
        month=1, day=1, hour=0, minute=0, second=0, microsecond=0
    )


@strawberry.type
class StatisticsQuery:
    @strawberry.field(
        description="单位考核（响应率、解决率、满意率、督办），按单位代码排序；期间 [start, end)，"
        "缺省为本年 1 月 1 日至今"
    )
    def unit_performance(
        self, info: Info, start: datetime | None = None, end: datetime | None = None
    ) -> list[UnitPerformanceRow]:
        user = user_of(info)
        end = _aware(end) if end else timezone.now()
        start = _aware(start) if start else _new_year(end)
        rows = unit_performance(
            start, end,
            reports=policy_for(Report).visible(user),
            supervisions=policy_for(Supervision).visible(user),
        )  # fmt: skip
        return [UnitPerformanceRow.of(row) for row in rows]

    @strawberry.field(description="矛盾纠纷统计；areaCode 为空时统计本人权限范围内的全部纠纷")
    def dispute_statistics(self, info: Info, area_code: str | None = None) -> DisputeStatistics:
        disputes = policy_for(Dispute).visible(user_of(info))
        if area_code:
            disputes = disputes.filter(within(area_by_code(area_code)))
        return DisputeStatistics(disputes=disputes)

    @strawberry.field(description="创建任务完成情况（按牵头单位），完成多的在前")
    def task_completion(self, info: Info) -> list[TaskCompletionRow]:
        tasks = policy_for(CreationTask).visible(user_of(info)).filter(lead_unit__isnull=False)
        return [
            _completion(row) for row in unit_completion(tasks=tasks, today=timezone.localdate())
        ]


def _completion(row: dict) -> TaskCompletionRow:
    unit = UnitSummary(
        id=strawberry.ID(str(row["lead_unit"])),
        code=row["lead_unit__code"],
        name=row["lead_unit__name"],
    )
    total, completed, progress = row["tasks_led"], row["completed"], row["average_progress"]
    return TaskCompletionRow(
        unit=unit, total=total, completed=completed, overdue=row["overdue"],
        rate=round(completed / total, 4) if total else None,
        average_progress=round(float(progress), 1) if progress is not None else None,
    )  # fmt: skip
