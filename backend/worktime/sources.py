"""The shipped data: the official holiday arrangements (data/holidays.csv) and the default time
limits. The migrations and `calendar_load_official` read them; a new year is a data edit."""

import csv
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

HOLIDAYS_FILE = Path(__file__).resolve().parent / "data" / "holidays.csv"


@dataclass(frozen=True)
class OfficialDay:
    day: date
    kind: str
    name: str
    note: str


def official_days(text: str | None = None) -> list[OfficialDay]:
    """One entry per date of every `first,last,kind,name,note` row; '#' lines are comments."""
    text = HOLIDAYS_FILE.read_text(encoding="utf-8") if text is None else text
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [
        OfficialDay(day, row["kind"], row["name"], row["note"] or "")
        for row in csv.DictReader(lines)
        for day in _dates(date.fromisoformat(row["first"]), date.fromisoformat(row["last"]))
    ]


def _dates(first: date, last: date) -> list[date]:
    if last < first:
        raise ValueError(f"holidays.csv: {last} is before {first}")
    return [first + timedelta(days=k) for k in range((last - first).days + 1)]


# (process, category code, amount, unit, label). Reports keep their own per-category hours
# (reports.ReportCategory.time_limit_hours); creation tasks carry their own deadlines.
DEFAULT_LIMITS = [
    # 人民调解一般在一个月内调结（按三十日计）
    ("dispute.mediation", "", 30, "days", "人民调解期限"),
    # 调解协议生效之日起三十日内申请司法确认
    ("dispute.confirmation_apply", "", 30, "days", "申请司法确认期限"),
    # 人民法院收到司法确认申请后三日内决定是否受理
    ("dispute.confirmation_accept", "", 3, "days", "司法确认受理审查期限"),
    ("subsidy.township_review", "", 10, "working_days", "乡镇（街道）审核期限"),
    ("subsidy.county_approval", "", 10, "working_days", "县级民政部门审批期限"),
    ("enterprise.answer", "", 5, "working_days", "企业诉求答复期限"),
]
