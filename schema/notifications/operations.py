"""My notifications: the list, the unread count, and marking them read."""

import strawberry
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from strawberry.types import Info

from backend.accounts.models import User
from backend.notifications.models import Notification
from backend.notifications.selectors import notifications_for, unread_count
from backend.notifications.services import notifications_mark_all_read, notifications_mark_read
from schema.base.context import parse_id, user_of
from schema.base.kept import offset_paginated
from schema.base.pages import OffsetPaginated
from schema.notifications.filters import NotificationFilter
from schema.notifications.types import NotificationType


@strawberry.type
class NotificationsQuery:
    @offset_paginated(
        OffsetPaginated[NotificationType],
        filters=NotificationFilter,
        description="我的通知：本人的及所在单位的，新的在前；未登录时为空",
    )
    def my_notifications(self, info: Info, unread_only: bool = False) -> QuerySet[Notification]:
        rows = notifications_for(user_of(info))
        return rows.filter(read_at__isnull=True) if unread_only else rows

    @strawberry.field(description="我的未读通知数；未登录时为 0")
    def unread_notification_count(self, info: Info) -> int:
        return unread_count(user_of(info))


@strawberry.type
class NotificationsMutation:
    @strawberry.mutation(
        description="把通知标为已读（只计本人的及所在单位的通知，其余编号忽略）；返回标记的条数"
    )
    def mark_notifications_read(self, info: Info, ids: list[strawberry.ID]) -> int:
        user = _signed_in(info)
        return notifications_mark_read(user=user, ids=[parse_id(value, "ids") for value in ids])

    @strawberry.mutation(description="把我的全部通知标为已读；返回标记的条数")
    def mark_all_notifications_read(self, info: Info) -> int:
        return notifications_mark_all_read(user=_signed_in(info))


def _signed_in(info: Info) -> User:
    user = user_of(info)
    if not (user.is_authenticated and user.is_active):
        raise ValidationError("请先登录", code="unauthenticated")
    return user
