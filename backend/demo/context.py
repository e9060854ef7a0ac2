"""What every app's demo seeder receives: the scale, a fixed clock and the shared reference rows."""

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from django.db import models

from backend.accounts.models import User
from backend.areas.models import Area
from backend.org.models import Unit

M = TypeVar("M", bound=models.Model)


@dataclass(frozen=True)
class Scale:
    name: str
    disputes: int
    reports: int
    subsidy_cases: int
    enterprise_problems: int
    batch_size: int = 5000


SCALES = {
    "small": Scale(
        "small", disputes=2_000, reports=2_000, subsidy_cases=600, enterprise_problems=166
    ),
    "medium": Scale(
        "medium", disputes=100_000, reports=100_000, subsidy_cases=20_000, enterprise_problems=1_000
    ),
    "large": Scale(
        "large",
        disputes=1_000_000,
        reports=1_000_000,
        subsidy_cases=120_000,
        enterprise_problems=5_000,
        batch_size=10_000,
    ),
}


@dataclass
class DemoContext:
    scale: Scale
    # The demo's "now": fixed so that two runs produce identical rows (deadlines, overdue mixes).
    anchor: datetime
    counties: list[Area]
    townships: list[Area]
    villages: list[Area]
    member_units: list[Unit]  # the 57 city-level member units (成员单位)
    # Township-level bodies by (township code, UnitKind value): centre, police station, judicial
    # office, tribunal, mediation committee, grid team …; county centres and courts by county code.
    township_units: dict[tuple[int, str], Unit]
    county_units: dict[tuple[int, str], Unit]
    users: dict[str, User]  # one demo user per Role value
    log: Callable[[str], None] = print
    extra: dict[str, Any] = field(default_factory=dict)

    def rng(self, stream: str) -> random.Random:
        """An independent deterministic random stream per purpose, so one app's change does not
        reshuffle another app's rows."""
        return random.Random(f"zhili-demo:{self.scale.name}:{stream}")

    def villages_of(self, township: Area) -> list[Area]:
        return self.extra.setdefault("villages_by_township", _group(self.villages))[township.code]


def _group(villages: Sequence[Area]) -> dict[int, list[Area]]:
    grouped: dict[int, list[Area]] = {}
    for village in villages:
        grouped.setdefault(village.parent_id or 0, []).append(village)
    return grouped


def insert_missing(
    model: type[M], rows: Sequence[M], *, key: str, batch_size: int = 5000
) -> list[M]:
    """Bulk-insert the rows whose natural `key` is not in the table yet; returns the inserted rows
    with primary keys set (PostgreSQL and SQLite ≥ 3.35 both return them). Re-running is a no-op."""
    wanted = [getattr(row, key) for row in rows]
    existing = set(
        model._default_manager.filter(**{f"{key}__in": wanted}).values_list(key, flat=True)
    )
    fresh = [row for row in rows if getattr(row, key) not in existing]
    return model._default_manager.bulk_create(fresh, batch_size=batch_size)
