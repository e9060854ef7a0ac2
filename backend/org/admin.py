from django.contrib import admin

from backend.org.models import Membership, Unit
from permissions.admin import PolicyAdmin, ViewOnly


@admin.register(Unit)
class UnitAdmin(PolicyAdmin):
    list_display = ("code", "name", "kind", "area", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("code", "name", "short_name")
    list_select_related = ("area",)
    raw_id_fields = ("area", "parent")


@admin.register(Membership)
class MembershipAdmin(ViewOnly, PolicyAdmin):
    """Grants change through membership_grant / membership_revoke, which keep the unit groups that
    carry the object grants in step; the admin only shows them."""

    list_display = ("user", "role", "scope", "unit", "created_at")
    # Roles are groups, which have no policy: offer those of the memberships the user may see.
    list_filter = (("role", admin.RelatedOnlyFieldListFilter),)
    search_fields = ("user__username", "user__full_name", "unit__name")
    list_select_related = ("user", "role", "scope", "unit")
    raw_id_fields = ("user", "scope", "unit")
