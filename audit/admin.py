from __future__ import annotations

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest

from audit.models import AuditEvent
from standards.admin import AgencyScopedAdminMixin


@admin.register(AuditEvent)
class AuditEventAdmin(AgencyScopedAdminMixin, admin.ModelAdmin):
    list_display = ["at", "action", "actor", "agency", "target_type", "target_id"]
    list_filter = ["action", "agency"]
    list_select_related = ["actor", "agency"]
    readonly_fields = [f.name for f in AuditEvent._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False
