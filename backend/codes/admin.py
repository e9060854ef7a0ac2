from django.contrib import admin

from backend.codes.models import Code, CodeTable


@admin.register(CodeTable)
class CodeTableAdmin(admin.ModelAdmin):
    list_display = ("key", "name")
    search_fields = ("key", "name")


@admin.register(Code)
class CodeAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "table", "parent")
    list_filter = ("table",)
    search_fields = ("code", "name")
    list_select_related = ("table", "parent")
