"""Automatic checks: checklist items whose answer the project's data already holds. A rule gets
the villages and the period and answers, per village, (passed, note); notes name record numbers,
never people. 无重大刑事案件 / 无命案 and the other items stay manual: the project records no
criminal cases, safety accidents or petitions (信访) of its own."""

from collections.abc import Callable, Iterable
from datetime import date

from django.db.models import Count

from backend.disputes.models import Dispute
from backend.disputes.models.dispute import GROUP_SCALES

Result = tuple[bool, str]
Rule = Callable[[Iterable[int], date, date], dict[int, Result]]


def no_group_incident(villages: Iterable[int], first: date, last: date) -> dict[int, Result]:
    """无群体性事件: no dispute of 事件规模 02/03 that occurred in the village in the period."""
    wanted = list(villages)
    rows = (
        Dispute.objects.filter(
            area_id__in=wanted, scale__code__in=GROUP_SCALES, occurred_on__range=(first, last)
        )
        .order_by()
        .values("area_id")
        .annotate(n=Count("id"))
    )
    found = {row["area_id"]: row["n"] for row in rows}
    return {
        village: (False, f"期间内发生群体性事件（事件规模 02/03）矛盾纠纷 {found[village]} 件")
        if village in found
        else (True, "期间内无群体性事件（事件规模 02/03）矛盾纠纷记录")
        for village in wanted
    }


RULES: dict[str, Rule] = {"no_group_incident": no_group_incident}
RULE_CHOICES = [("no_group_incident", "无群体性事件：期间内无事件规模 02/03 的矛盾纠纷")]
