from django.contrib import admin

from backend.reports.models import (
    DispatchRule,
    DispatchStep,
    Report,
    ReportCategory,
    ReportEvaluation,
)
from permissions.admin import PolicyAdmin, PolicyInline, PolicyStackedInline, ViewOnly

# Moved by the dispatch, handling and closing services, never typed in the admin.
FLOW = ("status", "current_unit", "deadline", "supervision_level", "closed_at")


@admin.register(ReportCategory)
class ReportCategoryAdmin(PolicyAdmin):
    list_display = ("code", "name", "parent", "limit_class", "time_limit_hours", "active")
    list_filter = ("limit_class", "active")
    search_fields = ("code", "name")
    list_select_related = ("parent",)
    raw_id_fields = ("parent",)


@admin.register(DispatchRule)
class DispatchRuleAdmin(PolicyAdmin):
    list_display = ("category", "area", "unit", "updated_at")
    list_filter = ("category__parent",)
    search_fields = ("category__name", "area__name", "unit__name")
    list_select_related = ("category", "area", "unit")
    raw_id_fields = ("area", "unit")


class DispatchStepInline(ViewOnly, PolicyInline):
    model = DispatchStep
    extra = 0
    fields = (
        "action",
        "from_unit",
        "to_unit",
        "actor",
        "entered_at",
        "signed_at",
        "finished_at",
        "deadline",
        "reason",
        "note",
    )
    raw_id_fields = ("from_unit", "to_unit", "actor")
    ordering = ("entered_at", "id")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("from_unit", "to_unit", "actor")


class ReportEvaluationInline(ViewOnly, PolicyStackedInline):
    model = ReportEvaluation
    extra = 0
    raw_id_fields = ("by",)


@admin.register(Report)
class ReportAdmin(PolicyAdmin):
    list_display = (
        "number",
        "title",
        "category",
        "area",
        "source",
        "status",
        "current_unit",
        "deadline",
        "supervision_level",
    )
    list_filter = ("status", "source", "supervision_level", "category__parent", "current_unit")
    search_fields = ("number", "title")
    list_select_related = ("category", "area", "current_unit")
    raw_id_fields = ("area", "category", "reporter", "current_unit")
    readonly_fields = FLOW
    date_hierarchy = "registered_at"
    inlines = [DispatchStepInline, ReportEvaluationInline]


@admin.register(DispatchStep)
class DispatchStepAdmin(ViewOnly, PolicyAdmin):
    list_display = (
        "report",
        "action",
        "from_unit",
        "to_unit",
        "actor",
        "entered_at",
        "signed_at",
        "finished_at",
        "deadline",
    )
    list_filter = ("action",)
    search_fields = ("report__number",)
    list_select_related = ("report", "from_unit", "to_unit", "actor")
    raw_id_fields = ("report", "from_unit", "to_unit", "actor")


@admin.register(ReportEvaluation)
class ReportEvaluationAdmin(ViewOnly, PolicyAdmin):
    list_display = ("report", "solved", "satisfaction", "evaluated_at", "by")
    list_filter = ("solved", "satisfaction")
    search_fields = ("report__number",)
    list_select_related = ("report", "by")
    raw_id_fields = ("report", "by")
