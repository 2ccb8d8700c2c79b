"""The public verification page /v/<code>: no login. It shows what we issued under the code and
the verdict of validating the stored file, and checks a PDF anyone uploads against it."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from documents.selectors import document_by_code, document_verdict, upload_check


@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest, code: str) -> HttpResponse:
    document = document_by_code(code)
    if document is None:
        raise Http404(_("Kode dokumen tidak dikenal: dokumen ini bukan terbitan kami."))
    verdict = document_verdict(document)
    upload, error = None, ""
    status = 200
    if request.method == "POST":
        limit = settings.PELAYAN_VERIFY_UPLOAD_MAX_BYTES
        # Refuse an oversized body before it is read (and spooled to disk), by its declared length.
        declared = request.META.get("CONTENT_LENGTH") or "0"
        too_long = not declared.isdigit() or int(declared) > limit + 64 * 1024
        sent = None if too_long else request.FILES.get("file")
        if too_long:
            error, status = _("Berkas lebih dari %(mb)s MB.") % {"mb": limit // (1024 * 1024)}, 413
        elif sent is None or not sent.size:
            error, status = _("Pilih berkas PDF untuk diperiksa."), 400
        elif sent.size > limit:
            error, status = _("Berkas lebih dari %(mb)s MB.") % {"mb": limit // (1024 * 1024)}, 413
        else:
            upload = upload_check(document=document, chunks=sent.chunks())
    zone = ZoneInfo(document.agency.timezone)
    context = {
        "document": document,
        "verdict": verdict,
        "signed_at": document.signed_at.astimezone(zone) if document.signed_at else None,
        "upload": upload,
        "error": error,
        "max_mb": settings.PELAYAN_VERIFY_UPLOAD_MAX_BYTES // (1024 * 1024),
    }
    response = render(request, "documents/public/verify.html", context, status=status)
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
