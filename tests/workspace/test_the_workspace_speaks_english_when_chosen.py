"""Indonesian first; the language switch turns the workspace into English."""

from __future__ import annotations

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_the_workspace_is_indonesian_until_english_is_chosen(returned_case, as_kelurahan):
    url = reverse("workspace:case", args=[returned_case.display_number])
    assert "Kelengkapan persyaratan" in as_kelurahan.get(url).content.decode()

    as_kelurahan.post("/i18n/setlang/", {"language": "en", "next": url})
    page = as_kelurahan.get(url).content.decode()
    assert '<html lang="en">' in page
    for words in ("Requirements checklist", "Missing:", "History", "Sign out", "Tracking number"):
        assert words in page, words
