"""The editor's pages and htmx answers work under the strict Content-Security-Policy."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pelayan.lib.standard_schema import COMPONENT_KEYS
from tests.workspace.conftest import signed_in
from tests.workspace.editor_helpers import autosave, form_data, url
from tests.workspace.test_pages_carry_no_inline_script_or_style import (
    EVENT_HANDLER,
    INLINE_SCRIPT,
    STYLE_ATTRIBUTE,
)


@pytest.mark.django_db
def test_no_editor_page_or_answer_has_inline_script_style_or_handlers(draft, agency_admin):
    client = signed_in(agency_admin)
    answers = [
        client.get(reverse("workspace:standards")),
        client.get(reverse("workspace:standard_edit", args=[draft.pk])),
        client.get(reverse("workspace:standard_review", args=[draft.pk])),
        *(client.get(url(draft, component)) for component in COMPONENT_KEYS),
        autosave(client, draft, "procedure", form_data(draft, "procedure")),
        autosave(client, draft, "procedure", {**form_data(draft, "procedure"), "_add": "steps"}),
    ]
    for response in answers:
        html = response.content.decode()
        assert response.status_code == 200, response.wsgi_request.path
        assert not INLINE_SCRIPT.search(html), response.wsgi_request.path
        assert not STYLE_ATTRIBUTE.search(html), response.wsgi_request.path
        assert not EVENT_HANDLER.search(html), response.wsgi_request.path
