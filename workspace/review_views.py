"""Review of draft standards in the workspace (/kerja/standar/): for an agency's admins.

A draft is shown against the version in force, component by component, with the compliance
findings and what the importer left for review; publishing asks for the decree's number and
effective date and calls standards.services.standard_review_publish. Standards of agencies the
officer does not administer are a 404.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from accounts.access import administered_agency_ids
from accounts.models import StaffRole
from importer.findings import review_mark_rows
from pelayan.lib.compliance import Severity
from pelayan.lib.standard_diff import ChangeKind, Part, diff_components
from standards.components import COMPONENT_LABELS
from standards.models import Standard, StandardStatus
from standards.selectors import (
    standard_compared_with,
    standard_compliance,
    standard_drafts,
    standard_for_review,
)
from standards.services import RegistryInvalid, StandardError, StandardNotPublishable, standard_review_publish
from workspace.review_forms import PublishForm
from workspace.selectors import memberships_for_user

_KIND_LABELS = {
    ChangeKind.ADDED: gettext_lazy("ditambahkan"),
    ChangeKind.REMOVED: gettext_lazy("dihapus"),
    ChangeKind.CHANGED: gettext_lazy("diubah"),
}
_PART_LABELS = {
    Part.ITEM: gettext_lazy("Butir"),
    Part.FIELD: gettext_lazy("Isian"),
    Part.STEP: gettext_lazy("Langkah"),
    Part.TRACK: gettext_lazy("Alur"),
    Part.TRANSITION: gettext_lazy("Kelanjutan"),
}


# The decree's fields of a single record (fee, staff count, complaint handling) by their schema name.
_FIELD_LABELS = {
    "amount": gettext_lazy("Besar biaya (rupiah)"),
    "text": gettext_lazy("Uraian"),
    "legal_basis": gettext_lazy("Dasar hukum tarif"),
    "total": gettext_lazy("Jumlah"),
    "roles": gettext_lazy("Per peran"),
    "channels": gettext_lazy("Kanal"),
    "tiers": gettext_lazy("Tingkat"),
    "steps": gettext_lazy("Langkah"),
    "handlers": gettext_lazy("Pelaksana"),
    "logbook": gettext_lazy("Buku pencatatan"),
    "notes": gettext_lazy("Catatan"),
    "asks": gettext_lazy("Isian yang diminta"),
    "reply_over_channel_used": gettext_lazy("Jawaban melalui kanal yang dipakai"),
}


def _page(request: HttpRequest, template: str, context: dict[str, Any], status: int = 200) -> HttpResponse:
    context.setdefault("memberships", memberships_for_user(user=request.user))
    return render(request, template, context, status=status)


def _agency_ids(request: HttpRequest) -> frozenset[int]:
    ids = administered_agency_ids(request)
    if not ids:
        raise Http404(_("Halaman ini untuk admin instansi."))
    return ids


@require_GET
@login_required
def standard_list(request: HttpRequest) -> HttpResponse:
    drafts = list(standard_drafts(agency_ids=_agency_ids(request)))
    return _page(request, "workspace/standard_list.html", {"drafts": drafts})


def diff_rows(old: Standard | None, new: Standard) -> list[dict[str, Any]]:
    """The component diff with the components' names and each change's words, for the template."""
    rows = []
    for diff in diff_components(old.components if old else None, new.components):
        rows.append(
            {
                "key": diff.key,
                "label": str(COMPONENT_LABELS[diff.key]),
                "changes": [
                    {
                        "kind": change.kind.value,
                        "kind_label": str(_KIND_LABELS[change.kind]),
                        "part_label": str(_PART_LABELS[change.part]),
                        "label": str(_FIELD_LABELS.get(change.label, change.label))
                        if change.part == Part.FIELD
                        else change.label,
                        "path": change.path,
                        "before": change.before,
                        "after": change.after,
                    }
                    for change in diff.changes
                ],
            }
        )
    return rows


def _proposals(standard: Standard) -> list[dict[str, Any]]:
    """Proposed roles the agency still lacks (one made since the import is no longer proposed)."""
    existing = set(
        StaffRole.objects.filter(agency_id=standard.service.agency_id).values_list("code", flat=True)
    )
    return [p for p in standard.role_proposals if p.get("code") and p["code"] not in existing]


@require_http_methods(["GET", "POST"])
@login_required
def standard_review(request: HttpRequest, pk: int) -> HttpResponse:
    standard = standard_for_review(pk=pk, agency_ids=_agency_ids(request))
    if standard is None:
        raise Http404(_("Standar tidak ditemukan."))
    against = standard_compared_with(standard=standard)
    proposals = _proposals(standard) if standard.is_editable() else []
    initial = {
        "decree_number": standard.decree_number,
        "effective_date": standard.effective_date or standard.decree_date,
        "create_roles": [p["code"] for p in proposals],
    }
    form = PublishForm(request.POST or None, initial=initial, proposals=proposals)
    status = 200
    if request.method == "POST":
        if not standard.is_editable():
            messages.error(
                request, _("Versi ini sudah diterbitkan atau diganti; tidak dapat diterbitkan lagi.")
            )
            return redirect("workspace:standard_review", pk=standard.pk)
        if form.is_valid():
            try:
                published = standard_review_publish(
                    standard=standard,
                    actor=request.user,
                    decree_number=form.cleaned_data["decree_number"],
                    effective_date=form.cleaned_data["effective_date"],
                    create_roles=form.cleaned_data["create_roles"],
                )
            except RegistryInvalid as exc:
                for name, message in exc.errors.items():
                    form.add_error(name if name in form.fields else None, message)
            except StandardNotPublishable as exc:
                for item in exc.items:
                    form.add_error(None, f"{item.component_label}: {item.message}")
            except StandardError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(
                    request,
                    _("Versi %(version)s layanan '%(service)s' diterbitkan; mulai berlaku %(date)s.")
                    % {
                        "version": published.version,
                        "service": published.service.name,
                        "date": published.effective_date.strftime("%d-%m-%Y")
                        if published.effective_date
                        else "—",
                    },
                )
                return redirect("workspace:standard_review", pk=published.pk)
        status = 400
    items = standard_compliance(standard=standard)
    context = {
        "standard": standard,
        "against": against,
        "diff": diff_rows(against, standard),
        "errors": [i for i in items if i.severity == Severity.ERROR],
        "warnings": [i for i in items if i.severity != Severity.ERROR],
        "marks": review_mark_rows(standard.review_marks),
        "proposals": proposals,
        "form": form if standard.status == StandardStatus.DRAFT else None,
    }
    return _page(request, "workspace/standard_review.html", context, status=status)
