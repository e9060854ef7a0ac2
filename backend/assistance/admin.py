"""Administrators' view of subsidy cases. Lists show masked applicant data only; a case's page
shows it as the user may see it (permissions.pii). Decisions go through the services."""

from django.contrib import admin

from backend.assistance.models import HouseholdMember, SubsidyCase, SubsidyReview
from permissions.admin import PolicyAdmin, PolicyInline, ViewOnly

# Set by the review and approval services, never typed in the admin.
DECIDED = ("status", "monthly_amount", "approved_on", "recheck_on")


class HouseholdMemberInline(PolicyInline):
    model = HouseholdMember
    extra = 0


class SubsidyReviewInline(ViewOnly, PolicyInline):
    model = SubsidyReview
    extra = 0
    raw_id_fields = ("reviewer", "unit")


@admin.register(SubsidyCase)
class SubsidyCaseAdmin(PolicyAdmin):
    list_display = (
        "number",
        "kind",
        "applicant_id_number",
        "area",
        "status",
        "monthly_amount",
        "applied_on",
        "recheck_on",
    )
    list_filter = ("kind", "status")
    # Exact ID-number search only: a prefix search would enumerate a county's recipients.
    search_fields = ("number", "=applicant_id_number")
    list_select_related = ("area",)
    raw_id_fields = ("area",)
    readonly_fields = DECIDED
    date_hierarchy = "applied_on"
    inlines = (HouseholdMemberInline, SubsidyReviewInline)


@admin.register(SubsidyReview)
class SubsidyReviewAdmin(ViewOnly, PolicyAdmin):
    list_display = ("case", "stage", "decision", "unit", "reviewer", "reviewed_at")
    list_filter = ("stage", "decision")
    search_fields = ("case__number", "unit__name")
    list_select_related = ("case", "unit", "reviewer")
    raw_id_fields = ("case", "unit", "reviewer")


@admin.register(HouseholdMember)
class HouseholdMemberAdmin(PolicyAdmin):
    list_display = ("case", "relation")
    list_filter = ("relation",)
    search_fields = ("case__number",)
    list_select_related = ("case",)
    raw_id_fields = ("case",)
