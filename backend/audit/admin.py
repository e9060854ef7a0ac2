from django.contrib import admin

from backend.audit.models import AuditEntry
from permissions.admin import PolicyAdmin


@admin.register(AuditEntry)
class AuditEntryAdmin(PolicyAdmin):
    """Read-only: auditors and administrators read the log within their scope; nobody edits it."""

    list_display = ("created_at", "action", "actor", "object_type", "object_id", "area", "ip")
    list_filter = ("action",)
    search_fields = ("object_type", "=object_id", "=request_id")
    list_select_related = ("actor", "area")
    readonly_fields = [f.name for f in AuditEntry._meta.fields]

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False
