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


@admin.register(Cause)
class CauseAdmin(admin.ModelAdmin):
    list_display = ("code", "name")
    search_fields = ("code", "name")


class PartyInline(admin.TabularInline):
    model = DisputeParty
    extra = 0
    fields = ("role", "name", "id_type", "id_number", "sex", "phone", "address", "is_main_party")


class MediatorInline(admin.TabularInline):
    model = DisputeMediator
    extra = 0
    raw_id_fields = ("member", "assigned_by")


class ReviewInline(admin.TabularInline):
    model = DisputeReview
    extra = 0
    raw_id_fields = ("visited_by",)


@admin.register(Dispute)
class DisputeAdmin(admin.ModelAdmin):
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
    list_filter = ("status", "source", "method", "success", "scale")
    search_fields = ("=number", "title")
    list_select_related = ("type", "area", "handling_unit")
    raw_id_fields = ("area", "handling_unit", "type", "scale", "registered_by")
    filter_horizontal = ("causes",)
    date_hierarchy = "registered_on"
    show_full_result_count = False  # COUNT(*) over a million rows on every page is wasted work
    inlines = (PartyInline, MediatorInline, ReviewInline)


@admin.register(DisputeParty)
class DisputePartyAdmin(admin.ModelAdmin):
    list_display = ("name", "role", "dispute", "is_main_party")
    list_filter = ("role", "id_type", "is_main_party")
    search_fields = ("name", "dispute__number")
    list_select_related = ("dispute",)
    raw_id_fields = ("dispute",)
    show_full_result_count = False


@admin.register(MediationRecord)
class MediationRecordAdmin(admin.ModelAdmin):
    list_display = ("dispute", "held_at", "place", "result", "recorded_by")
    search_fields = ("dispute__number", "place")
    list_select_related = ("dispute", "recorded_by")
    raw_id_fields = ("dispute", "mediators", "recorded_by")
    date_hierarchy = "held_at"
    show_full_result_count = False


class ConfirmationInline(admin.StackedInline):
    model = JudicialConfirmation
    extra = 0
    raw_id_fields = ("court",)


@admin.register(MediationAgreement)
class MediationAgreementAdmin(admin.ModelAdmin):
    list_display = ("dispute", "form", "signed_on", "effective_on", "voided")
    list_filter = ("form", "voided")
    search_fields = ("dispute__number",)
    list_select_related = ("dispute",)
    raw_id_fields = ("dispute",)
    inlines = (ConfirmationInline,)
    show_full_result_count = False


@admin.register(JudicialConfirmation)
class JudicialConfirmationAdmin(admin.ModelAdmin):
    list_display = ("case_number", "agreement", "court", "applied_on", "accepted_on", "ruling")
    list_filter = ("ruling",)
    search_fields = ("case_number", "agreement__dispute__number")
    list_select_related = ("agreement", "court")
    raw_id_fields = ("agreement", "court")


@admin.register(DisputeReview)
class DisputeReviewAdmin(admin.ModelAdmin):
    list_display = ("dispute", "visited_on", "performed", "visited_by")
    list_filter = ("performed",)
    search_fields = ("dispute__number",)
    list_select_related = ("dispute", "visited_by")
    raw_id_fields = ("dispute", "visited_by")
    show_full_result_count = False
