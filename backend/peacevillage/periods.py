"""Assessment periods: a year ("2026"), a half-year ("2026-H2") or a quarter ("2026-Q3")."""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

PERIOD = re.compile(r"^(20\d\d)(?:-(H[12]|Q[1-4]))?$")
FIRST_MONTH = {"H1": 1, "H2": 7, "Q1": 1, "Q2": 4, "Q3": 7, "Q4": 10}
MONTHS = {"H": 6, "Q": 3}


def validate_period(value: str) -> None:
    if not PERIOD.match(value or ""):
        raise ValidationError(
            _("考评周期格式应为 2026、2026-H2（半年）或 2026-Q3（季度）"), code="invalid_period"
        )


def period_range(value: str) -> tuple[date, date]:
    """First and last day of the period."""
    validate_period(value)
    found = PERIOD.match(value)
    assert found is not None
    year, part = int(found.group(1)), found.group(2)
    if part is None:
        return date(year, 1, 1), date(year, 12, 31)
    first = FIRST_MONTH[part]
    last = first + MONTHS[part[0]] - 1
    return date(year, first, 1), _month_end(year, last)


def _month_end(year: int, month: int) -> date:
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return date.fromordinal(following.toordinal() - 1)
