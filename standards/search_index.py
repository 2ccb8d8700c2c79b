"""The service search index: kept up to date by the registry's services, read by its selectors.

Writes happen only through ``search_index_update``, called by ``standards.services`` inside the
transaction that changes a service, its agency, its unit or its standard in force, so the index
never shows a service that is not public and never misses one that is. The full-text part is the
database's own: on SQLite an FTS5 table (``standards_servicesearch_fts``) kept in step with
``standards_servicesearch`` by triggers, on PostgreSQL a generated ``tsvector`` column with a GIN
index and a trigram index on the title (migration 0005).

Whatever is kept in the cache from the index is dropped when a change to it commits: the home
page's region summary (``SUMMARY_CACHE_KEY``) and, through ``public_lists_generation``, every page
of the public service list the API keeps (api.page_cache) and every page of search results
(standards.selectors.service_search).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from django.core.cache import cache
from django.db import connection, transaction

from pelayan.lib.search_text import service_document

SUMMARY_CACHE_KEY = "standards:search:regions"
GENERATION_CACHE_KEY = "standards:search:generation"


def public_lists_generation() -> str:
    """A token that changes whenever a change to the index commits: caches of what the public
    lists show put it in their keys, so one change makes all of their entries unreachable at once.

    A random token rather than a counter: if the cache drops this key (a full local-memory cache
    culls entries), the next reader makes a new token instead of restarting a count at a value
    that older entries may still carry."""
    generation = cache.get(GENERATION_CACHE_KEY)
    if generation is None:
        made = uuid.uuid4().hex
        cache.add(GENERATION_CACHE_KEY, made, None)  # another process may have made one first
        generation = cache.get(GENERATION_CACHE_KEY) or made
    return generation


def _index_changed() -> None:
    cache.delete(SUMMARY_CACHE_KEY)
    cache.set(GENERATION_CACHE_KEY, uuid.uuid4().hex, None)


def search_index_update(*, service_ids: Iterable[int]) -> None:
    """Rewrite the index rows of these services from the registry as it now stands in this
    transaction: a public service gets its row, any other loses it."""
    from standards.models import Service, ServiceSearch, Standard, StandardStatus

    ids = sorted(set(service_ids))
    if not ids:
        return
    services = Service.objects.filter(pk__in=ids).select_related("agency", "unit")
    in_force = {
        s.service_id: s
        for s in Standard.objects.filter(service_id__in=ids, status=StandardStatus.PUBLISHED).only(
            "service_id", "components", "published_at"
        )
    }
    rows: list[ServiceSearch] = []
    for service in services:
        standard = in_force.get(service.pk)
        if not service.is_active or standard is None:
            continue
        agency = service.agency
        title, body = service_document(
            service_name=service.name,
            service_summary=service.summary,
            unit_name=service.unit.name if service.unit_id else "",
            agency={
                "name": agency.name,
                "short_name": agency.short_name,
                "regency": agency.regency,
                "province": agency.province,
            },
            components=standard.components or {},
        )
        rows.append(
            ServiceSearch(
                service=service,
                agency=agency,
                agency_name=agency.name,
                name=service.name,
                province=agency.province,
                regency=agency.regency,
                published_at=standard.published_at,
                title=title,
                body=body,
            )
        )
    # Delete and insert rather than update: the FTS5 triggers then see plain inserts and deletes.
    ServiceSearch.objects.filter(service_id__in=ids).delete()
    ServiceSearch.objects.bulk_create(rows, batch_size=500)
    transaction.on_commit(_index_changed)


def search_index_update_agency(*, agency_id: int) -> None:
    from standards.models import Service

    search_index_update(service_ids=Service.objects.filter(agency_id=agency_id).values_list("pk", flat=True))


def search_index_update_unit(*, unit_id: int) -> None:
    from standards.models import Service

    search_index_update(service_ids=Service.objects.filter(unit_id=unit_id).values_list("pk", flat=True))


# --- matching -------------------------------------------------------------------------------------


# Matches beyond this many are counted but not ranked: ranking reads every match, and a common word
# ("surat") matches most of a large registry. The ranked ones are those the index meets first;
# nobody pages past them (selectors.MAX_SEARCH_PAGE pages of results at most).
MAX_RANKED = 1000


def match_page(*, words: list[str], every_word: bool, offset: int, limit: int) -> tuple[list[int], int]:
    """Ids of the services matching ``words`` as prefixes (all of them, or any), best first, and the
    number of matches; two queries (the count, the page), each bounded whatever the registry's size."""
    if connection.vendor == "postgresql":
        tsquery = (" & " if every_word else " | ").join(f"{w}:*" for w in words)
        count_sql = (
            "SELECT COUNT(*) FROM standards_servicesearch WHERE search_vector @@ to_tsquery('simple', %s)"
        )
        page_sql = (
            "SELECT id FROM (SELECT service_id AS id, name, ts_rank(search_vector, q) AS score "
            "FROM standards_servicesearch, to_tsquery('simple', %s) q WHERE search_vector @@ q LIMIT %s) m "
            "ORDER BY score DESC, name, id LIMIT %s OFFSET %s"
        )
    else:
        tsquery = (" AND " if every_word else " OR ").join(f'"{w}"*' for w in words)
        count_sql = (
            "SELECT COUNT(*) FROM standards_servicesearch_fts WHERE standards_servicesearch_fts MATCH %s"
        )
        # bm25 weighs a word in the service's name ten times one in the rest of its document.
        page_sql = (
            "SELECT id FROM (SELECT rowid AS id, bm25(standards_servicesearch_fts, 10.0, 1.0) AS score "
            "FROM standards_servicesearch_fts WHERE standards_servicesearch_fts MATCH %s LIMIT %s) "
            "ORDER BY score, id LIMIT %s OFFSET %s"
        )
    with connection.cursor() as cursor:
        cursor.execute(count_sql, [tsquery])
        total = cursor.fetchone()[0]
        if not total or offset >= min(total, MAX_RANKED):
            return [], total
        cursor.execute(page_sql, [tsquery, MAX_RANKED, limit, offset])
        return [row[0] for row in cursor.fetchall()], total


def similar_page(*, text: str, offset: int, limit: int) -> tuple[list[int], int]:
    """PostgreSQL only: services whose name is like ``text`` by trigrams (a misspelt word), for
    when no word matched; SQLite answers nothing."""
    if connection.vendor != "postgresql" or not text:
        return [], 0
    sql = (
        "SELECT service_id, COUNT(*) OVER () FROM standards_servicesearch "
        "WHERE %s <%% title ORDER BY word_similarity(%s, title) DESC, name, service_id LIMIT %s OFFSET %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [text, text, limit, offset])
        rows = cursor.fetchall()
    return [r[0] for r in rows], (rows[0][1] if rows else 0)


def matching_sql(words: list[str]) -> tuple[str, list[Any]]:
    """A subquery of the ids of the services with every one of ``words`` (as prefixes)."""
    if connection.vendor == "postgresql":
        return (
            "SELECT service_id FROM standards_servicesearch WHERE search_vector @@ to_tsquery('simple', %s)",
            [" & ".join(f"{w}:*" for w in words)],
        )
    return (
        "SELECT rowid FROM standards_servicesearch_fts WHERE standards_servicesearch_fts MATCH %s",
        [" AND ".join(f'"{w}"*' for w in words)],
    )
