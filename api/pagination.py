"""Page-number pagination: ``?page=1&page_size=20`` (at most 100) and a body with links.

    {"count": 42, "page": 2, "page_size": 20, "next": "…?page=3&page_size=20", "previous": "…?page=1…",
     "results": [...]}

Two queries per page (the count and the slice) plus whatever the list prefetches. A page past the
end is empty rather than an error, so a client that was on the last page when rows disappeared
still gets a valid answer with a ``previous`` link back to the last page that has rows.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Schema
from ninja.pagination import PaginationBase
from pydantic import Field

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


class PageParams(Schema):
    page: int = Field(1, ge=1, description="Nomor halaman, mulai dari 1.")
    page_size: int = Field(
        DEFAULT_PAGE_SIZE,
        ge=1,
        le=MAX_PAGE_SIZE,
        description=f"Jumlah baris per halaman (1–{MAX_PAGE_SIZE}).",
    )


class PagePagination(PaginationBase):
    Input = PageParams

    class Output(Schema):
        count: int = Field(description="Jumlah seluruh baris pada semua halaman.")
        page: int
        page_size: int
        next: str | None = Field(description="URL halaman berikutnya, atau null pada halaman terakhir.")
        previous: str | None = Field(description="URL halaman sebelumnya, atau null pada halaman pertama.")
        results: list[Any]

    items_attribute = "results"

    def __init__(self, *, present: Callable[[Any], Any] | None = None, **kwargs: Any) -> None:
        """``present`` turns each row of the page into its response body (the rows stay a queryset
        until sliced, so counting and slicing happen in the database)."""
        self.present = present
        super().__init__(**kwargs)

    def paginate_queryset(
        self, queryset: QuerySet, pagination: PageParams, request: HttpRequest, **params: Any
    ) -> dict[str, Any]:
        page, size = pagination.page, pagination.page_size
        count = self._items_count(queryset)
        offset = (page - 1) * size
        results = list(queryset[offset : offset + size]) if offset < count else []
        if self.present is not None:
            results = [self.present(row) for row in results]
        last_page = max(1, math.ceil(count / size))
        return {
            "count": count,
            "page": page,
            "page_size": size,
            "next": _page_url(request, page + 1) if offset + size < count else None,
            "previous": _page_url(request, min(page - 1, last_page)) if page > 1 else None,
            "results": results,
        }


def _page_url(request: HttpRequest, page: int) -> str:
    query = request.GET.copy()
    query["page"] = str(page)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
