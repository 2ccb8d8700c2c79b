"""Staff roles and their members, saved through accounts.services (validated and audited)."""

from __future__ import annotations

from typing import Any

from axes.models import AccessAttempt
from django import forms
from django.contrib import admin
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from accounts.login_protection import login_unlock_attempts
from accounts.models import Membership, StaffRole
from accounts.services import (
    membership_change,
    membership_create,
    membership_revoke,
    staff_role_create,
    staff_role_update,
    staff_role_validate,
)
from standards.admin import AgencyScopedAdminMixin, ScopedInlineMixin, ServiceValidatedForm, adopt_saved
from standards.services import RegistryInvalid


class MembershipForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["user"]

    def clean_user(self) -> Any:
        user = self.cleaned_data["user"]
        if user is not None and not user.is_active:
            raise forms.ValidationError(
                _("Akun '%(user)s' tidak aktif."), params={"user": user.get_username()}
            )
        return user


class MembershipInline(ScopedInlineMixin, admin.TabularInline):
    model = Membership
    form = MembershipForm
    extra = 0
    autocomplete_fields = ["user"]

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        # An agency admin may remove members of the agency's roles (the page is scoped to it).
        return self.has_view_permission(request, obj)


class StaffRoleForm(ServiceValidatedForm):
    class Meta:
        model = StaffRole
        fields = ["agency", "code", "name", "aliases"]

    def service_validate(self, values: dict[str, Any]) -> None:
        if self.instance.pk is None:
            staff_role_validate(
                agency=values.get("agency"),
                code=values.get("code") or "",
                name=values.get("name") or "",
                aliases=values.get("aliases"),
            )
        elif not str(values.get("name", "")).strip():
            raise RegistryInvalid({"name": str(_("Nama peran wajib diisi."))})


@admin.register(StaffRole)
class StaffRoleAdmin(AgencyScopedAdminMixin, admin.ModelAdmin):
    form = StaffRoleForm
    list_display = ["name", "code", "agency"]
    list_filter = ["agency"]
    list_select_related = ["agency"]
    search_fields = ["name", "code"]
    inlines = [MembershipInline]

    def get_readonly_fields(self, request: HttpRequest, obj: StaffRole | None = None) -> list[str]:
        # The admin role and later the case engine's routing are keyed on the code (see staff_role_update).
        return ["agency", "code"] if obj is not None else []

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        # Roles are named by published standards; members are removed instead.
        return False

    def save_model(self, request: HttpRequest, obj: StaffRole, form: forms.ModelForm, change: bool) -> None:
        data = form.cleaned_data
        if change:
            changes = {name: data[name] for name in form.changed_data if name in {"name", "aliases"}}
            saved = staff_role_update(actor=request.user, role=obj, **changes)
        else:
            saved = staff_role_create(
                actor=request.user,
                agency=data["agency"],
                code=data["code"],
                name=data["name"],
                aliases=data.get("aliases"),
            )
        adopt_saved(obj, saved)

    def save_formset(self, request: HttpRequest, form: forms.ModelForm, formset: Any, change: bool) -> None:
        if formset.model is not Membership:
            super().save_formset(request, form, formset, change)
            return
        formset.save(commit=False)
        for membership in formset.deleted_objects:
            membership_revoke(actor=request.user, membership=membership)
        for member_form in formset.forms:
            if not member_form.has_changed() or member_form in formset.deleted_forms:
                continue
            user = member_form.cleaned_data["user"]
            if member_form.instance.pk is None:
                membership_create(actor=request.user, user=user, role=form.instance)
            else:
                original = Membership.objects.get(pk=member_form.instance.pk)
                membership_change(actor=request.user, membership=original, user=user)


@admin.register(AccessAttempt)
class AccessAttemptAdmin(admin.ModelAdmin):
    """Failed logins as django-axes counts them; a superuser lifts a lockout with the action,
    which goes through the audited service. Records are never edited or deleted directly."""

    list_display = ["attempt_time", "username", "ip_address", "failures_since_start", "path_info"]
    list_filter = ["attempt_time"]
    search_fields = ["username", "ip_address"]
    readonly_fields = [
        "attempt_time",
        "username",
        "ip_address",
        "user_agent",
        "path_info",
        "failures_since_start",
    ]
    fields = list(readonly_fields)
    actions = ["unlock_selected"]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return request.user.is_superuser

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    @admin.action(description=_("Buka kunci login terpilih"), permissions=["view"])
    def unlock_selected(self, request: HttpRequest, queryset: QuerySet[AccessAttempt]) -> None:
        removed = login_unlock_attempts(actor=request.user, attempts=list(queryset))
        self.message_user(
            request, _("Kunci dibuka: %(count)s catatan percobaan gagal dihapus.") % {"count": removed}
        )
