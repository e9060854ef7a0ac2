from datetime import datetime

import strawberry_django
from strawberry import auto

from backend.notifications.models import Notification
from schema.base.fields import model_type


@model_type(Notification, name="Notification", description="站内通知（发给本人或所在单位）")
class NotificationType:
    id: auto
    kind: auto = strawberry_django.field(
        description="dispatched 新派单 / due_soon 即将到期 / overdue 已超期 / supervised 督办 / "
        "returned 被退回 / other 其他"
    )
    title: auto
    body: auto
    object_type: auto = strawberry_django.field(description="所涉对象的类型，如 reports.report")
    object_id: auto = strawberry_django.field(description="所涉对象的编号")
    due_at: datetime | None
    created_at: datetime
    read_at: datetime | None = strawberry_django.field(description="已读时间；未读为 null")

    @strawberry_django.field(
        select_related=["unit"], only=["unit__name"], description="接收单位；发给个人时为 null"
    )
    def unit_name(self, root: Notification) -> str | None:
        return root.unit.name if root.unit is not None else None
