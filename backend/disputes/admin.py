from django.contrib import admin

from backend.disputes.models import (
    Cause,
    Dispute,
    DisputeMediator,
    DisputeParty,
    DisputeReview,
    JudicialConfirmation,
    MediationAgreement,
    MediationRecord,
)
from permissions.admin import PolicyAdmin, PolicyInline, PolicyStackedInline, ViewOnly

# Set by the transitions of the dispute process (backend/disputes/workflow), never typed here.
OUTCOME = (
    "status",
    "supervision_level",
    "success",
    "outcome",
    "resolved_on",
    "evaluated_on",
    "evaluation",
    "closed_on",
    "registered_by",
)


@admin.register(Cause)
class CauseAdmin(PolicyAdmin):
    list_display = ("code", "name")
    search_fields = ("code", "name")


class PartyInline(PolicyInline):
    model = DisputeParty
    extra = 0
    fields = ("role", "name", "id_type", "id_number", "sex", "phone", "address", "is_main_party")


class MediatorInline(ViewOnly, PolicyInline):
    model = DisputeMediator
    extra = 0
    raw_id_fields = ("member", "assigned_by")


class ReviewInline(ViewOnly, PolicyInline):
    model = DisputeReview
    extra = 0
    raw_id_fields = ("visited_by",)


@admin.register(Dispute)
class DisputeAdmin(PolicyAdmin):
    list_display = (
        "number",
        "title",
        "type",
        "area",
        "handling_unit",
        "status",
        "deadline",
        "success",
        "registered_on",
    )
    list_filter = (
        "status",
        "supervision_level",
        "source",
        "method",
        "success",
        "scale",
        "handling_unit",
    )
    search_fields = ("=number", "title")
    list_select_related = ("type", "area", "handling_unit")
    raw_id_fields = ("area", "type", "scale", "registered_by")
    # The choices come from the unit admin's list, i.e. only units the user may see.
    autocomplete_fields = ("handling_unit",)
    readonly_fields = OUTCOME
    filter_horizontal = ("causes",)
    date_hierarchy = "registered_on"
    show_full_result_count = False  # COUNT(*) over a million rows on every page is wasted work
    inlines = (PartyInline, MediatorInline, ReviewInline)


@admin.register(DisputeParty)
class DisputePartyAdmin(PolicyAdmin):
    list_display = ("name", "role", "dispute", "is_main_party")
    list_filter = ("role", "id_type", "is_main_party")
    search_fields = ("name", "dispute__number")
    list_select_related = ("dispute",)
    raw_id_fields = ("dispute",)
    show_full_result_count = False


@admin.register(MediationRecord)
class MediationRecordAdmin(ViewOnly, PolicyAdmin):
    list_display = ("dispute", "held_at", "place", "result", "recorded_by")
    search_fields = ("dispute__number", "place")
    list_select_related = ("dispute", "recorded_by")
    raw_id_fields = ("dispute", "mediators", "recorded_by")
    date_hierarchy = "held_at"
    show_full_result_count = False


class ConfirmationInline(ViewOnly, PolicyStackedInline):
    model = JudicialConfirmation
    extra = 0
    raw_id_fields = ("court",)


@admin.register(MediationAgreement)
class MediationAgreementAdmin(ViewOnly, PolicyAdmin):
    list_display = ("dispute", "form", "signed_on", "effective_on", "voided")
    list_filter = ("form", "voided")
    search_fields = ("dispute__number",)
    list_select_related = ("dispute",)
    raw_id_fields = ("dispute",)
    inlines = (ConfirmationInline,)
    show_full_result_count = False


@admin.register(JudicialConfirmation)
class JudicialConfirmationAdmin(ViewOnly, PolicyAdmin):
    list_display = ("case_number", "agreement", "court", "applied_on", "accepted_on", "ruling")
    list_filter = ("ruling",)
    search_fields = ("case_number", "agreement__dispute__number")
    list_select_related = ("agreement", "court")
    raw_id_fields = ("agreement", "court")


@admin.register(DisputeReview)
class DisputeReviewAdmin(ViewOnly, PolicyAdmin):
    list_display = ("dispute", "visited_on", "performed", "visited_by")
    list_filter = ("performed",)
    search_fields = ("dispute__number",)
    list_select_related = ("dispute", "visited_by")
    raw_id_fields = ("dispute", "visited_by")
    show_full_result_count = False
