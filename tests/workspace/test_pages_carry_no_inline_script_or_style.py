"""The workspace pages work under a strict Content-Security-Policy: no inline script, no style attribute."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)
STYLE_ATTRIBUTE = re.compile(r"\sstyle=", re.I)
EVENT_HANDLER = re.compile(r"\son[a-z]+=", re.I)


@pytest.mark.django_db
def test_no_workspace_page_has_inline_script_style_or_handlers(
    returned_case, as_kelurahan, kedopok_service, client
):
    pages = [
        client.get(reverse("workspace:login")),
        as_kelurahan.get(reverse("workspace:inbox")),
        as_kelurahan.get(reverse("workspace:case", args=[returned_case.display_number])),
        as_kelurahan.get(reverse("workspace:case_new", args=["kec-kedopok", kedopok_service.slug])),
        as_kelurahan.get(reverse("workspace:search"), {"nomor": "tidak-ada"}),
    ]
    for response in pages:
        html = response.content.decode()
        assert not INLINE_SCRIPT.search(html), response.wsgi_request.path
        assert not STYLE_ATTRIBUTE.search(html), response.wsgi_request.path
        assert not EVENT_HANDLER.search(html), response.wsgi_request.path
