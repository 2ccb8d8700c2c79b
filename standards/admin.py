"""Agency admin: each agency admin sees and edits only their own agency's registry."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from accounts.access import administered_agency_ids
from pelayan.lib.compliance import Severity
from standards.models import Agency, Service, Standard, StandardOrigin, Unit
from standards.selectors import standard_compliance, standard_published
from standards.services import (
    AGENCY_FIELDS,
    SERVICE_FIELDS,
    UNIT_FIELDS,
    InvalidComponents,
    RegistryInvalid,
    StandardError,
    agency_create,
    agency_update,
    agency_validate,
    components_validate,
    service_create,
    service_update,
    service_validate,
    standard_draft_create,
    standard_draft_from,
    standard_draft_update,
    standard_publish,
    unit_create,
    unit_delete,
    unit_delete_refusal,
    unit_update,
    unit_validate,
)


class AgencyScopedAdminMixin:
    """Limit an admin to the agencies the user administers.

    ``agency_lookup`` is the ORM path from the model to its Agency ("" for Agency itself).
    Superusers see everything.
    """

    agency_lookup: str = "agency"

    def _agencies(self, request: HttpRequest) -> frozenset[int]:
        return administered_agency_ids(request)

    def _agency_of(self, obj: Model) -> Agency | None:
        if not self.agency_lookup:
            return obj  # type: ignore[return-value]
        target: Any = obj
        for part in self.agency_lookup.split("__"):
            target = getattr(target, part, None)
        return target

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        queryset = super().get_queryset(request)  # type: ignore[misc]
        if request.user.is_superuser:
            return queryset
        field = f"{self.agency_lookup}__in" if self.agency_lookup else "pk__in"
        return queryset.filter(**{field: self._agencies(request)})

    def _allowed(self, request: HttpRequest, obj: Model | None) -> bool:
        if request.user.is_superuser:
            return True
        if not request.user.is_active or not request.user.is_staff:
            return False
        agencies = self._agencies(request)
        if obj is None:
            return bool(agencies)
        agency = self._agency_of(obj)
        return agency is not None and agency.pk in agencies

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._allowed(request, None)

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        # Django wraps the whole change page in a transaction; on SQLite (BEGIN IMMEDIATE) that
        # would hold the one write lock while a GET renders. Only a POST writes, through services
        # that open their own short transactions.
        if request.method in ("GET", "HEAD"):
            return self._changeform_view(request, object_id, form_url, extra_context)  # type: ignore[attr-defined]
        return super().changeform_view(request, object_id, form_url, extra_context)  # type: ignore[misc]

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._allowed(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._allowed(request, obj)

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return self._allowed(request, None)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return request.user.is_superuser

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if not request.user.is_superuser:
            agencies = self._agencies(request)
            model = db_field.related_model
            if model is Agency:
                kwargs["queryset"] = Agency.objects.filter(pk__in=agencies)
            elif model in (Unit, Service):
                kwargs["queryset"] = model.objects.filter(agency__in=agencies)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]


def form_errors_from(form: forms.BaseForm, exc: RegistryInvalid) -> None:
    """Show a service's refusal on the form, each message under the field it names."""
    for field, message in exc.errors.items():
        form.add_error(field if field in form.fields else None, message)


class ServiceValidatedForm(forms.ModelForm):
    """A model form whose values are checked by the same service function that will save them, so
    the admin shows the service's reason under the field instead of failing on save."""

    def service_validate(self, values: dict[str, Any]) -> None:
        raise NotImplementedError

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        values = {name: cleaned[name] for name in self.fields if name in cleaned}
        try:
            self.service_validate(values)
        except RegistryInvalid as exc:
            form_errors_from(self, exc)
        return cleaned


def _form_values(form: forms.ModelForm, allowed: frozenset[str], *, changed_only: bool) -> dict[str, Any]:
    names = form.changed_data if changed_only else list(form.cleaned_data)
    return {name: form.cleaned_data[name] for name in names if name in allowed}


def adopt_saved(obj: Model, saved: Model) -> None:
    """Make the admin's in-memory object the row the service saved, for inlines and the redirect."""
    obj.pk = saved.pk
    obj.refresh_from_db()


class UnitForm(ServiceValidatedForm):
    class Meta:
        model = Unit
        fields = ["agency", "name", "slug", "kind", "parent"]

    def service_validate(self, values: dict[str, Any]) -> None:
        agency = values.pop("agency", None) or getattr(self.instance, "agency", None)
        values = {k: v for k, v in values.items() if k in UNIT_FIELDS}
        if agency is not None and agency.pk is not None:
            unit_validate(agency=agency, unit=self.instance if self.instance.pk else None, values=values)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("DELETE") and self.instance.pk:
            refusal = unit_delete_refusal(unit=self.instance)
            if refusal:
                self.add_error(None, refusal)
        return cleaned


