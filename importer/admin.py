"""Admin upload: a decree in, the parsed draft beside its source text, then a draft standard out.

The views hang off the admin site's own URLs (``admin:importer_upload``, ``admin:importer_pending``)
and are limited to the agencies the user administers; editing and publishing happen on the
standard's own admin page. The upload is stored (importer.models.PendingUpload) and parsed by a task;
until the task is done the pending page says so and reloads itself with a meta refresh (no script).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import TaskResultStatus

from accounts.selectors import administered_agencies
from importer.forms import MAX_UPLOAD_BYTES, UploadForm
from importer.models import PendingUpload, PendingUploadStatus
from importer.selectors import pending_upload_get, service_match_for
from importer.services import (
    NEW_SERVICE,
    import_service_name,
    pending_upload_fail,
    pending_upload_import,
    pending_upload_results,
    pending_upload_store,
)
from importer.tasks import pending_upload_parse_task, pending_uploads_expire_task
from pelayan.lib.importer import DocumentError, ImportResult
from pelayan.lib.importer.limits import megabytes
from pelayan.lib.importer.sections import LABELS_ID
from pelayan.lib.standard_schema import COMPONENT_KEYS, components_to_json
from standards.models import Service

SESSION_KEY = "importer_pending"  # the id of the user's latest upload, nothing more
SOURCE_PAGE_LINES = 400  # source lines per preview page: a long decree stays a light page
REFRESH_SECONDS = 2
# A parse is bounded to seconds; an upload still unparsed after this long lost its task (a worker
# restart, a full queue), and its page stops reloading and says so.
PARSING_GIVE_UP = dt.timedelta(minutes=10)
MAX_SERVICES = 100  # service choices read from one post: no document holds more


def _agencies(request: HttpRequest):
    return administered_agencies(user=request.user).order_by("name")


def _source_rows(result: ImportResult, lines: list[str], first: int) -> list[dict[str, Any]]:
    """Source lines of one page with the warnings that point at them, for the right-hand column."""
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
        for n, text in enumerate(lines, start=first)
    ]


def _page_of(line: int | None) -> int | None:
    return None if line is None else line // SOURCE_PAGE_LINES + 1


def _component_rows(result: ImportResult) -> list[dict[str, Any]]:
    data = components_to_json(result.components)
    notes = data.get("notes") or {}
    rows = []
    for key in COMPONENT_KEYS:
        line = result.label_lines.get(key)
        rows.append(
            {
                "key": key,
                "label": LABELS_ID[key],
                "found": key in result.found,
                "label_as_written": result.labels.get(key),
                "line": line,
                "page": _page_of(line),
                "json": json.dumps(data[key], ensure_ascii=False, indent=2),
                "notes": notes.get(key, []),
                "issues": [
                    {"issue": i, "page": _page_of(i.line)} for i in result.issues if i.component == key
                ],
            }
        )
    return rows


def _preview_context(request: HttpRequest, upload: PendingUpload) -> dict[str, Any]:
    results = pending_upload_results(upload)
    lines = results[0].source_text.split("\n") if results else []
    pages = max(1, math.ceil(len(lines) / SOURCE_PAGE_LINES))
    try:
        page = min(max(1, int(request.GET.get("page", "1"))), pages)
    except ValueError:
        page = 1
    first = (page - 1) * SOURCE_PAGE_LINES
    shown = lines[first : first + SOURCE_PAGE_LINES]
    services = list(Service.objects.filter(agency=upload.agency).order_by("name").only("pk", "name"))
    return {
        "services": services,
        "new_service": NEW_SERVICE,
        "upload": upload,
        "agency": upload.agency,
        "pending_url": reverse("admin:importer_pending", args=[upload.pk]),
        "page": page,
        "pages": pages,
        "page_numbers": range(1, pages + 1) if pages > 1 else [],
        "results": [
            {
                "result": r,
                "components": _component_rows(r),
                "source": _source_rows(r, shown, first),
                "general_issues": [i for i in r.issues if i.component is None],
                # Where the draft would go: the service it matches, preselected; with no match the
                # reviewer must choose one, or choose a new service, before the draft is made.
                "name": import_service_name(r),
                "match": service_match_for(
                    agency=upload.agency, name=import_service_name(r), decree=r.decree
                ),
            }
            for r in results
        ],
    }


def _base_context(request: HttpRequest, form: UploadForm) -> dict[str, Any]:
    return {
        **admin.site.each_context(request),
        "title": _("Impor Standar Pelayanan dari dokumen"),
        "form": form,
    }


def upload_view(request: HttpRequest) -> HttpResponse:
    agencies = _agencies(request)
    try:
        post, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    except RequestDataTooBig:
        # A paste larger than DATA_UPLOAD_MAX_MEMORY_SIZE: Django stops reading; say why.
        form = UploadForm(agencies=agencies)
        context = _base_context(request, form)
        context["page_error"] = _("Kiriman melebihi batas %(limit)s; unggah dokumennya sebagai berkas.") % {
            "limit": megabytes(MAX_UPLOAD_BYTES)
        }
        return render(request, "importer/upload.html", context, status=413)
    if post is not None and post.get("action") == "create":
        return _create(request, agencies)
    form = UploadForm(post, files, agencies=agencies)
    context = _base_context(request, form)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["document"]
        if upload_file is not None:
            data, name = upload_file.read(), upload_file.name
        else:
            data, name = form.cleaned_data["text"].encode("utf-8"), "teks-tempel.txt"
        upload = pending_upload_store(
            actor=request.user,
            agency=form.cleaned_data["agency"],
            data=data,
            filename=name,
            service_name=form.cleaned_data["service_name"],
        )
        request.session[SESSION_KEY] = str(upload.pk)
        task_result = pending_upload_parse_task.enqueue(upload_id=str(upload.pk))
        # Every upload also sweeps the expired ones, so no cron job is needed for the storage to stay
        # bounded (pelayan expire-import-uploads does the same by hand).
        pending_uploads_expire_task.enqueue()
        upload.refresh_from_db()
        if getattr(task_result, "status", None) == TaskResultStatus.FAILED:
            upload = pending_upload_fail(upload=upload, error=_not_read_message())
        if upload.status == PendingUploadStatus.FAILED:
            form.add_error(None, upload.error)
        elif upload.status == PendingUploadStatus.READY:
            # The immediate backend parsed it already: show the preview without a round trip.
            context.update(_preview_context(request, upload))
        else:
            return HttpResponseRedirect(reverse("admin:importer_pending", args=[upload.pk]))
    return render(request, "importer/upload.html", context)


def _not_read_message() -> str:
    return _("Dokumen tidak selesai dibaca karena gangguan di server; unggah ulang.")


def pending_view(request: HttpRequest, upload_id: str) -> HttpResponse:
    agencies = _agencies(request)
    upload = pending_upload_get(upload_id=upload_id, user=request.user, agencies=agencies)
    if upload is None:
        messages.error(request, _("Tidak ada dokumen yang menunggu; unggah ulang."))
        return HttpResponseRedirect(reverse("admin:importer_upload"))
    form = UploadForm(agencies=agencies)
    context = _base_context(request, form)
    if upload.status == PendingUploadStatus.PARSING and timezone.now() - upload.created_at > PARSING_GIVE_UP:
        upload = pending_upload_fail(upload=upload, error=_not_read_message())
    if upload.status == PendingUploadStatus.PARSING:
        context.update(upload=upload, parsing=True, refresh_seconds=REFRESH_SECONDS)
    elif upload.status == PendingUploadStatus.FAILED:
        context["page_error"] = upload.error  # the form here is a fresh one, for the next upload
    else:
        context.update(_preview_context(request, upload))
    return render(request, "importer/upload.html", context)


def _create(request: HttpRequest, agencies) -> HttpResponse:
    upload_id = request.POST.get("upload") or request.session.get(SESSION_KEY)
    upload = pending_upload_get(upload_id=upload_id, user=request.user, agencies=agencies)
    if upload is None or upload.status != PendingUploadStatus.READY:
        messages.error(request, _("Tidak ada dokumen yang menunggu; unggah ulang."))
        return HttpResponseRedirect(reverse("admin:importer_upload"))
    try:
        drafts = pending_upload_import(
            upload=upload, actor=request.user, choices=request.POST.getlist("service")[:MAX_SERVICES]
        )
    except DocumentError as exc:
        # The upload is kept: back to its preview, to choose again.
        messages.error(request, str(exc))
        return HttpResponseRedirect(reverse("admin:importer_pending", args=[upload.pk]))
    request.session.pop(SESSION_KEY, None)
    for draft in drafts:
        messages.success(
            request,
            _("Draf versi %(version)s dibuat untuk layanan '%(service)s'; tinjau lalu terbitkan di %(url)s.")
            % {
                "version": draft.standard.version,
                "service": draft.standard.service.name,
                "url": reverse("workspace:standard_review", args=[draft.standard.pk]),
            },
        )
    if len(drafts) == 1:
        return HttpResponseRedirect(reverse("admin:standards_standard_change", args=[drafts[0].standard.pk]))
    return HttpResponseRedirect(
        reverse("admin:standards_standard_changelist") + f"?service__agency__id__exact={upload.agency.pk}"
    )


def _with_upload_url(get_urls):
    def urls() -> list:
        return [
            path("importer/upload/", admin.site.admin_view(upload_view), name="importer_upload"),
            path(
                "importer/upload/<uuid:upload_id>/",
                admin.site.admin_view(pending_view),
                name="importer_pending",
            ),
            *get_urls(),
        ]

    return urls


# The admin site has no model page for the importer, so its pages are added to the site's URLs directly.
if not getattr(admin.site, "_importer_upload_added", False):
    admin.site.get_urls = _with_upload_url(admin.site.get_urls)  # type: ignore[method-assign]
    admin.site._importer_upload_added = True  # type: ignore[attr-defined]

__all__ = ["pending_view", "upload_view"]
