"""The units' assessment table (治汇一屏, 考核): 响应率, 解决率 and 满意率 from the dispatch steps and
the residents' evaluations, and the 督办 each unit received — all computed, none typed in.

`reports` and `supervisions` are what the caller may see (the policies' querysets); the table costs
five statements whatever the number of units or rows: one per KPI, one for the units' names."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet

from backend.org.models import Unit
from backend.reports.models import Report
from backend.reports.selectors import Rate, resolution_rates, response_rates, satisfaction_rates
from backend.workflow.models import Supervision
from backend.workflow.selectors import DEDUCTION, supervision_tally

NONE = Rate(0, 0)


@dataclass(frozen=True)
class UnitRef:
    id: int
    code: str
    name: str


@dataclass(frozen=True)
class UnitPerformance:
    unit: UnitRef
    response: Rate  # signed in time ÷ dispatched (or transferred) to the unit
    resolution: Rate  # solved ÷ evaluated, judged on the unit's last feedback
    satisfaction: Rate  # 满意 + 基本满意 ÷ evaluated
    supervisions: dict[str, int]  # issued 督办 by level, and the points deducted


def unit_performance(
    start: datetime,
    end: datetime,
    *,
    reports: QuerySet[Report],
    supervisions: QuerySet[Supervision],
) -> list[UnitPerformance]:
    """Every unit with an item dispatched, an evaluation or a supervision in [start, end),
    ordered by unit code."""
    response = response_rates(start, end, reports=reports)
    resolution = resolution_rates(start, end, reports=reports)
    satisfaction = satisfaction_rates(start, end, reports=reports)
    tally = supervision_tally(start, end, supervisions=supervisions)
    units = _units({*response, *resolution, *satisfaction, *tally})
    return [
        UnitPerformance(
            unit=unit,
            response=response.get(unit.id, NONE),
            resolution=resolution.get(unit.id, NONE),
            satisfaction=satisfaction.get(unit.id, NONE),
            supervisions=tally.get(unit.id) or _no_supervision(),
        )
        for unit in units
    ]


def _no_supervision() -> dict[str, int]:
    return {**dict.fromkeys(DEDUCTION, 0), "deduction": 0}


def _units(ids: set[int]) -> list[UnitRef]:
    found = Unit.objects.filter(pk__in=ids).order_by("code").values_list("id", "code", "name")
    return [UnitRef(*row) for row in found]
