"""Reads of the standards registry for the public pages, the API and the admin."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from django.core.cache import cache
from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL

from accounts.models import StaffRole
from pelayan.lib.search_text import MAX_QUERY_CHARS, query_words
from standards import search_index
from standards.components import ComplianceItem, compliance_items
from standards.models import Agency, Service, ServiceSearch, Standard, StandardStatus, Unit


def agency_list() -> QuerySet[Agency]:
    # The search index holds one row per public service (active, with a standard in force).
    return Agency.objects.annotate(published_services=Count("search_entries")).order_by("name")


def agency_get(*, slug: str) -> Agency | None:
    return Agency.objects.select_related("parent").filter(slug=slug).first()


def service_list(
    *,
    agency: Agency | str | None = None,
    query: str | None = None,
    visible_to_agency_ids: Iterable[int] = (),
) -> QuerySet[Service]:
    """Active services with a published standard, plus every active service of the agencies in
    ``visible_to_agency_ids`` (those the caller administers, whose drafts it may see), by agency
    name then service name.

    The public rows are those of the search index (one per public service), so the list needs no
    DISTINCT over the standards and reads in the order of the index's (agency_name, name) index."""
    services = Service.objects.filter(is_active=True).select_related("agency", "unit")
    agency_ids = list(visible_to_agency_ids)
    if agency_ids:
        services = services.filter(Q(search_entry__isnull=False) | Q(agency_id__in=agency_ids))
        order: tuple[str, ...] = ("agency__name", "name", "pk")
    else:
        services = services.filter(search_entry__isnull=False)
        order = ("search_entry__agency_name", "search_entry__name", "pk")
    if isinstance(agency, Agency):
        services = services.filter(agency=agency)
    elif agency:
        services = services.filter(agency__slug=agency)
    words = query_words(query or "")
    if words:
        sql, params = search_index.matching_sql(words)
        services = services.filter(pk__in=RawSQL(sql, params))  # noqa: S611 (words are parameters)
    return services.order_by(*order)


def services_with_published_standard(*, agency: Agency) -> QuerySet[Service]:
    published = Standard.objects.filter(status=StandardStatus.PUBLISHED)
    return service_list(agency=agency).prefetch_related(
        Prefetch("standards", queryset=published, to_attr="published")
    )


# --- search and the public directory --------------------------------------------------------------

SEARCH_PAGE_SIZE = 10
MAX_SEARCH_PAGE_SIZE = 50
# Nobody reads the 50th page of results; deeper offsets would only cost the database.
MAX_SEARCH_PAGE = 50


class SearchMatch(StrEnum):
    ALL = "all"  # every word found
    ANY = "any"  # no service has every word: those with some of them, most first
    SIMILAR = "similar"  # no word found: names spelt alike (PostgreSQL trigrams)
    NONE = "none"


@dataclass(frozen=True)
class SearchPage:
    query: str
    words: list[str]
    services: list[Service]
    total: int
    page: int
    page_size: int
    match: SearchMatch

    @property
    def pages(self) -> int:
        return min(MAX_SEARCH_PAGE, max(1, math.ceil(self.total / self.page_size)))

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def service_search(*, query: str, page: int = 1, page_size: int = SEARCH_PAGE_SIZE) -> SearchPage:
    """Public services matching ``query`` by name, agency, region and requirements, in
    any of the spellings of ``pelayan.lib.search_text``, best first; one page of them.

    Every word must match (as a prefix, so results come while a word is being typed); when no
    service has them all, services with any of them are offered instead, and on PostgreSQL a name
    spelt alike when no word matches at all. Three queries: the number of matches, the page of
    ids, then those services; none when the same words' page was found since the index last
    changed (kept in the cache, see ``SEARCH_PAGE_SECONDS``)."""
    query = query.strip()[:MAX_QUERY_CHARS]
    words = query_words(query)
    page = min(max(1, page), MAX_SEARCH_PAGE)
    page_size = min(max(1, page_size), MAX_SEARCH_PAGE_SIZE)
    key = _search_page_key(words, page, page_size)
    kept = cache.get(key) if key else None
    if kept is not None:
        return replace(kept, query=query)
    found = _service_search(query=query, words=words, page=page, page_size=page_size)
    if key:
        cache.set(key, found, SEARCH_PAGE_SECONDS)
    return found


# A page of results is the same for everybody who types the same words until the index changes:
# kept under the index's generation (standards.search_index.public_lists_generation, new when a
# change to the index commits), and for a minute at most, which is how long another process's
# change takes to reach this one's entries with the default local-memory cache.
SEARCH_PAGE_SECONDS = 60


def _search_page_key(words: list[str], page: int, page_size: int) -> str | None:
    if not words:
        return None
    made_of = (search_index.public_lists_generation(), tuple(words), page, page_size)
    return "standards:search:page:" + hashlib.sha256(repr(made_of).encode()).hexdigest()


def _service_search(*, query: str, words: list[str], page: int, page_size: int) -> SearchPage:
    offset = (page - 1) * page_size
    ids: list[int] = []
    total = 0
    match = SearchMatch.NONE
    if words:
        ids, total = search_index.match_page(words=words, every_word=True, offset=offset, limit=page_size)
        match = SearchMatch.ALL
        if not total and len(words) > 1:
            ids, total = search_index.match_page(
                words=words, every_word=False, offset=offset, limit=page_size
            )
            match = SearchMatch.ANY
        if not total:
            ids, total = search_index.similar_page(text=" ".join(words), offset=offset, limit=page_size)
            match = SearchMatch.SIMILAR
        if not total:
            match = SearchMatch.NONE
    found = Service.objects.select_related("agency", "unit").in_bulk(ids) if ids else {}
    return SearchPage(
        query=query,
        words=words,
        services=[found[i] for i in ids if i in found],
        total=total,
        page=page,
        page_size=page_size,
        match=match,
    )


