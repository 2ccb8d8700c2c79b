"""Per-request answers to "which agencies does this caller administer?", shared by the admin and
the API so the question costs one query per request wherever it is asked."""

from __future__ import annotations

from django.http import HttpRequest

from accounts.selectors import administered_agencies

_CACHE_ATTR = "_pelayan_admin_agency_ids"


def administered_agency_ids(request: HttpRequest) -> frozenset[int]:
    """Agencies the caller administers (session login), looked up once per request.

    Anonymous callers cost no query and do not touch the session, so public answers stay cacheable.
    """
    cached = getattr(request, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        ids: frozenset[int] = frozenset()
    else:
        ids = frozenset(administered_agencies(user=user).values_list("pk", flat=True))
    setattr(request, _CACHE_ATTR, ids)
    return ids


def can_administer(request: HttpRequest, agency_id: int) -> bool:
    return agency_id in administered_agency_ids(request)


_PRIVATE_ATTR = "_pelayan_private_answer"


def mark_private(request: HttpRequest) -> None:
    """This answer shows something only the caller may see: shared caches must not keep it."""
    setattr(request, _PRIVATE_ATTR, True)


def is_private(request: HttpRequest) -> bool:
    return bool(getattr(request, _PRIVATE_ATTR, False))
