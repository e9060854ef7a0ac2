"""Audit entries for bulk writes, which send no model signals: services call these next to their
bulk_create and QuerySet.update() (the demo loader does not: seeding is not audited)."""

from collections.abc import Iterable
from typing import Any

from django.db import models

from backend.audit import changes
from backend.audit.models import AuditAction, AuditEntry
from backend.audit.services import audit_entry, settled


def audit_created(objs: Iterable[models.Model]) -> None:
    """CREATE entries, in one INSERT, for rows just written with bulk_create."""
    entries = [
        audit_entry(action=AuditAction.CREATE, obj=obj, changes=changes.created(obj))
        for obj in objs
    ]
    for entry in AuditEntry.objects.bulk_create(entries):
        settled(entry)


def audited_update(queryset: models.QuerySet, **values: Any) -> int:
    """QuerySet.update(**values) (plain values, no expressions) with an UPDATE entry per row it
    changes: one SELECT of the rows before, the UPDATE, one INSERT of the entries."""
    rows = list(queryset)
    if not rows:
        return 0
    count = queryset.model._base_manager.filter(pk__in=[row.pk for row in rows]).update(**values)
    entries = []
    for row in rows:
        old = {f.attname: getattr(row, f.attname) for f in changes.fields_saved(type(row), values)}
        for name, value in values.items():
            setattr(row, name, value)
        if diff := changes.updated(row, old):
            entries.append(audit_entry(action=AuditAction.UPDATE, obj=row, changes=diff))
    for entry in AuditEntry.objects.bulk_create(entries):
        settled(entry)
    return count
