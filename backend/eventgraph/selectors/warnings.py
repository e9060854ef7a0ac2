"""Early warnings (排查预警): villages where at least `min_items` reports and disputes the caller
may see were registered within `days` days — items the place rule links to one another — with a
risk level from their number, group events (事件规模 02/03) and repeated parties, and a reason."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q

from backend.areas.models import Area
from backend.disputes.models.dispute import GROUP_SCALES
from backend.eventgraph.models import DISPUTE, REPORT, PartyKey
from backend.eventgraph.nodes import report_day_range
from backend.eventgraph.rules import is_village
from backend.eventgraph.selectors.items import Visible, visible_keys_q

DAYS, MIN_ITEMS, LIMIT = 30, 3, 100
RISK_LABELS = {"high": "高", "medium": "中", "low": "低"}
RISK_ORDER = {"high": 0, "medium": 1, "low": 2}


@dataclass(frozen=True)
class Counts:
    disputes: int = 0
    reports: int = 0
    general_group: int = 0  # 02 一般群体性事件
    major_group: int = 0  # 03 重大群体性事件
    repeated: int = 0  # ID numbers or phones occurring twice or more among the items

    @property
    def items(self) -> int:
        return self.disputes + self.reports


@dataclass(frozen=True)
class EarlyWarning:
    area_code: int
    area_name: str
    township_name: str
    counts: Counts
    risk: str
    risk_label: str
    reason: str
    first_day: date
    last_day: date


def early_warnings(
    *, visible: Visible, low: int, high: int, as_of: date, days: int = DAYS,
    min_items: int = MIN_ITEMS,
) -> list[EarlyWarning]:  # fmt: skip
    first = as_of - timedelta(days=days - 1)
    counts = _village_counts(visible, low, high, first, as_of)
    hot = sorted(
        (code for code, c in counts.items() if c.items >= min_items),
        key=lambda code: (-counts[code].items, code),
    )[:LIMIT]
    repeated = _repeated(visible, hot, first, as_of)
    names = {code: (name, town) for code, name, town in
             Area.objects.filter(code__in=hot).values_list("code", "name", "parent__name")}  # fmt: skip
    found = []
    for code in hot:
        c = Counts(**{**counts[code].__dict__, "repeated": repeated.get(code, 0)})
        risk = risk_of(c, min_items)
        found.append(
            EarlyWarning(
                code, *names[code], c, risk, RISK_LABELS[risk], reason_of(c, days), first, as_of
            )
        )
    return sorted(found, key=lambda w: (RISK_ORDER[w.risk], -w.counts.items, w.area_code))


def risk_of(c: Counts, min_items: int) -> str:
    """高: a major group event, two general ones, or three times the threshold; 中: one general
    group event, twice the threshold, or a repeated party; else 低."""
    if c.major_group or c.general_group >= 2 or c.items >= 3 * min_items:
        return "high"
    if c.general_group or c.items >= 2 * min_items or c.repeated:
        return "medium"
    return "low"


def reason_of(c: Counts, days: int) -> str:
    parts = [
        f"近{days}天内该村（社区）关联事项{c.items}件（矛盾纠纷{c.disputes}件、民意诉求{c.reports}件）"
    ]
    if c.major_group:
        parts.append(f"重大群体性事件{c.major_group}件")
    if c.general_group:
        parts.append(f"一般群体性事件{c.general_group}件")
    if c.repeated:
        parts.append(f"{c.repeated}个当事人证件号码或联系电话重复出现")
    return "；".join(parts)


def _village_counts(visible: Visible, low: int, high: int, first: date, last: date) -> dict:
    span = Q(area_id__gte=low, area_id__lte=high)
    disputes = (
        visible[DISPUTE].filter(span, registered_on__range=(first, last))
        .order_by().values("area_id")
        .annotate(n=Count("id"), g2=Count("id", filter=Q(scale__code=GROUP_SCALES[0])),
                  g3=Count("id", filter=Q(scale__code=GROUP_SCALES[1])))
    )  # fmt: skip
    start, end = report_day_range(first, last)
    reports = (
        visible[REPORT].filter(span, registered_at__gte=start, registered_at__lt=end)
        .order_by().values("area_id").annotate(n=Count("id"))
    )  # fmt: skip
    counts: dict[int, Counts] = {}  # villages only: a township-level item names no place
    for row in (row for row in disputes if is_village(row["area_id"])):
        counts[row["area_id"]] = Counts(row["n"], 0, row["g2"], row["g3"])
    for row in (row for row in reports if is_village(row["area_id"])):
        known = counts.get(row["area_id"], Counts())
        counts[row["area_id"]] = Counts(
            known.disputes, row["n"], known.general_group, known.major_group
        )
    return counts


def _repeated(visible: Visible, villages: list[int], first: date, last: date) -> dict[int, int]:
    """Per village: digests occurring in two or more of its items in the window."""
    if not villages:
        return {}
    rows = (
        PartyKey.objects.filter(area_id__in=villages, day__range=(first, last))
        .filter(visible_keys_q(visible))
        .order_by().values("area_id", "digest").annotate(n=Count("id")).filter(n__gte=2)
    )  # fmt: skip
    found: dict[int, int] = {}
    for row in rows:
        found[row["area_id"]] = found.get(row["area_id"], 0) + 1
    return found
