from django.contrib import admin

from accounts.models import Membership, StaffRole
from standards.admin import AgencyScopedAdminMixin


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(StaffRole)
class StaffRoleAdmin(AgencyScopedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "code", "agency"]
    list_filter = ["agency"]
    list_select_related = ["agency"]
    search_fields = ["name", "code"]
    inlines = [MembershipInline]
