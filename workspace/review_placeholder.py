"""A stand-in for the review and publish screen (/kerja/standar/<id>/tinjau/): the compliance
report of the version, read only. Publishing is not done here."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.access import administered_agency_ids
from standards.selectors import standard_compliance, standard_get
from workspace.selectors import memberships_for_user


@require_GET
@login_required
def standard_review(request: HttpRequest, pk: int) -> HttpResponse:
    standard = standard_get(pk=pk)
    if standard is None or standard.service.agency_id not in administered_agency_ids(request):
        raise Http404(_("Standar tidak ditemukan."))
    context = {
        "standard": standard,
        "findings": standard_compliance(standard=standard),
        "memberships": memberships_for_user(user=request.user),
    }
    return render(request, "workspace/standard_review_placeholder.html", context)
