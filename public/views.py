"""Public pages of the standards registry: directory, agency, service standard and maklumat."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.access import can_administer
from calendars.selectors import service_weekly_hours
from public import fragments, presenters, standard_cache
from standards import selectors
from standards.models import Agency

MAX_QUERY_LENGTH = 100


def _agency_or_404(slug: str) -> Agency:
    agency = selectors.agency_get(slug=slug)
    if agency is None:
        raise Http404(_("Instansi tidak ditemukan."))
    return agency


def _page_number(request: HttpRequest) -> int:
    """?halaman=N; anything that is not a small positive number reads as the first page."""
    raw = request.GET.get("halaman", "")
    return int(raw) if raw.isdigit() and 0 < len(raw) <= 4 else 1


HOME_AGENCIES_PER_PAGE = 12
AGENCY_SERVICES_PER_PAGE = 50


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """The search box with, before a search, a summary that costs the same however large the
    registry grows (regions with their counts, the latest standards, one page of agencies) and,
    with one, a page of results."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    page = _page_number(request)
    context: dict[str, object] = {"query": query}
    if query:
        results = selectors.service_search(query=query, page=page)
        context["directory"] = fragments.search_results(query=query, results=results)
    else:
        agencies, total = selectors.agency_directory_page(page=page, page_size=HOME_AGENCIES_PER_PAGE)
        context["directory"] = fragments.directory_summary(
            regions=selectors.region_summary(),
            recent=selectors.services_recent(),
            agencies=agencies,
            page=presenters.page_links(page, total, HOME_AGENCIES_PER_PAGE),
        )
    # htmx asks for the results alone while the visitor types; everyone else gets the whole page.
    if request.headers.get("HX-Request"):
        response = HttpResponse(context["directory"])
    else:
        response = render(request, "public/home.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_GET
def agency_detail(request: HttpRequest, agency_slug: str) -> HttpResponse:
    agency = _agency_or_404(agency_slug)
    paginator = Paginator(selectors.services_with_published_standard(agency=agency), AGENCY_SERVICES_PER_PAGE)
    services = paginator.get_page(_page_number(request))
    context = {
        "agency": agency,
        "rows": presenters.maklumat_rows(services),
        "services_page": presenters.page_links(services.number, paginator.count, AGENCY_SERVICES_PER_PAGE),
        "channels": presenters.channel_links(agency.contact_channels),
    }
    return render(request, "public/agency.html", context)


@require_GET
def maklumat(request: HttpRequest, agency_slug: str) -> HttpResponse:
    agency = _agency_or_404(agency_slug)
    services = list(selectors.services_with_published_standard(agency=agency))
    context = {
        "agency": agency,
        "rows": presenters.maklumat_rows(services),
        "pledge": presenters.pledge_text(agency),
        "place": agency.regency or agency.province,
        "today": timezone.localdate(),
    }
    return render(request, "public/maklumat.html", context)


@require_GET
def service_detail(request: HttpRequest, agency_slug: str, service_slug: str) -> HttpResponse:
    service = selectors.service_get(agency_slug=agency_slug, service_slug=service_slug)
    if service is None or not service.is_active:
        raise Http404(_("Layanan tidak ditemukan."))
    standard = selectors.standard_in_force(service=service)
    if standard is None:
        # Without a standard in force the service is not public: only its agency's admins are told
        # why; anyone else gets the plain 404, which does not name it.
        if not can_administer(request, service.agency_id):
            raise Http404(_("Layanan tidak ditemukan."))
        return render(request, "public/service_unpublished.html", {"service": service}, status=404)
    # What comes from the published version alone is made once; the service, the agency and its
    # calendar, which can change under it, are read on every request.
    shown = standard_cache.standard_presentation(standard)
    weekly = service_weekly_hours(agency=service.agency, service=service)
    context = {
        "service": service,
        "agency": service.agency,
        "page": shown.page,
        "standard_body": shown.body,
        "summary": presenters.service_summary(shown.page, agency=service.agency, weekly=weekly),
        "apply": shown.apply,
    }
    return render(request, "public/service.html", context)
