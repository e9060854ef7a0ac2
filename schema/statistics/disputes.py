"""The dispute figures of the dashboard: each field one grouped query, run only when selected;
total, resolution and byStatus share one (backend/disputes/tally.py)."""

import strawberry
from django.db.models import QuerySet

from backend.disputes.selectors import (
    COUNTY_WIDTH,
    TOWNSHIP_WIDTH,
    counts_by_type,
    resolution_ranking,
)
from backend.disputes.tally import (
    Tally,
    status_tally,
    tally_resolution,
    tally_statuses,
    tally_total,
)
from schema.statistics.types import AreaSummary


@strawberry.type(description="按事件类型（一级）统计")
class TypeCount:
    code: str
    name: str
    count: int


@strawberry.type(description="按状态统计")
class StatusCount:
    status: str
    label: str
    count: int


@strawberry.type(description="化解率 = 化解成功 ÷ 调解已结束（达成协议或调解不成）")
class Resolution:
    finished: int
    resolved: int
    rate: float | None


@strawberry.type(description="区划化解率排名的一行")
class AreaResolution:
    area: AreaSummary
    total: int = strawberry.field(description="纠纷总数")
    finished: int = strawberry.field(description="调解已结束的")
    resolved: int = strawberry.field(description="化解成功的")
    rate: float | None = strawberry.field(description="化解率；无已结束的纠纷为 null")


def _ranking(disputes: QuerySet, width: int) -> list[AreaResolution]:
    return [
        AreaResolution(
            area=AreaSummary(code=f"{row['area']:012d}", name=row["name"]),
            total=row["total"], finished=row["finished"], resolved=row["resolved"],
            rate=row["rate"],
        )
        for row in resolution_ranking(disputes=disputes, width=width)
    ]  # fmt: skip


@strawberry.type(description="矛盾纠纷统计（仅本人权限范围内）")
class DisputeStatistics:
    disputes: strawberry.Private[QuerySet]
    tally: strawberry.Private[Tally | None] = None

    def _tally(self) -> Tally:
        if self.tally is None:
            self.tally = status_tally(disputes=self.disputes)
        return self.tally

    @strawberry.field(description="纠纷总数")
    def total(self) -> int:
        return tally_total(self._tally())

    @strawberry.field(description="总体化解率")
    def resolution(self) -> Resolution:
        return Resolution(**tally_resolution(self._tally()))

    @strawberry.field(description="按事件类型（一级）分布，多的在前")
    def by_type(self) -> list[TypeCount]:
        return [TypeCount(**row) for row in counts_by_type(disputes=self.disputes)]

    @strawberry.field(description="按状态分布（每个状态一行，按流程顺序）")
    def by_status(self) -> list[StatusCount]:
        return [StatusCount(**row) for row in tally_statuses(self._tally())]

    @strawberry.field(description="各县（市、区）化解率排名，高的在前")
    def by_county(self) -> list[AreaResolution]:
        return _ranking(self.disputes, COUNTY_WIDTH)

    @strawberry.field(description="各乡镇（街道）化解率排名，高的在前")
    def by_township(self) -> list[AreaResolution]:
        return _ranking(self.disputes, TOWNSHIP_WIDTH)
