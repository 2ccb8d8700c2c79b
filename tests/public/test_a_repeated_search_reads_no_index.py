"""A page of search results found once is served again without asking the database, for every
spelling of the same words, until a change to the index commits; then the next search sees it."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from standards.selectors import service_search
from standards.services import service_update
from tests.public.conftest import publish


def _queries_of(query: str) -> tuple[list[str], int]:
    with CaptureQueriesContext(connection) as captured:
        page = service_search(query=query)
    return [s.slug for s in page.services], len(captured)


def test_the_same_words_again_are_answered_from_the_kept_page(service, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        publish(service)

    first, first_queries = _queries_of("ijin keramaian")
    again, again_queries = _queries_of("  Izin   KERAMAIAN ")  # the same words, spelt otherwise

    assert first == again == ["surat-pengantar-izin-keramaian"]
    assert first_queries >= 2
    assert again_queries == 0
    assert service_search(query="  Izin   KERAMAIAN ").query == "Izin   KERAMAIAN"


def test_a_service_switched_off_leaves_the_kept_page_once_that_commits(
    service, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        publish(service)
    assert _queries_of("keramaian")[0] == ["surat-pengantar-izin-keramaian"]

    with django_capture_on_commit_callbacks(execute=True):
        service_update(actor=None, service=service, is_active=False)

    assert _queries_of("keramaian")[0] == []
