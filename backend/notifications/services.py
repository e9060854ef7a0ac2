"""Writes of notifications: delivering one (at most once per dedupe key) and marking them read."""

from collections.abc import Iterable
from datetime import datetime

from django.db import IntegrityError, models, transaction
from django.utils import timezone

from backend.accounts.models import User
from backend.common.services import save_many
from backend.notifications.models import Notification
from backend.notifications.selectors import notifications_for
from backend.org.models import Unit


def object_ref(obj: models.Model | None) -> tuple[str, str]:
    """("reports.report", "42") for a report with primary key 42; blanks without an object."""
    return ("", "") if obj is None else (obj._meta.label_lower, str(obj.pk))


def notification_build(
    *,
    kind: str,
    title: str,
    object_type: str = "",
    object_id: str = "",
    unit_id: int | None = None,
    user_id: int | None = None,
    body: str = "",
    due_at: datetime | None = None,
    dedupe_key: str = "",
) -> Notification:
    """A validated, unsaved notification. No query: the database checks that the recipient exists
    and that the dedupe key is new."""
    notification = Notification(
        kind=kind,
        title=title,
        object_type=object_type,
        object_id=object_id,
        unit_id=unit_id,
        user_id=user_id,
        body=body,
        due_at=due_at,
        dedupe_key=dedupe_key,
    )
    notification.full_clean(exclude=["unit", "user"], validate_constraints=False)
    return notification


def notification_deliver(**fields: object) -> Notification | None:
    """Save a notification (fields as for `notification_build`); None when one with the same
    dedupe key already reached the recipient, including one saved concurrently."""
    notification = notification_build(**fields)  # type: ignore[arg-type]
    try:
        with transaction.atomic():
            notification.save()
    except IntegrityError:
        if not notification.dedupe_key:
            raise
        return None
    return notification


def notifications_deliver_many(rows: list[Notification]) -> int:
    """Save those of `rows` (from `notification_build`) that have not reached their recipient
    yet under their dedupe key, in one INSERT with their audit entries; the count saved."""
    keyed = [row for row in rows if row.dedupe_key]
    delivered = set(
        Notification.objects.filter(
            dedupe_key__in={row.dedupe_key for row in keyed},
            object_id__in={row.object_id for row in keyed},
        ).values_list(*DEDUPE)
    )
    return save_many([row for row in rows if not row.dedupe_key or _key(row) not in delivered])


DEDUPE = ("kind", "object_type", "object_id", "dedupe_key", "unit_id", "user_id")


def _key(row: Notification) -> tuple:
    return tuple(getattr(row, name) for name in DEDUPE)


def notify(
    *,
    kind: str,
    title: str,
    obj: models.Model | None = None,
    unit: Unit | None = None,
    user: User | None = None,
    body: str = "",
    due_at: datetime | None = None,
    dedupe_key: str = "",
) -> Notification | None:
    """Notify `unit` (all its members) or `user` about `obj` now, inside the caller's transaction.
    Give periodic checks a `dedupe_key` (e.g. the deadline's date) so they notify once."""
    object_type, object_id = object_ref(obj)
    return notification_deliver(
        kind=kind,
        title=title,
        object_type=object_type,
        object_id=object_id,
        unit_id=unit.pk if unit is not None else None,
        user_id=user.pk if user is not None else None,
        body=body,
        due_at=due_at,
        dedupe_key=dedupe_key,
    )


def notifications_mark_read(*, user: User, ids: Iterable[int]) -> int:
    """Mark those of `ids` that `user` may read (own, or of their units) as read; the count.
    A unit's notification is read for all its members once one of them read it."""
    unread = notifications_for(user).filter(pk__in=list(ids), read_at__isnull=True)
    return unread.update(read_at=timezone.now())


def notifications_mark_all_read(*, user: User) -> int:
    return notifications_for(user).filter(read_at__isnull=True).update(read_at=timezone.now())
