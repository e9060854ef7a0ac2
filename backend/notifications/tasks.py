"""Jobs of the notifications (Django's tasks API, the django-tasks backport). Task arguments are
JSON values — ids and strings — so any backend (inline, database workers, Redis) can carry them."""

from datetime import datetime
from typing import Any

from django.db import models, transaction
from django_tasks import task

from backend.accounts.models import User
from backend.notifications.services import notification_build, notification_deliver, object_ref
from backend.org.models import Unit


@task()
def deliver(
    kind: str,
    title: str,
    object_type: str = "",
    object_id: str = "",
    unit_id: int | None = None,
    user_id: int | None = None,
    body: str = "",
    due_at_iso: str | None = None,
    dedupe_key: str = "",
) -> int | None:
    """Deliver one notification: the new row's id, or None when the dedupe key was used."""
    notification = notification_deliver(
        kind=kind,
        title=title,
        object_type=object_type,
        object_id=object_id,
        unit_id=unit_id,
        user_id=user_id,
        body=body,
        due_at=datetime.fromisoformat(due_at_iso) if due_at_iso else None,
        dedupe_key=dedupe_key,
    )
    return None if notification is None else notification.pk


def enqueue_after_commit(
    *,
    kind: str,
    title: str,
    obj: models.Model | None = None,
    unit: Unit | None = None,
    user: User | None = None,
    body: str = "",
    due_at: datetime | None = None,
    dedupe_key: str = "",
) -> None:
    """Like services.notify, but queued when the current transaction commits: a rolled-back
    transaction notifies nobody. Validated now, so a bad call fails here and not in a worker."""
    object_type, object_id = object_ref(obj)
    fields: dict[str, Any] = {
        "kind": kind,
        "title": title,
        "object_type": object_type,
        "object_id": object_id,
        "unit_id": unit.pk if unit is not None else None,
        "user_id": user.pk if user is not None else None,
        "body": body,
        "dedupe_key": dedupe_key,
    }
    notification_build(**fields, due_at=due_at)
    due_at_iso = due_at.isoformat() if due_at is not None else None
    transaction.on_commit(lambda: deliver.enqueue(**fields, due_at_iso=due_at_iso), robust=True)
