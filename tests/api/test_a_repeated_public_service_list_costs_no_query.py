"""A public page of the service list is made once: asking for it again reads no row, however many
rows it holds; another page, filter or size is made once in its turn."""

from tests.api.helpers import make_published_services

URL = "/api/v1/services"


def test_the_first_request_costs_three_queries_and_a_repeat_none(client, agency, django_assert_num_queries):
    make_published_services(agency, 25)

    with django_assert_num_queries(3):  # count, page, standards in force
        first = client.get(URL)
    with django_assert_num_queries(0):
        again = client.get(URL)

    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"] == "application/json; charset=utf-8"
    assert len(again.json()["results"]) == 20


def test_each_page_filter_and_size_is_kept_on_its_own(
    client, agency, other_agency, django_assert_num_queries
):
    make_published_services(agency, 3)
    make_published_services(other_agency, 2)
    queries = [{}, {"page": 2, "page_size": 2}, {"agency": "dinas-lain"}, {"q": "layanan"}]

    for params in queries:
        with django_assert_num_queries(3):
            client.get(URL, params)
    counts = []
    for params in queries:
        with django_assert_num_queries(0):
            counts.append(
                (client.get(URL, params).json()["count"], len(client.get(URL, params).json()["results"]))
            )

    assert counts == [(5, 5), (5, 2), (2, 2), (5, 5)]


def test_a_query_with_other_parameters_is_answered_but_not_kept(client, agency, django_assert_num_queries):
    make_published_services(agency, 2)
    client.get(URL, {"page": 1, "utm_source": "x"})

    with django_assert_num_queries(3):
        response = client.get(URL, {"page": 1, "utm_source": "x"})

    assert response.json()["count"] == 2


def test_a_long_search_is_answered_but_not_kept(client, agency, django_assert_num_queries):
    make_published_services(agency, 2)
    long_query = "layanan " + "contoh " * 20
    client.get(URL, {"q": long_query})

    with django_assert_num_queries(3):
        response = client.get(URL, {"q": long_query})

    assert response.status_code == 200
    assert response.json()["count"] == 2
