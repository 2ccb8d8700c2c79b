"""The token the public lists' caches put in their keys changes when a change to the search index
commits, not before, and a lost token is replaced by a new one rather than an old value."""

from django.core.cache import cache

from standards import search_index
from standards.services import service_update


def test_it_stays_the_same_until_an_index_change_commits(service, django_capture_on_commit_callbacks):
    before = search_index.public_lists_generation()
    assert search_index.public_lists_generation() == before

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        service_update(actor=None, service=service, name="Surat Pengantar Keramaian")
    assert search_index.public_lists_generation() == before

    for callback in callbacks:
        callback()
    assert search_index.public_lists_generation() != before


def test_a_dropped_token_is_replaced_by_a_new_one(db):
    before = search_index.public_lists_generation()

    cache.delete(search_index.GENERATION_CACHE_KEY)

    assert search_index.public_lists_generation() not in ("", before)
