from django.contrib import admin

from backend.evidence.models import Evidence
from permissions.admin import PolicyAdmin


@admin.register(Evidence)
class EvidenceAdmin(PolicyAdmin):
    list_display = ("original_name", "content_type", "size", "uploaded_by", "created_at", "area")
    list_filter = ("content_type",)
    search_fields = ("original_name", "sha256")
    list_select_related = ("uploaded_by", "area")
    # Files are attached through the services (content checks, hashing); the admin only shows them.
    readonly_fields = [f.name for f in Evidence._meta.fields]

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def]
        return False
