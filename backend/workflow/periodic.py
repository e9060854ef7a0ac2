"""The periodic check a scheduler runs (`manage.py workflow_check`): reminders before deadlines,
overdue notices, and supervision proposals by how long an item is overdue. Overdue is derived
from the deadline and the state each time, never stored as a flag. Idempotent: notifications
carry dedupe keys and a pending proposal per item and level is unique. Items are handled in
chunks (batches.py), so the statements sent do not grow with the number of items."""

from collections import Counter
from datetime import datetime, timedelta
from typing import Any

from django.db import models
from django.db.models import Exists, OuterRef

from backend.common.models import SupervisionLevel
from backend.workflow.batches import propose_all, tell_all
from backend.workflow.declarations import Process
from backend.workflow.models import EscalationRule, Supervision
from backend.workflow.registry import processes

LEVELS = list(SupervisionLevel.values)


def run_checks(now: datetime) -> Counter:
    tally: Counter = Counter()
    rules = {rule.process: rule for rule in EscalationRule.objects.all()}
    for process in processes().values():
        if process.deadline_field:
            rule = rules.get(process.name) or EscalationRule()
            _remind(process, rule, now, tally)
            _overdue(process, rule, now, tally)
    return tally


def _open(process: Process) -> models.QuerySet:
    manager = process.model_class()._default_manager
    return manager.exclude(**{f"{process.state_field}__in": process.closed_states})


def _bound(process: Process, moment: datetime) -> Any:
    """`moment` as the deadline column's type: date columns hold the last day allowed."""
    field = process.model_class()._meta.get_field(process.deadline_field or "")
    return moment if isinstance(field, models.DateTimeField) else moment.date()


def _remind(process: Process, rule: EscalationRule, now: datetime, tally: Counter) -> None:
    soon = now + timedelta(hours=rule.remind_before_hours)
    name = process.deadline_field
    due = _open(process).filter(
        **{f"{name}__gte": _bound(process, now), f"{name}__lt": _bound(process, soon)}
    )
    tally["due_soon"] += tell_all(process, due, "due_soon", "即将到期")


def _overdue(process: Process, rule: EscalationRule, now: datetime, tally: Counter) -> None:
    name = process.deadline_field
    late = _open(process).filter(**{f"{name}__lt": _bound(process, now)})
    tally["overdue"] += tell_all(process, late, "overdue", "已超期")
    if any(t.name == "supervise" for t in process.transitions):
        for level, after in _thresholds(rule):
            items = _unasked(process, late, now - after, level)
            tally[f"proposed_{level}"] += propose_all(process, items, level)


def _thresholds(rule: EscalationRule) -> list[tuple[str, timedelta]]:
    return [
        (SupervisionLevel.ORDINARY, timedelta(hours=rule.ordinary_after_hours)),
        (SupervisionLevel.YELLOW, timedelta(days=rule.yellow_after_days)),
        (SupervisionLevel.RED, timedelta(days=rule.red_after_days)),
    ]


def _unasked(process: Process, late: models.QuerySet, before: datetime, level: str) -> Any:
    """Items overdue since before `before`, not yet supervised at `level`, without a proposal."""
    lower = LEVELS[: LEVELS.index(level)]
    asked = Supervision.objects.filter(
        object_type=process.model, object_id=OuterRef("pk"), level=level
    )
    items = late.filter(**{f"{process.deadline_field}__lt": _bound(process, before)})
    return items.filter(supervision_level__in=lower).exclude(Exists(asked))
