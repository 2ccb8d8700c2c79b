"""Read-only views of cases for superusers; daily work happens in the staff workspace (/kerja/)."""

from django.contrib import admin

from cases.models import Case, CaseEvent, CaseFile


class _ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser


class CaseEventInline(admin.TabularInline):
    model = CaseEvent
    extra = 0
    can_delete = False
    fields = ["seq", "at", "kind", "actor_label", "from_step", "to_step", "transition", "note", "missing"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Case)
class CaseAdmin(_ReadOnly):
    list_display = ["number", "service", "status", "step", "unit", "received_at", "due_at"]
    list_filter = ["status", "agency"]
    list_select_related = ["service", "unit"]
    search_fields = ["number", "applicant_name"]
    exclude = ["pin_hash"]
    inlines = [CaseEventInline]


@admin.register(CaseFile)
class CaseFileAdmin(_ReadOnly):
    list_display = ["case", "requirement", "name", "content_type", "size", "uploaded_at"]
    list_select_related = ["case"]
