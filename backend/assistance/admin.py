"""Administrators' view of subsidy cases. Lists show masked applicant data only."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from backend.assistance.models import HouseholdMember, SubsidyCase, SubsidyReview
from backend.common.masking import mask_id_number


class HouseholdMemberInline(admin.TabularInline):
    model = HouseholdMember
    extra = 0


class SubsidyReviewInline(admin.TabularInline):
    model = SubsidyReview
    extra = 0
    raw_id_fields = ("reviewer", "unit")


@admin.register(SubsidyCase)
class SubsidyCaseAdmin(admin.ModelAdmin):
    list_display = (
        "number",
        "kind",
        "masked_id_number",
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
    date_hierarchy = "applied_on"
    inlines = (HouseholdMemberInline, SubsidyReviewInline)

    @admin.display(description=_("申请人身份证号码"))
    def masked_id_number(self, case: SubsidyCase) -> str:
        return mask_id_number(case.applicant_id_number)


@admin.register(SubsidyReview)
class SubsidyReviewAdmin(admin.ModelAdmin):
    list_display = ("case", "stage", "decision", "unit", "reviewer", "reviewed_at")
    list_filter = ("stage", "decision")
    search_fields = ("case__number", "unit__name")
    list_select_related = ("case", "unit", "reviewer")
    raw_id_fields = ("case", "unit", "reviewer")


@admin.register(HouseholdMember)
class HouseholdMemberAdmin(admin.ModelAdmin):
    list_display = ("case", "relation")
    list_filter = ("relation",)
    search_fields = ("case__number",)
    list_select_related = ("case",)
    raw_id_fields = ("case",)
