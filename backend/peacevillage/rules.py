"""Automatic checks: checklist items whose answer the project's data already holds. A rule gets
the villages and the period and answers, per village, (passed, note); notes name record numbers,
never people. 无群体性事件 reads the disputes, 无重大刑事案件 the incident register (incident.py);
the other items stay manual: the project records no safety accidents or petitions (信访)."""

from collections.abc import Callable, Iterable
from datetime import date

from django.db.models import Count, QuerySet

from backend.disputes.models import Dispute
from backend.disputes.models.dispute import GROUP_SCALES
from backend.peacevillage.incident import CRIMINAL, MAJOR_GRADES, Incident

Result = tuple[bool, str]
Rule = Callable[[Iterable[int], date, date], dict[int, Result]]


def _none_found(rows: QuerySet, villages: list[int], failed: str, passed: str) -> dict[int, Result]:
    """Per village: passed when `rows` (already narrowed to the villages and the period) holds
    none of its records, else failed with their count (`failed` takes {n})."""
    counted = rows.order_by().values("area_id").annotate(n=Count("id"))
    found = {row["area_id"]: row["n"] for row in counted}
    return {
        village: (False, failed.format(n=found[village])) if village in found else (True, passed)
        for village in villages
    }


def no_group_incident(villages: Iterable[int], first: date, last: date) -> dict[int, Result]:
    """无群体性事件: no dispute of 事件规模 02/03 that occurred in the village in the period."""
    wanted = list(villages)
    rows = Dispute.objects.filter(
        area_id__in=wanted, scale__code__in=GROUP_SCALES, occurred_on__range=(first, last)
    )
    return _none_found(
        rows,
        wanted,
        "期间内发生群体性事件（事件规模 02/03）矛盾纠纷 {n} 件",
        "期间内无群体性事件（事件规模 02/03）矛盾纠纷记录",
    )


def no_major_criminal_case(villages: Iterable[int], first: date, last: date) -> dict[int, Result]:
    """无重大刑事案件: no incident of 案件类型 04 graded 特别重大 / 重大 recorded in the period."""
    wanted = list(villages)
    rows = Incident.objects.filter(
        area_id__in=wanted,
        case_type__code=CRIMINAL,
        grade__code__in=MAJOR_GRADES,
        occurred_on__range=(first, last),
    )
    return _none_found(
        rows,
        wanted,
        "期间内登记重大（特别重大）刑事案件 {n} 件",
        "期间内无重大（特别重大）刑事案件登记",
    )


RULES: dict[str, Rule] = {
    "no_group_incident": no_group_incident,
    "no_major_criminal_case": no_major_criminal_case,
}
RULE_CHOICES = [
    ("no_group_incident", "无群体性事件：期间内无事件规模 02/03 的矛盾纠纷"),
    ("no_major_criminal_case", "无重大刑事案件：期间内无案件分级 01/02 的刑事案件登记"),
]
