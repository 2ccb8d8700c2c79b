"""The home page's summary (latest standards, regions, one page of agencies) and a page of search
results, each rendered once for what it shows.

Rendering the summary cost more than reading it. The rendered HTML is kept in Django's cache under
a key made of every value the fragment shows and the language, so a renamed agency, a new
standard or a changed count makes another key: nothing needs to be invalidated, in this process
or any other, and a stale entry is never read. The key lists exactly the fields that
templates/public/_directory.html shows; a field added there must be added here.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from public.presenters import PageLinks
from standards.models import ServiceSearch
from standards.selectors import AgencyRow, RegionSummary, SearchPage

SUMMARY_SECONDS = 600


def _shown(
    recent: list[ServiceSearch], regions: list[RegionSummary], agencies: list[AgencyRow], page: PageLinks
) -> tuple[object, ...]:
    return (
        translation.get_language(),
        tuple((e.name, e.agency_name, e.agency.slug, e.service.slug) for e in recent),
        tuple((r.province, r.regency, r.agencies, r.services) for r in regions),
        tuple(
            (
                a.agency.slug,
                a.agency.name,
                a.agency.kind,
                a.agency.regency,
                a.agency.province,
                a.published_services,
            )
            for a in agencies
        ),
        (page.number, page.pages, page.total),
    )


def directory_summary(
    *, recent: list[ServiceSearch], regions: list[RegionSummary], agencies: list[AgencyRow], page: PageLinks
) -> SafeString:
    shown = _shown(recent, regions, agencies, page)
    key = "public:directory-summary:" + hashlib.sha256(repr(shown).encode()).hexdigest()
    html = cache.get(key)
    if html is None:
        context = {"recent": recent, "regions": regions, "agencies": agencies, "agencies_page": page}
        html = render_to_string("public/_directory.html", context)
        cache.set(key, html, SUMMARY_SECONDS)
    return mark_safe(html)  # noqa: S308 — our own template's output


def _results_shown(query: str, results: SearchPage) -> tuple[object, ...]:
    return (
        translation.get_language(),
        query,
        (results.total, str(results.match), results.page, results.pages),
        tuple(
            (
                s.name,
                s.slug,
                s.agency.slug,
                s.agency.name,
                s.agency.regency,
                s.unit.name if s.unit_id and s.unit is not None else None,
            )
            for s in results.services
        ),
    )


def search_results(*, query: str, results: SearchPage) -> SafeString:
    """One page of search results, rendered once for what it shows (the same rule as above)."""
    shown = _results_shown(query, results)
    key = "public:search-results:" + hashlib.sha256(repr(shown).encode()).hexdigest()
    html = cache.get(key)
    if html is None:
        html = render_to_string("public/_directory.html", {"query": query, "results": results})
        cache.set(key, html, SUMMARY_SECONDS)
    return mark_safe(html)  # noqa: S308 — our own template's output
