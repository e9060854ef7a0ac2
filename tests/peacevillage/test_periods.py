from datetime import date

import pytest
from django.core.exceptions import ValidationError

from backend.peacevillage.periods import period_range


@pytest.mark.parametrize(
    ("period", "first", "last"),
    [
        ("2026", date(2026, 1, 1), date(2026, 12, 31)),
        ("2026-H1", date(2026, 1, 1), date(2026, 6, 30)),
        ("2026-H2", date(2026, 7, 1), date(2026, 12, 31)),
        ("2028-Q1", date(2028, 1, 1), date(2028, 3, 31)),
        ("2026-Q2", date(2026, 4, 1), date(2026, 6, 30)),
        ("2026-Q4", date(2026, 10, 1), date(2026, 12, 31)),
    ],
)
def test_periods_are_years_halves_and_quarters(period, first, last):
    assert period_range(period) == (first, last)


@pytest.mark.parametrize("period", ["2026-H3", "2026-Q5", "26-H1", "2026H1", "", "2026-h1"])
def test_other_spellings_are_refused_in_chinese(period):
    with pytest.raises(ValidationError) as error:
        period_range(period)
    assert error.value.messages == ["考评周期格式应为 2026、2026-H2（半年）或 2026-Q3（季度）"]
