"""Agency admin for documents: the template text (versioned: drafts are edited, published versions
are read-only, a preview renders the PDF), the kop surat, numbering schemes, issued documents."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from cases.services import CaseError
from documents.models import Document, DocumentTemplate, Letterhead, NumberingScheme, TemplateStatus
from documents.services import template_draft_save, template_preview, template_publish
from standards.admin import AgencyScopedAdminMixin


@admin.register(DocumentTemplate)
class DocumentTemplateAdmin(AgencyScopedAdminMixin, admin.ModelAdmin):
    list_display = ["agency", "kind", "version", "status", "title", "published_at"]
    list_filter = ["kind", "status", "agency"]
    fields = ["agency", "kind", "title", "body", "version", "status", "preview"]
    readonly_fields = ["version", "status", "preview"]
    actions = ["publish", "draft_from"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        if obj is not None and obj.status != TemplateStatus.DRAFT:
            return [*self.fields]
        if obj is not None:
            return ["agency", "kind", *self.readonly_fields]
        return list(self.readonly_fields)

    @admin.display(description=_("pratinjau"))
    def preview(self, obj: DocumentTemplate) -> str:
        if obj is None or obj.pk is None:
            return "-"
        url = reverse("admin:documents_documenttemplate_preview", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Pratinjau PDF"))

    def get_urls(self):
        extra = [
            path(
                "<int:pk>/preview/",
                self.admin_site.admin_view(self.preview_view),
                name="documents_documenttemplate_preview",
            )
        ]
        return extra + super().get_urls()

    def preview_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        template = self.get_queryset(request).filter(pk=pk).select_related("agency").first()
        if template is None:
            raise Http404
        response = HttpResponse(template_preview(template=template), content_type="application/pdf")
        response["Content-Disposition"] = (
            f'inline; filename="pratinjau-{template.kind}-v{template.version}.pdf"'
        )
        return response

    def save_model(self, request: HttpRequest, obj: DocumentTemplate, form: Any, change: bool) -> None:
        try:
            saved = template_draft_save(
                agency=obj.agency, kind=obj.kind, actor=request.user, title=obj.title, body=obj.body
            )
        except CaseError as exc:
            messages.error(request, exc.message)
            return
        obj.pk, obj.version, obj.status = saved.pk, saved.version, saved.status

    @admin.action(description=_("Berlakukan draf terpilih"))
    def publish(self, request: HttpRequest, queryset: Any) -> None:
        for template in queryset.filter(status=TemplateStatus.DRAFT):
            template_publish(template=template, actor=request.user)
            messages.success(request, _("%(t)s diberlakukan.") % {"t": template})

    @admin.action(description=_("Buat draf dari versi terpilih"))
    def draft_from(self, request: HttpRequest, queryset: Any) -> None:
        for template in queryset:
            draft = template_draft_save(
                agency=template.agency, kind=template.kind, actor=request.user, title=template.title,
                body=template.body,
            )  # fmt: skip
            messages.success(request, _("Draf %(t)s siap disunting.") % {"t": draft})


@admin.register(Letterhead)
class LetterheadAdmin(AgencyScopedAdminMixin, admin.ModelAdmin):
    list_display = ["agency", "government", "place"]


@admin.register(NumberingScheme)
class NumberingSchemeAdmin(AgencyScopedAdminMixin, admin.ModelAdmin):
    list_display = ["agency", "kind", "classification", "unit_code", "pattern", "retention_years"]
    list_filter = ["kind", "agency"]


@admin.register(Document)
class DocumentAdmin(AgencyScopedAdminMixin, admin.ModelAdmin):
    list_display = ["number", "kind", "agency", "status", "issued_on", "signer_name", "signed_at"]
    list_filter = ["kind", "status", "agency"]
    search_fields = ["number", "public_code"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False
