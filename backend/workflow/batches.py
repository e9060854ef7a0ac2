"""The periodic check's writes, a chunk of items at a time: the holders of a chunk come with it
(the process's `holders_prefetch`), and each chunk's notifications and supervision proposals are
written in one INSERT with their audit entries in another."""

from collections.abc import Iterator
from itertools import islice
from typing import Any

from django.db import models

from backend.common.models import SupervisionLevel
from backend.notifications.services import notification_build, notifications_deliver_many
from backend.workflow.checks import holder_ids
from backend.workflow.declarations import Process
from backend.workflow.services import supervision_build, supervisions_propose_many

CHUNK = 500


def chunks(process: Process, items: models.QuerySet) -> Iterator[list[Any]]:
    rows = items.order_by("pk").prefetch_related(*process.holders_prefetch)
    found = rows.iterator(chunk_size=CHUNK)
    while chunk := list(islice(found, CHUNK)):
        yield chunk


def tell_all(process: Process, items: models.QuerySet, kind: str, what: str) -> int:
    """Notify the holders of every item, once per deadline (the dedupe key)."""
    told = 0
    for chunk in chunks(process, items):
        told += notifications_deliver_many([
            notification_build(
                kind=kind, title=f"{process.noun}{getattr(obj, 'number', '') or f'#{obj.pk}'}{what}",
                object_type=obj._meta.label_lower, object_id=str(obj.pk), unit_id=unit_id,
                dedupe_key=f"{kind}:{getattr(obj, process.deadline_field or '')}",
            )
            for obj in chunk
            for unit_id in sorted(holder_ids(process, obj))
        ])  # fmt: skip
    return told


def propose_all(process: Process, items: models.QuerySet, level: str) -> int:
    """Propose `level` for every item; the first holder is the unit the proposal names."""
    reason = f"超过办理期限未办结（系统建议{SupervisionLevel(level).label}）"
    made = 0
    for chunk in chunks(process, items):
        made += supervisions_propose_many([
            supervision_build(
                process_name=process.name, obj=obj, level=level, reason=reason,
                unit_id=min(holder_ids(process, obj), default=None),
            )
            for obj in chunk
        ])  # fmt: skip
    return made
