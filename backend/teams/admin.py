from django.contrib import admin

from backend.teams.models import TeamMember
from permissions.admin import PolicyAdmin


@admin.register(TeamMember)
class TeamMemberAdmin(PolicyAdmin):
    list_display = ("name", "team_kind", "unit", "area", "title", "is_mediator", "active")
    list_filter = ("team_kind", "is_mediator", "active")
    search_fields = ("name", "unit__name")
    list_select_related = ("unit", "area")
    raw_id_fields = ("unit", "area", "user")
    filter_horizontal = ("specialties",)
    readonly_fields = ("active",)  # leaving the team goes through the service
