"""审计日志 through the API, read-only: auditors and administrators read the entries whose area
their grants reach (entries without an area — sign-ins — only superusers), as in the Django admin.
Sensitive values never reach the log (backend/audit/values.py), so nothing here needs masking."""

from datetime import datetime

import strawberry
import strawberry_django
from django.db.models import Q, QuerySet
from strawberry import auto
from strawberry.scalars import JSON
from strawberry.types import Info

from backend.audit.models import AuditEntry
from schema.areas.types import AreaType
from schema.base.fields import model_type
from schema.base.filters import within_q
from schema.base.kept import offset_paginated
from schema.base.loading import load_or_none
from schema.base.pages import OffsetPaginated
from schema.base.scoped import PolicyScoped
from schema.org.types import UnitType


@model_type(AuditEntry, name="AuditEntry", description="审计日志的一条记录（只读）")
class AuditEntryType(PolicyScoped):
    id: auto
    created_at: datetime
    action: auto
    detail: auto
    object_type: auto
    object_id: auto
    changes: JSON = strawberry_django.field(description="字段变化（敏感字段只记标记，不记值）")
    ip: str | None
    request_id: auto
    area: AreaType | None = strawberry_django.field(description="所属区划")
    unit: UnitType | None = strawberry_django.field(description="操作单位")

    @strawberry_django.field(
        select_related=["actor"], only=["actor__full_name", "actor__username"], description="操作人"
    )
    def actor_name(self, root: AuditEntry) -> str:
        return (root.actor.full_name or root.actor.username) if root.actor else ""


@strawberry_django.filter_type(AuditEntry, lookups=True)
class AuditEntryFilter:
    id: auto
    action: auto
    object_type: auto
    object_id: auto
    created_at: auto
    request_id: auto

    @strawberry_django.filter_field(description="区划代码：该区划及下级的记录")
    def area(self, queryset: QuerySet, value: str, prefix: str) -> tuple[QuerySet, Q]:
        return queryset, within_q(value, prefix)


@strawberry_django.order_type(AuditEntry)
class AuditEntryOrder:
    id: auto
    created_at: auto


@strawberry.type
class AuditQuery:
    audit_entries: OffsetPaginated[AuditEntryType] = offset_paginated(
        filters=AuditEntryFilter,
        ordering=AuditEntryOrder,
        description="审计日志（只读，仅本人权限范围内，新的在前）",
    )

    @strawberry_django.field(description="审计日志的一条记录；不存在或无权查看时为 null")
    def audit_entry(self, info: Info, id: strawberry.ID) -> AuditEntryType | None:
        return load_or_none(info, AuditEntry, id)  # type: ignore[return-value]
