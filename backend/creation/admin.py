from django.contrib import admin

from backend.creation.models import (
    CreationTask,
    Guideline,
    TaskCoUnit,
    TaskProgressReport,
    TaskReview,
)
from permissions.admin import PolicyAdmin, PolicyInline, ViewOnly


@admin.register(Guideline)
class GuidelineAdmin(PolicyAdmin):
    list_display = ("code", "title", "level", "issuer", "issued_on")
    list_filter = ("level",)
    search_fields = ("code", "title", "issuer")


class TaskCoUnitInline(ViewOnly, PolicyInline):
    model = TaskCoUnit
    extra = 0
    raw_id_fields = ("unit",)


class TaskProgressReportInline(ViewOnly, PolicyInline):
    model = TaskProgressReport
    extra = 0
    raw_id_fields = ("unit", "reported_by")


class TaskReviewInline(ViewOnly, PolicyInline):
    model = TaskReview
    extra = 0
    raw_id_fields = ("reviewer",)


@admin.register(CreationTask)
class CreationTaskAdmin(PolicyAdmin):
    list_display = (
        "code",
        "title",
        "dimension",
        "lead_unit",
        "area",
        "deadline",
        "status",
        "progress",
        "weight",
    )
    list_filter = ("status", "dimension", "guideline__level")
    search_fields = ("code", "title", "lead_unit__name")
    list_select_related = ("lead_unit", "area")
    raw_id_fields = ("area", "lead_unit", "guideline")
    # Assignment, progress and acceptance go through the services (they keep grants and status).
    readonly_fields = ("lead_unit", "status", "progress", "submitted_at", "completed_at")
    date_hierarchy = "deadline"
    inlines = (TaskCoUnitInline, TaskProgressReportInline, TaskReviewInline)


@admin.register(TaskProgressReport)
class TaskProgressReportAdmin(ViewOnly, PolicyAdmin):
    list_display = ("task", "unit", "percent", "reported_by", "reported_at")
    search_fields = ("task__code", "task__title", "unit__name")
    list_select_related = ("task", "unit", "reported_by")
    raw_id_fields = ("task", "unit", "reported_by")


@admin.register(TaskReview)
class TaskReviewAdmin(ViewOnly, PolicyAdmin):
    list_display = ("task", "decision", "reviewer", "reviewed_at")
    list_filter = ("decision",)
    search_fields = ("task__code", "task__title")
    list_select_related = ("task", "reviewer")
    raw_id_fields = ("task", "reviewer")


@admin.register(TaskCoUnit)
class TaskCoUnitAdmin(ViewOnly, PolicyAdmin):
    list_display = ("task", "unit", "assigned_at")
    search_fields = ("task__code", "task__title", "unit__name")
    list_select_related = ("task", "unit")
    raw_id_fields = ("task", "unit")
