"""The documents part of the staff workspace (/kerja/dokumen/…): a case's letters (download,
"ganti produk") and, for agency admins, the letter templates (edit a draft, preview it as PDF,
put it into force). Views parse input and call documents.services; scoping is the case's."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.access import administered_agency_ids
from cases.selectors import case_get_for_user
from cases.services import CaseError
from documents.models import Document, DocumentKind, DocumentTemplate, TemplateStatus
from documents.selectors import may_replace
from documents.services import document_replace, template_draft_save, template_preview, template_publish
from documents.signers import SigningFailed
from pelayan.lib import tracking
from standards.models import Agency
from workspace.selectors import memberships_for_user

MAX_BODY = 20_000


def _page(request: HttpRequest, template: str, context: dict, status: int = 200) -> HttpResponse:
    context["memberships"] = memberships_for_user(user=request.user)
    return render(request, template, context, status=status)


def _document_of_case(request: HttpRequest, number: str, code: str) -> Document:
    case = case_get_for_user(user=request.user, number=number)
    document = Document.objects.filter(case=case, public_code=code).first() if case else None
    if document is None:
        raise Http404(_("Dokumen tidak ditemukan."))
    return document


@require_GET
@login_required
def case_document_pdf(request: HttpRequest, number: str, code: str) -> FileResponse:
    document = _document_of_case(request, number, code)
    response = FileResponse(document.file.open("rb"), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{document.public_code}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@login_required
def case_document_replace(request: HttpRequest, number: str, code: str) -> HttpResponse:
    document = _document_of_case(request, number, code)
    target = redirect("workspace:case", number=tracking.display(document.case.number))
    if not may_replace(document=document, user=request.user):
        messages.error(
            request, _("Hanya pejabat yang menandatangani langkah ini yang dapat mengganti produknya.")
        )
        return target
    try:
        replaced = document_replace(
            document=document,
            actor=request.user,
            reason=request.POST.get("reason", "")[:2000],
            address=request.POST.get("address", "")[:500],
            passphrase=request.POST.get("passphrase") or None,
        )
    except SigningFailed as exc:
        messages.error(request, exc.reason)
    except CaseError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("Dokumen %(old)s dicabut; penggantinya %(new)s diterbitkan dan akan diantar ke %(address)s.")
            % {
                "old": replaced.revoked.number,
                "new": replaced.document.number,
                "address": replaced.delivery.address,
            },
        )
    return target


def _administered(request: HttpRequest, agency_slug: str) -> Agency:
    agency = Agency.objects.filter(slug=agency_slug).first()
    if agency is None or agency.pk not in administered_agency_ids(request):
        raise Http404(_("Instansi tidak ditemukan."))
    return agency


def _kind(kind: str) -> str:
    if kind not in DocumentKind.values:
        raise Http404(_("Jenis dokumen tidak dikenal."))
    return kind


@require_GET
@login_required
def templates(request: HttpRequest, agency_slug: str) -> HttpResponse:
    agency = _administered(request, agency_slug)
    rows = []
    for value, label in DocumentKind.choices:
        versions = DocumentTemplate.objects.filter(agency=agency, kind=value)
        rows.append(
            {
                "kind": value,
                "label": label,
                "published": versions.filter(status=TemplateStatus.PUBLISHED).first(),
                "draft": versions.filter(status=TemplateStatus.DRAFT).first(),
            }
        )
    return _page(request, "documents/workspace_templates.html", {"agency": agency, "rows": rows})


@require_http_methods(["GET", "POST"])
@login_required
def template_edit(request: HttpRequest, agency_slug: str, kind: str) -> HttpResponse:
    agency = _administered(request, agency_slug)
    kind = _kind(kind)
    versions = DocumentTemplate.objects.filter(agency=agency, kind=kind)
    draft = versions.filter(status=TemplateStatus.DRAFT).first()
    published = versions.filter(status=TemplateStatus.PUBLISHED).first()
    current = draft or published
    title = request.POST.get("title", current.title if current else "")
    body = request.POST.get("body", current.body if current else "")
    error = ""
    status = 200
    if request.method == "POST":
        if len(body) > MAX_BODY:
            error = _("Isi templat paling banyak %(n)s karakter.") % {"n": f"{MAX_BODY:,}".replace(",", ".")}
            status = 400
        else:
            try:
                draft = template_draft_save(
                    agency=agency, kind=kind, actor=request.user, title=title, body=body
                )
            except CaseError as exc:
                error, status = exc.message, 400
            else:
                if request.POST.get("then") == "publish":
                    template_publish(template=draft, actor=request.user)
                    messages.success(request, _("Templat versi %(v)s kini berlaku.") % {"v": draft.version})
                else:
                    messages.success(request, _("Draf versi %(v)s disimpan.") % {"v": draft.version})
                return redirect("documents_workspace:template_edit", agency_slug=agency.slug, kind=kind)
    context = {
        "agency": agency,
        "kind": kind,
        "kind_label": DocumentKind(kind).label,
        "draft": draft,
        "published": published,
        "title": title,
        "body": body,
        "error": error,
        "max_body": MAX_BODY,
    }
    return _page(request, "documents/workspace_template_edit.html", context, status=status)


@require_GET
@login_required
def template_preview_pdf(request: HttpRequest, agency_slug: str, kind: str) -> HttpResponse:
    agency = _administered(request, agency_slug)
    versions = DocumentTemplate.objects.filter(agency=agency, kind=_kind(kind))
    template = (
        versions.filter(status=TemplateStatus.DRAFT).first()
        or versions.filter(status=TemplateStatus.PUBLISHED).first()
    )
    if template is None:
        raise Http404(_("Belum ada templat."))
    response = HttpResponse(template_preview(template=template), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="pratinjau-{kind}-v{template.version}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
