"""The standard editor is Indonesian first and English when chosen, error messages included."""

from __future__ import annotations

import pytest

from tests.workspace.conftest import signed_in
from tests.workspace.editor_helpers import autosave, form_data, url


@pytest.mark.django_db
def test_the_editor_turns_english(draft, agency_admin):
    client = signed_in(agency_admin)
    page = client.get(url(draft, "procedure")).content.decode()
    assert "Tambah langkah" in page and "Tinjau &amp; terbitkan" in page
    client.post("/i18n/setlang/", {"language": "en", "next": url(draft, "procedure")})
    page = client.get(url(draft, "procedure")).content.decode()
    for words in (
        "Add step",
        "Add transition",
        "Step code",
        "Leads to",
        "Review &amp; publish",
        "Compliance check",
    ):
        assert words in page, words
    data = form_data(draft, "requirements")
    data["requirements-0-key"] = "Bad Code"
    answer = autosave(client, draft, "requirements", data).content.decode()
    assert "Not saved: correct the marked fields." in answer
    assert "Only lower-case letters, digits and hyphens" in answer
