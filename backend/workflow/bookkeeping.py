"""What the engine writes after the effect: the step record, the audit entry, the notification."""

import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import models

from backend.audit.models import AuditAction
from backend.audit.services import audit_record
from backend.workflow.checks import holder_ids
from backend.workflow.declarations import Firing, Process
from backend.workflow.models import TransitionRecord
from backend.worktime.deadlines import end_of_day

# Payload values kept in the step record: what the transition asked for, minus files and objects.
_PLAIN = (str, int, float, bool, type(None))


def record(process: Process, firing: Firing) -> TransitionRecord:
    obj, transition = firing.obj, firing.transition
    return TransitionRecord.objects.create(
        process=process.name,
        object_type=obj._meta.label_lower,
        object_id=obj.pk,
        area_id=obj.area_id,
        transition=transition.name,
        label=str(transition.label),
        from_state=firing.from_state,
        to_state=getattr(obj, process.state_field),
        actor=firing.actor,
        unit=firing.unit,
        at=firing.now,
        reason=str(firing.data.get("reason", ""))[:500],
        payload=_payload(firing.data, transition.recorded),
        deadline=deadline_of(process, obj),
    )


def deadline_of(process: Process, obj: Any) -> datetime | None:
    """The item's deadline as a moment: a date column holds the last day allowed (24:00)."""
    value = getattr(obj, process.deadline_field) if process.deadline_field else None
    if isinstance(value, date) and not isinstance(value, datetime):
        return end_of_day(value)
    return value


def _payload(data: dict[str, Any], recorded: tuple[str, ...]) -> dict[str, Any]:
    return {name: _plain(data[name]) for name in recorded if data.get(name) is not None}


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value if isinstance(value, _PLAIN) else json.loads(json.dumps(value, default=str))


def audit(process: Process, firing: Firing) -> None:
    state = getattr(firing.obj, process.state_field)
    audit_record(
        actor=firing.actor,
        action=AuditAction.TRANSITION,
        obj=firing.obj,
        detail=str(firing.transition.label),
        changes={"transition": firing.transition.name, "from": firing.from_state, "to": state},
        unit_id=getattr(firing.unit, "pk", None),
    )


def notify(process: Process, firing: Firing) -> None:
    """Tell the unit holding the item, once the transaction commits."""
    kind = firing.transition.notify
    if not kind:
        return
    from backend.notifications.tasks import enqueue_after_commit
    from backend.org.models import Unit

    deadline = deadline_of(process, firing.obj)
    for unit in Unit.objects.filter(pk__in=holder_ids(process, firing.obj)).order_by("pk"):
        enqueue_after_commit(
            kind=kind,
            title=_title(process, firing),
            obj=firing.obj,
            unit=unit,
            due_at=deadline if isinstance(deadline, datetime) else None,
        )


def _title(process: Process, firing: Firing) -> str:
    """Names the item by its number, never by its content (which may carry personal details)."""
    number = getattr(firing.obj, "number", "") or f"#{firing.obj.pk}"
    return f"{process.noun}{number}：{firing.transition.label}"[:100]
