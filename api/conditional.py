"""Validators for a standard version's representation: a strong ETag and Last-Modified.

A published version never changes its components, so the validators come from the row's identity
and timestamps rather than from hashing the body: the version's id, number and status, its
published_at and updated_at (bumped when it is superseded), plus the agency's updated_at and the
service's name and slug, which the body also shows.
"""

from __future__ import annotations

import hashlib

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from standards.models import Standard

PUBLIC_CACHE_CONTROL = "public, max-age=300"
PRIVATE_CACHE_CONTROL = "private, no-store"


def standard_etag(standard: Standard) -> str:
    service = standard.service
    parts = [
        standard.pk,
        standard.version,
        standard.status,
        standard.published_at.isoformat() if standard.published_at else "",
        standard.updated_at.isoformat(),
        service.agency.updated_at.isoformat(),
        service.slug,
        service.name,
    ]
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:32]
    return f'"{digest}"'


def standard_last_modified(standard: Standard) -> int:
    moments = [standard.updated_at, standard.service.agency.updated_at]
    if standard.published_at:
        moments.append(standard.published_at)
    return int(max(moments).timestamp())


def public_standard_response(
    request: HttpRequest, standard: Standard, response: HttpResponse
) -> HttpResponse | None:
    """Set the caching headers on ``response``; return a 304 (or 412) when the client is current."""
    last_modified = standard_last_modified(standard)
    response["ETag"] = standard_etag(standard)
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = PUBLIC_CACHE_CONTROL
    answer = get_conditional_response(
        request, etag=response["ETag"], last_modified=last_modified, response=response
    )
    return None if answer is response else answer
