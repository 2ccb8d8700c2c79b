"""Public pages of a list endpoint, rendered to JSON once and kept in Django's cache.

A page of ``GET /api/v1/services`` is the same for every anonymous caller until the registry
changes, and rendering it cost more the more rows it had. Its bytes are kept under a key made of:

* the search index's generation (standards.search_index.public_lists_generation), which changes
  when any change to the index commits — a service published, withdrawn, renamed or moved, an
  agency or unit renamed — so every kept page becomes unreachable at once;
* what the body is made of: the scheme and host (the ``next``/``previous`` links are absolute),
  the path, the query's parameters in the order given (the links repeat them) and the language.

Only public answers are kept or served: a caller who administers an agency (accounts.access)
sees its drafts, so those requests go to the view and ninja as before, and are marked private
there. A query is kept only if it has nothing but the list's own parameters, each once, with a
search of at most ``MAX_CACHED_QUERY`` characters and a page number of at most
``MAX_CACHED_PAGE``: anything else is answered the same way, just not kept, so odd or long
queries cannot fill the cache. Entries also expire after ``PAGE_SECONDS``: with the default
local-memory cache each process has its own generation, and another process's change reaches
this one's entries only through that expiry (a shared cache such as Redis drops them everywhere
at once).

The public body is rendered from the presenters' dictionaries without validating them again
against the response schema: the schema documents the body, the presenters make it (the tests
check that the two agree), and validating each row was most of the cost that grew with the page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from ninja.renderers import JSONRenderer

from accounts.access import administered_agency_ids
from standards.search_index import public_lists_generation

PAGE_SECONDS = 60
MAX_CACHED_QUERY = 100
MAX_CACHED_PAGE = 100

_renderer = JSONRenderer()
_CONTENT_TYPE = f"{_renderer.media_type}; charset={_renderer.charset}"


def _key(request: HttpRequest, name: str, parameters: frozenset[str]) -> str | None:
    """The cache key of this request's page, or None when it is not to be kept."""
    given = list(request.GET.lists())
    if any(param not in parameters or len(values) != 1 for param, values in given):
        return None
    values = {param: values[0] for param, values in given}
    if len(values.get("q", "")) > MAX_CACHED_QUERY:
        return None
    page = values.get("page", "1")
    if not page.isdigit() or int(page) > MAX_CACHED_PAGE:
        return None
    made_of = (
        public_lists_generation(),
        request.scheme,
        request.get_host(),
        request.path,
        tuple((param, values[0]) for param, values in given),
        translation.get_language(),
    )
    return f"api:page:{name}:" + hashlib.sha256(repr(made_of).encode()).hexdigest()


def public_page_cached(name: str, *, parameters: frozenset[str]) -> Callable:
    """Keep the public answers of a paginated list view (placed above ``@paginate``); ``parameters``
    are the query parameters the view reads, filters and pagination."""

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            if administered_agency_ids(request):
                return view(request, *args, **kwargs)  # may show drafts: validated, never kept
            key = _key(request, name, parameters)
            content = cache.get(key) if key is not None else None
            if content is None:
                body = view(request, *args, **kwargs)
                content = _renderer.render(request, body, response_status=200).encode()
                if key is not None:
                    cache.set(key, content, PAGE_SECONDS)
            return HttpResponse(content, content_type=_CONTENT_TYPE)

        return wrapper

    return decorate