class ScopedInlineMixin:
    """An inline on a scoped parent page: the parent admin already checked the agency."""

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return bool(request.user.is_active and request.user.is_staff)

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self.has_view_permission(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self.has_view_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return request.user.is_superuser


class UnitInline(ScopedInlineMixin, admin.TabularInline):
    model = Unit
    form = UnitForm
    extra = 0
    fields = ["name", "slug", "kind", "parent"]
    prepopulated_fields = {"slug": ["name"]}

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "parent" and not request.user.is_superuser:
            kwargs["queryset"] = Unit.objects.filter(agency__in=administered_agency_ids(request))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def save_units(request: HttpRequest, agency: Agency, formset: Any) -> None:
    """Inline unit rows through the unit services, one audit event each."""
    formset.save(commit=False)
    for unit in formset.deleted_objects:
        unit_delete(actor=request.user, unit=unit)
    for form in formset.forms:
        if not form.has_changed() or form in formset.deleted_forms:
            continue
        if form.instance.pk is None:
            values = _form_values(form, UNIT_FIELDS, changed_only=False)
            unit_create(actor=request.user, agency=agency, **values)
        else:
            unit_update(
                actor=request.user, unit=form.instance, **_form_values(form, UNIT_FIELDS, changed_only=True)
            )


class AgencyForm(ServiceValidatedForm):
    website = forms.URLField(label=_("situs web"), required=False, assume_scheme="https")

    class Meta:
        model = Agency
        fields = [f.name for f in Agency._meta.fields if f.name in AGENCY_FIELDS]

    def service_validate(self, values: dict[str, Any]) -> None:
        agency_validate(agency=self.instance if self.instance.pk else None, values=values)


@admin.register(Agency)
class AgencyAdmin(AgencyScopedAdminMixin, admin.ModelAdmin):
    agency_lookup = ""
    form = AgencyForm
    list_display = ["name", "kind", "regency", "province", "timezone"]
    list_filter = ["kind", "province", "timezone"]
    search_fields = ["name", "short_name", "regency"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [UnitInline]

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return request.user.is_superuser

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        # Published standards and their audit trail belong to the agency; it is never deleted here.
        return False

    def save_model(self, request: HttpRequest, obj: Agency, form: forms.ModelForm, change: bool) -> None:
        if change:
            saved = agency_update(
                actor=request.user, agency=obj, **_form_values(form, AGENCY_FIELDS, changed_only=True)
            )
        else:
            values = _form_values(form, AGENCY_FIELDS, changed_only=False)
            values["timezone_name"] = values.pop("timezone")
            saved = agency_create(actor=request.user, **values)
        adopt_saved(obj, saved)

    def save_formset(self, request: HttpRequest, form: forms.ModelForm, formset: Any, change: bool) -> None:
        if formset.model is Unit:
            save_units(request, form.instance, formset)
        else:
            super().save_formset(request, form, formset, change)


@admin.register(Unit)
class UnitAdmin(AgencyScopedAdminMixin, admin.ModelAdmin):
    form = UnitForm
    list_display = ["name", "kind", "agency", "parent"]
    list_filter = ["kind", "agency"]
    list_select_related = ["agency", "parent"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_readonly_fields(self, request: HttpRequest, obj: Unit | None = None) -> list[str]:
        # A unit's services and roles are its agency's; moving it would move them across agencies.
        return ["agency"] if obj is not None else []

    def save_model(self, request: HttpRequest, obj: Unit, form: forms.ModelForm, change: bool) -> None:
        if change:
            saved = unit_update(
                actor=request.user, unit=obj, **_form_values(form, UNIT_FIELDS, changed_only=True)
            )
        else:
            saved = unit_create(
                actor=request.user,
                agency=form.cleaned_data["agency"],
                **_form_values(form, UNIT_FIELDS, changed_only=False),
            )
        adopt_saved(obj, saved)

    def delete_model(self, request: HttpRequest, obj: Unit) -> None:
        unit_delete(actor=request.user, unit=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Unit]) -> None:
        for unit in queryset:
            unit_delete(actor=request.user, unit=unit)


class ServiceForm(ServiceValidatedForm):
    class Meta:
        model = Service
        fields = [f.name for f in Service._meta.fields if f.name in SERVICE_FIELDS or f.name == "agency"]

    def service_validate(self, values: dict[str, Any]) -> None:
        agency = values.pop("agency", None) or getattr(self.instance, "agency", None)
        if agency is not None:
            service_validate(agency=agency, values={k: v for k, v in values.items() if k in SERVICE_FIELDS})


@admin.register(Service)
class ServiceAdmin(AgencyScopedAdminMixin, admin.ModelAdmin):
    form = ServiceForm
    list_display = ["name", "kind", "agency", "unit", "is_active"]
    list_filter = ["kind", "is_active", "agency"]
    list_select_related = ["agency", "unit"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_readonly_fields(self, request: HttpRequest, obj: Service | None = None) -> list[str]:
        # Its standards, published under this agency's decrees, keep it in its agency.
        return ["agency"] if obj is not None else []

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        # A service with versions is history; it is switched off ("aktif") rather than deleted.
        return False

    def save_model(self, request: HttpRequest, obj: Service, form: forms.ModelForm, change: bool) -> None:
        if change:
            saved = service_update(
                actor=request.user, service=obj, **_form_values(form, SERVICE_FIELDS, changed_only=True)
            )
        else:
            saved = service_create(
                actor=request.user,
                agency=form.cleaned_data["agency"],
                **_form_values(form, SERVICE_FIELDS, changed_only=False),
            )
        adopt_saved(obj, saved)


class PrettyJSONWidget(forms.Textarea):
    def __init__(self) -> None:
        super().__init__(attrs={"rows": 40, "cols": 120, "class": "vLargeTextField pelayan-json"})

    def format_value(self, value: Any) -> str:
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                return value
        return json.dumps(value, indent=2, ensure_ascii=False)


class StandardForm(forms.ModelForm):
    components = forms.JSONField(
        label=_("Komponen (JSON)"),
        widget=PrettyJSONWidget(),
        help_text=_("Empat belas komponen dalam bentuk terstruktur. Kesalahan ditunjukkan per kolom."),
    )

    class Meta:
        model = Standard
        fields = ["service", *Standard.DECREE_FIELDS, "components"]

    def clean_components(self) -> dict[str, Any]:
        data = self.cleaned_data["components"]
        if not isinstance(data, dict):
            raise forms.ValidationError(_("Komponen harus berupa objek JSON."))
        try:
            return components_validate(data)
        except InvalidComponents as exc:
            raise forms.ValidationError([f"{e['field']}: {e['message']}" for e in exc.errors]) from None


@admin.register(Standard)
class StandardAdmin(AgencyScopedAdminMixin, admin.ModelAdmin):
    agency_lookup = "service__agency"
    form = StandardForm
    change_form_template = "admin/standards/standard/change_form.html"
    list_display = ["service", "version", "status", "decree_number", "published_at", "compliance_summary"]
    list_filter = ["status", "service__agency"]
    list_select_related = ["service__agency"]
    search_fields = ["service__name", "decree_number"]
    actions = ["publish_selected", "new_draft_from_selected"]

    def get_fieldsets(self, request: HttpRequest, obj: Standard | None = None) -> list:
        fieldsets: list = [
            (None, {"fields": ["service", "version", "status", "compliance_report"] if obj else ["service"]}),
            (_("Keputusan penetapan"), {"fields": list(Standard.DECREE_FIELDS)}),
            (_("Komponen standar pelayanan"), {"fields": ["components"]}),
        ]
        if obj:
            history = ["published_at", "superseded_at", "source_name"]
            fieldsets.append((_("Riwayat"), {"fields": history, "classes": ["collapse"]}))
        return fieldsets

    def has_change_permission(self, request: HttpRequest, obj: Standard | None = None) -> bool:
        # A published or superseded version is shown read-only; changing it means a new draft.
        return super().has_change_permission(request, obj) and (obj is None or obj.is_editable())

    def get_readonly_fields(self, request: HttpRequest, obj: Standard | None = None) -> list[str]:
        history = ["version", "status", "compliance_report", "published_at", "superseded_at", "source_name"]
        if obj is None:
            return []
        return ["service", *history]

    @admin.display(description=_("Pemeriksaan kelengkapan"))
    def compliance_report(self, obj: Standard) -> SafeString:
        items = standard_compliance(standard=obj)
        return render_to_string(
            "admin/standards/standard/compliance.html",
            {
                "errors": [i for i in items if i.severity == Severity.ERROR],
                "warnings": [i for i in items if i.severity == Severity.WARNING],
            },
        )

    @admin.display(description=_("Kelengkapan"))
    def compliance_summary(self, obj: Standard) -> str:
        items = standard_compliance(standard=obj)
        errors = sum(1 for i in items if i.severity == Severity.ERROR)
        warnings = len(items) - errors
        if errors:
            return format_html(
                '<span class="pelayan-error">✖ {} galat, {} peringatan</span>', errors, warnings
            )
        return format_html('<span class="pelayan-ok">✔ {} peringatan</span>', warnings)

    def save_model(self, request: HttpRequest, obj: Standard, form: forms.ModelForm, change: bool) -> None:
        data = form.cleaned_data
        fields = {name: data[name] for name in Standard.DECREE_FIELDS}
        if change:
            saved = standard_draft_update(
                standard=obj, actor=request.user, components=data["components"], **fields
            )
        else:
            saved = standard_draft_create(
                service=data["service"], actor=request.user, components=data["components"], **fields
            )
        obj.pk = saved.pk
        obj.refresh_from_db()

    def get_urls(self) -> list:
        return [
            path(
                "<int:pk>/publish/",
                self.admin_site.admin_view(require_POST(self.publish_view)),
                name="standards_standard_publish",
            ),
            path(
                "<int:pk>/new-draft/",
                self.admin_site.admin_view(require_POST(self.new_draft_view)),
                name="standards_standard_new_draft",
            ),
            *super().get_urls(),
        ]

    def _get_allowed(self, request: HttpRequest, pk: int) -> Standard:
        # The queryset is scoped to the user's agencies, so another agency's standard is a 404.
        return get_object_or_404(self.get_queryset(request), pk=pk)

    def _review_first(self, request: HttpRequest, standard: Standard) -> bool:
        """An imported draft is published only from its review screen, where the decree's number and
        effective date are confirmed; say where that is instead of publishing it."""
        if standard.origin != StandardOrigin.IMPORT:
            return False
        self.message_user(
            request,
            _("%(standard)s diimpor dari dokumen: tinjau dan terbitkan di %(url)s.")
            % {"standard": standard, "url": reverse("workspace:standard_review", args=[standard.pk])},
            messages.WARNING,
        )
        return True

    def publish_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        standard = self._get_allowed(request, pk)
        if self._review_first(request, standard):
            return HttpResponseRedirect(reverse("workspace:standard_review", args=[standard.pk]))
        try:
            standard_publish(standard=standard, actor=request.user)
        except StandardError as exc:
            self.message_user(request, str(exc), messages.ERROR)
        else:
            in_force = standard_published(service=standard.service)
            if in_force is not None and in_force.pk == standard.pk:
                message = _("Versi %(version)s diterbitkan dan berlaku.") % {"version": standard.version}
            else:
                # Another publish of this service committed right after this one.
                message = _("Versi %(version)s diterbitkan, tetapi sudah diganti oleh versi %(other)s.") % {
                    "version": standard.version,
                    "other": in_force.version if in_force is not None else "?",
                }
            self.message_user(request, message, messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:standards_standard_change", args=[standard.pk]))

    def new_draft_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        standard = self._get_allowed(request, pk)
        draft = standard_draft_from(standard=standard, actor=request.user)
        self.message_user(
            request, _("Draf versi %(version)s dibuat.") % {"version": draft.version}, messages.SUCCESS
        )
        return HttpResponseRedirect(reverse("admin:standards_standard_change", args=[draft.pk]))

    @admin.action(description=_("Terbitkan draf terpilih"))
    def publish_selected(self, request: HttpRequest, queryset: QuerySet[Standard]) -> None:
        standards = list(queryset.select_related("service"))
        services = [standard.service_id for standard in standards]
        if len(set(services)) < len(services):
            # Each publish supersedes the one before, so all but the last would be reported as
            # published while not in force.
            self.message_user(
                request,
                _("Pilih satu draf per layanan: hanya satu versi dapat berlaku. Tidak ada yang diterbitkan."),
                messages.ERROR,
            )
            return
        for standard in standards:
            if self._review_first(request, standard):
                continue
            try:
                standard_publish(standard=standard, actor=request.user)
            except StandardError as exc:
                self.message_user(request, f"{standard}: {exc}", messages.ERROR)
            else:
                self.message_user(
                    request, _("%(standard)s diterbitkan.") % {"standard": standard}, messages.SUCCESS
                )

    @admin.action(description=_("Buat draf baru dari versi terpilih"))
    def new_draft_from_selected(self, request: HttpRequest, queryset: QuerySet[Standard]) -> None:
        for standard in queryset:
            draft = standard_draft_from(standard=standard, actor=request.user)
            self.message_user(
                request, _("Draf versi %(version)s dibuat.") % {"version": draft.version}, messages.SUCCESS
            )
