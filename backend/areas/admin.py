from django.contrib import admin

from backend.areas.models import Area
from permissions.admin import PolicyAdmin


@admin.register(Area)
class AreaAdmin(PolicyAdmin):
    list_display = ("code", "name", "level", "kind", "parent")
    list_filter = ("level", "kind")
    search_fields = ("name", "=code")
    list_select_related = ("parent",)
    raw_id_fields = ("parent",)
