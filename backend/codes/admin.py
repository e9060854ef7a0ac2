from django.contrib import admin

from backend.codes.models import Code, CodeTable
from permissions.admin import PolicyAdmin


@admin.register(CodeTable)
class CodeTableAdmin(PolicyAdmin):
    list_display = ("key", "name")
    search_fields = ("key", "name")


@admin.register(Code)
class CodeAdmin(PolicyAdmin):
    list_display = ("code", "name", "table", "parent")
    list_filter = ("table",)
    search_fields = ("code", "name")
    list_select_related = ("table", "parent")
