from django.contrib import admin

from backend.enterprise.models import Enterprise, EnterpriseProblem, ProblemAssignment
from permissions.admin import PolicyAdmin, PolicyInline, ViewOnly

# Set by the dispatch, answer and evaluation services, never typed in the admin.
HANDLING = (
    "status",
    "leader",
    "answer",
    "policy_basis",
    "answered_at",
    "satisfaction",
    "satisfaction_comment",
    "supervision_level",
    "supervision_reason",
    "closed_at",
)


@admin.register(Enterprise)
class EnterpriseAdmin(PolicyAdmin):
    list_display = ("name", "credit_code", "category", "area", "legal_representative")
    list_filter = ("category",)
    search_fields = ("name", "credit_code")
    list_select_related = ("category", "area")
    raw_id_fields = ("area",)


class ProblemAssignmentInline(ViewOnly, PolicyInline):
    model = ProblemAssignment
    extra = 0
    raw_id_fields = ("unit", "dispatched_by")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("unit", "dispatched_by")


@admin.register(EnterpriseProblem)
class EnterpriseProblemAdmin(PolicyAdmin):
    list_display = (
        "number",
        "title",
        "enterprise",
        "category",
        "status",
        "leader",
        "deadline",
        "supervision_level",
    )
    list_filter = ("status", "category", "supervision_level", "satisfaction")
    search_fields = ("number", "title", "enterprise__name")
    list_select_related = ("enterprise", "leader", "area")
    raw_id_fields = ("area", "enterprise", "leader")
    readonly_fields = HANDLING
    date_hierarchy = "submitted_at"
    inlines = [ProblemAssignmentInline]


@admin.register(ProblemAssignment)
class ProblemAssignmentAdmin(ViewOnly, PolicyAdmin):
    list_display = ("problem", "unit", "dispatched_at", "dispatched_by", "answered_at")
    search_fields = ("problem__number", "unit__name")
    list_select_related = ("problem", "unit", "dispatched_by")
    raw_id_fields = ("problem", "unit", "dispatched_by")
