"""On PostgreSQL a name typed with a spelling mistake still finds the service (pg_trgm)."""

import pytest
from django.db import connection

from standards.selectors import SearchMatch, service_search


@pytest.fixture
def postgresql(db):
    if connection.vendor != "postgresql":
        pytest.skip("trigram similarity is PostgreSQL's (pg_trgm); SQLite's search has no fallback")


def test_a_misspelt_word_finds_the_service_by_a_similar_name(postgresql, demo):
    page = service_search(query="keramain")

    assert page.match == SearchMatch.SIMILAR
    assert [s.name for s in page.services] == ["Surat Pengantar Izin Keramaian"]


def test_a_word_like_nothing_still_finds_nothing(postgresql, demo):
    assert service_search(query="qwxyz").total == 0
