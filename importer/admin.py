"""Admin upload: a decree in, the parsed draft beside its source text, then a draft standard out.

The view hangs off the admin site's own URLs (``admin:importer_upload``) and is limited to the
agencies the user administers; editing and publishing happen on the standard's own admin page.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from accounts.selectors import administered_agencies
from importer.forms import UploadForm
from importer.services import document_import, document_preview
from pelayan.lib.importer import DocumentError, ImportResult
from pelayan.lib.importer.sections import LABELS_ID
from pelayan.lib.standard_schema import COMPONENT_KEYS, components_to_json

SESSION_KEY = "importer_pending"


def _agencies(request: HttpRequest):
    return administered_agencies(user=request.user).order_by("name")


def _source_rows(result: ImportResult) -> list[dict[str, Any]]:
    """Source lines with the warnings that point at them, for the right-hand column."""
    by_line: dict[int, list[str]] = {}
    for issue in result.issues:
        if issue.line is not None:
            by_line.setdefault(issue.line, []).append(issue.message)
    labels = {line: key for key, line in result.label_lines.items()}
    return [
        {
            "number": n,
            "text": text,
            "warnings": by_line.get(n, []),
            "label": LABELS_ID.get(labels[n]) if n in labels else None,
        }
        for n, text in enumerate(result.source_text.split("\n"))
    ]


def _component_rows(result: ImportResult) -> list[dict[str, Any]]:
    data = components_to_json(result.components)
    notes = data.get("notes") or {}
    rows = []
    for key in COMPONENT_KEYS:
        rows.append(
            {
                "key": key,
                "label": LABELS_ID[key],
                "found": key in result.found,
                "label_as_written": result.labels.get(key),
                "line": result.label_lines.get(key),
                "json": json.dumps(data[key], ensure_ascii=False, indent=2),
                "notes": notes.get(key, []),
                "issues": [i for i in result.issues if i.component == key],
            }
        )
    return rows


def upload_view(request: HttpRequest) -> HttpResponse:
    agencies = _agencies(request)
    if request.method == "POST" and request.POST.get("action") == "create":
        return _create(request, agencies)
    form = UploadForm(request.POST or None, request.FILES or None, agencies=agencies)
    context: dict[str, Any] = {
        **admin.site.each_context(request),
        "title": _("Impor Standar Pelayanan dari dokumen"),
        "form": form,
    }
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["document"]
        if upload is not None:
            data, name = upload.read(), upload.name
        else:
            data, name = form.cleaned_data["text"].encode("utf-8"), "teks-tempel.txt"
        try:
            results = document_preview(
                data=data, filename=name, service_name=form.cleaned_data["service_name"] or None
            )
        except DocumentError as exc:
            form.add_error(None, str(exc))
        else:
            request.session[SESSION_KEY] = {
                "agency": form.cleaned_data["agency"].pk,
                "service_name": form.cleaned_data["service_name"],
                "name": name,
                "data": base64.b64encode(data).decode("ascii"),
            }
            context["results"] = [
                {
                    "result": r,
                    "components": _component_rows(r),
                    "source": _source_rows(r),
                    "general_issues": [i for i in r.issues if i.component is None],
                }
                for r in results
            ]
            context["agency"] = form.cleaned_data["agency"]
    return render(request, "importer/upload.html", context)


def _create(request: HttpRequest, agencies) -> HttpResponse:
    pending = request.session.get(SESSION_KEY)
    if not pending:
        messages.error(request, _("Tidak ada dokumen yang menunggu; unggah ulang."))
        return HttpResponseRedirect(reverse("admin:importer_upload"))
    agency = agencies.filter(pk=pending["agency"]).first()
    if agency is None:
        messages.error(request, _("Anda tidak mengelola instansi ini."))
        return HttpResponseRedirect(reverse("admin:importer_upload"))
    try:
        drafts = document_import(
            agency=agency,
            data=base64.b64decode(pending["data"]),
            filename=pending["name"],
            actor=request.user,
            service_name=pending["service_name"] or None,
        )
    except DocumentError as exc:
        messages.error(request, str(exc))
        return HttpResponseRedirect(reverse("admin:importer_upload"))
    del request.session[SESSION_KEY]
    for draft in drafts:
        messages.success(
            request,
            _("Draf versi %(version)s dibuat untuk layanan '%(service)s'; periksa lalu terbitkan.")
            % {"version": draft.standard.version, "service": draft.standard.service.name},
        )
    if len(drafts) == 1:
        return HttpResponseRedirect(reverse("admin:standards_standard_change", args=[drafts[0].standard.pk]))
    return HttpResponseRedirect(
        reverse("admin:standards_standard_changelist") + f"?service__agency__id__exact={agency.pk}"
    )


def _with_upload_url(get_urls):
    def urls() -> list:
        return [
            path("importer/upload/", admin.site.admin_view(upload_view), name="importer_upload"),
            *get_urls(),
        ]

    return urls


# The admin site has no model for the importer, so its page is added to the site's URLs directly.
if not getattr(admin.site, "_importer_upload_added", False):
    admin.site.get_urls = _with_upload_url(admin.site.get_urls)  # type: ignore[method-assign]
    admin.site._importer_upload_added = True  # type: ignore[attr-defined]

__all__ = ["upload_view"]
