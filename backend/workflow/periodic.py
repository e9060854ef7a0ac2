"""The periodic check a scheduler runs (`manage.py workflow_check`): reminders before deadlines,
overdue notices, and supervision proposals by how long an item is overdue. Overdue is derived
from the deadline and the state each time, never stored as a flag. Idempotent: notifications
carry dedupe keys and a pending proposal per item and level is unique."""

from collections import Counter
from datetime import datetime, timedelta
from typing import Any

from django.db import models
from django.db.models import Exists, OuterRef

from backend.common.models import SupervisionLevel
from backend.notifications.services import notify
from backend.org.models import Unit
from backend.workflow.checks import holder_ids
from backend.workflow.declarations import Process
from backend.workflow.models import EscalationRule, Supervision
from backend.workflow.registry import processes
from backend.workflow.services import supervision_propose

LEVELS = list(SupervisionLevel.values)


def run_checks(now: datetime) -> Counter:
    tally: Counter = Counter()
    for process in processes().values():
        if process.deadline_field:
            rule = EscalationRule.objects.filter(process=process.name).first() or EscalationRule()
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
    for obj in due.iterator(chunk_size=500):
        tally["due_soon"] += _tell(process, obj, "due_soon", "即将到期")


def _overdue(process: Process, rule: EscalationRule, now: datetime, tally: Counter) -> None:
    name = process.deadline_field
    late = _open(process).filter(**{f"{name}__lt": _bound(process, now)})
    for obj in late.iterator(chunk_size=500):
        tally["overdue"] += _tell(process, obj, "overdue", "已超期")
    if any(t.name == "supervise" for t in process.transitions):
        for level, after in _thresholds(rule):
            tally[f"proposed_{level}"] += _propose(process, late, now - after, level)


def _thresholds(rule: EscalationRule) -> list[tuple[str, timedelta]]:
    return [
        (SupervisionLevel.ORDINARY, timedelta(hours=rule.ordinary_after_hours)),
        (SupervisionLevel.YELLOW, timedelta(days=rule.yellow_after_days)),
        (SupervisionLevel.RED, timedelta(days=rule.red_after_days)),
    ]


def _propose(process: Process, late: models.QuerySet, before: datetime, level: str) -> int:
    """Items overdue since before `before`, not yet supervised at `level`, without a proposal."""
    lower = LEVELS[: LEVELS.index(level)]
    asked = Supervision.objects.filter(
        object_type=process.model, object_id=OuterRef("pk"), level=level
    )
    items = late.filter(**{f"{process.deadline_field}__lt": _bound(process, before)})
    items = items.filter(supervision_level__in=lower).exclude(Exists(asked))
    made = 0
    for obj in items.iterator(chunk_size=500):
        unit_id = min(holder_ids(process, obj), default=None)
        reason = f"超过办理期限未办结（系统建议{SupervisionLevel(level).label}）"
        made += (
            supervision_propose(
                process_name=process.name, obj=obj, unit_id=unit_id, level=level, reason=reason
            )
            is not None
        )
    return made


def _tell(process: Process, obj: Any, kind: str, what: str) -> int:
    number = getattr(obj, "number", "") or f"#{obj.pk}"
    deadline = getattr(obj, process.deadline_field or "")
    told = 0
    for unit in Unit.objects.filter(pk__in=holder_ids(process, obj)):
        title = f"{process.noun}{number}{what}"
        made = notify(kind=kind, title=title, obj=obj, unit=unit, dedupe_key=f"{kind}:{deadline}")
        told += made is not None
    return told