@dataclass(frozen=True)
class RegionSummary:
    province: str
    regency: str
    agencies: int
    services: int


REGION_SUMMARY_SECONDS = 300


def region_summary() -> list[RegionSummary]:
    """Regions with the number of agencies and public services in each, for the home page.

    Counted over the search index and kept in the cache: the index's writers drop it when they
    commit (standards.search_index), and it expires on its own in every other process."""
    cached = cache.get(search_index.SUMMARY_CACHE_KEY)
    if cached is not None:
        return cached
    rows = (
        ServiceSearch.objects.values("province", "regency")
        .annotate(agencies=Count("agency", distinct=True), services=Count("pk"))
        .order_by("province", "regency")
    )
    summary = [RegionSummary(r["province"], r["regency"], r["agencies"], r["services"]) for r in rows]
    cache.set(search_index.SUMMARY_CACHE_KEY, summary, REGION_SUMMARY_SECONDS)
    return summary


@dataclass(frozen=True)
class AgencyRow:
    agency: Agency
    published_services: int


def agency_directory_page(*, page: int, page_size: int) -> tuple[list[AgencyRow], int]:
    """One page of agencies by name with their number of public services, and the number of
    agencies: three queries whatever the size of the registry."""
    total = Agency.objects.count()
    offset = (max(1, page) - 1) * page_size
    agencies = list(Agency.objects.order_by("name", "pk")[offset : offset + page_size])
    counts = dict(
        ServiceSearch.objects.filter(agency_id__in=[a.pk for a in agencies])
        .values("agency_id")
        .annotate(n=Count("pk"))
        .values_list("agency_id", "n")
    )
    return [AgencyRow(a, counts.get(a.pk, 0)) for a in agencies], total


def services_recent(*, limit: int = 5) -> list[ServiceSearch]:
    """The services whose standard came into force last, with their agency, for the home page."""
    return list(ServiceSearch.objects.select_related("service", "agency").order_by("-published_at")[:limit])


def service_get(*, agency_slug: str, service_slug: str) -> Service | None:
    return (
        Service.objects.select_related("agency", "unit")
        .filter(agency__slug=agency_slug, slug=service_slug)
        .first()
    )


def standard_published(*, service: Service) -> Standard | None:
    return (
        Standard.objects.select_related("service__agency")
        .prefetch_related("process_definitions")
        .filter(service=service, status=StandardStatus.PUBLISHED)
        .first()
    )


def standard_in_force(*, service: Service) -> Standard | None:
    """The published version of ``service`` alone, for a page that presents it from a cache: its
    compiled procedure is read (lazily) only when the presentation is made."""
    return Standard.objects.filter(service=service, status=StandardStatus.PUBLISHED).first()


def standard_get(*, pk: int) -> Standard | None:
    return Standard.objects.select_related("service__agency").filter(pk=pk).first()


def standard_compliance(*, standard: Standard) -> list[ComplianceItem]:
    """The compliance report of one version, with translated messages; the procedure's roles and
    units are checked against the agency's."""
    agency_id = standard.service.agency_id
    roles = StaffRole.objects.filter(agency_id=agency_id).values_list("code", flat=True)
    units = Unit.objects.filter(agency_id=agency_id).values_list("slug", flat=True)
    return compliance_items(standard.components, roles=set(roles), units=set(units))


def standards_of_agencies(*, agency_ids: Iterable[int]) -> QuerySet[Standard]:
    """Every version of the services of these agencies (the structured editor's list), newest first."""
    return (
        Standard.objects.select_related("service__agency")
        .filter(service__agency_id__in=list(agency_ids))
        .order_by("service__agency__name", "service__name", "-version")
    )


def agency_roles_and_units(*, agency_id: int) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(code, name) of the agency's staff roles and (slug, name) of its units, for the editor's choices."""
    roles = list(StaffRole.objects.filter(agency_id=agency_id).order_by("name").values_list("code", "name"))
    units = list(Unit.objects.filter(agency_id=agency_id).order_by("name").values_list("slug", "name"))
    return roles, units


def unit_get(*, agency_id: int, slug: str) -> Unit | None:
    return Unit.objects.filter(agency_id=agency_id, slug=slug).first()


# --- review of drafts (workspace) -----------------------------------------------------------------


def standard_drafts(*, agency_ids: Iterable[int]) -> QuerySet[Standard]:
    """Drafts of the agencies the caller administers, newest first, with service and agency."""
    return (
        Standard.objects.filter(status=StandardStatus.DRAFT, service__agency_id__in=list(agency_ids))
        .select_related("service__agency")
        .order_by("service__agency__name", "service__name", "-version")
    )


def standard_for_review(*, pk: int, agency_ids: Iterable[int]) -> Standard | None:
    """Any version of an administered agency (a published one is shown without the publish form)."""
    return (
        Standard.objects.filter(pk=pk, service__agency_id__in=list(agency_ids))
        .select_related("service__agency")
        .first()
    )


def standard_compared_with(*, standard: Standard) -> Standard | None:
    """What a version is reviewed against: for a draft the version in force, for a published or
    superseded version the one before it."""
    versions = Standard.objects.filter(service_id=standard.service_id).exclude(pk=standard.pk)
    if standard.status == StandardStatus.DRAFT:
        return versions.filter(status=StandardStatus.PUBLISHED).first()
    return (
        versions.filter(version__lt=standard.version)
        .exclude(status=StandardStatus.DRAFT)
        .order_by("-version")
        .first()
    )
