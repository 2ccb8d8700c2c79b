"""A search reads one bounded page of results, whatever is typed."""

from standards.selectors import MAX_SEARCH_PAGE, MAX_SEARCH_PAGE_SIZE, service_search
from tests.api.helpers import make_published_services


def test_results_come_a_page_at_a_time_with_the_total(agency):
    make_published_services(agency, 25)

    first = service_search(query="layanan contoh", page=1, page_size=10)
    last = service_search(query="layanan contoh", page=3, page_size=10)

    assert (first.total, len(first.services), first.pages, first.has_next) == (25, 10, 3, True)
    assert (len(last.services), last.has_next, last.has_previous) == (5, False, True)
    seen = {s.pk for p in (1, 2, 3) for s in service_search(query="layanan", page=p, page_size=10).services}
    assert len(seen) == 25


def test_page_size_and_depth_are_capped(agency):
    make_published_services(agency, 3)

    page = service_search(query="layanan", page=10_000, page_size=10_000)

    assert page.page_size == MAX_SEARCH_PAGE_SIZE
    assert page.page == MAX_SEARCH_PAGE


def test_a_very_long_query_is_cut_and_odd_characters_are_only_spaces(client, agency):
    make_published_services(agency, 1)

    response = client.get("/", {"q": '"*" OR NEAR( ' + "layanan " * 200 + "' ; -- :*"})

    assert response.status_code == 200
    assert "Layanan Contoh 00" in response.content.decode()


def test_the_results_page_links_the_next_page(client, agency):
    make_published_services(agency, 25)

    body = client.get("/", {"q": "layanan", "halaman": "1"}).content.decode()
    last = client.get("/", {"q": "layanan", "halaman": "3"}).content.decode()

    assert "halaman=2" in body and "Halaman 1 dari 3" in body  # ten a page
    assert last.count("/kec-contoh/layanan-contoh-") == 5
