"""List endpoints cost the same number of queries however many rows a page holds."""

from tests.api.helpers import make_published_services


def test_listing_agencies_costs_two_queries(client, agency, other_agency, django_assert_num_queries):
    make_published_services(agency, 3)

    with django_assert_num_queries(2):  # count, page
        response = client.get("/api/v1/agencies")

    assert response.json()["count"] == 2


def test_listing_services_costs_three_queries(client, agency, other_agency, django_assert_num_queries):
    make_published_services(agency, 4)
    make_published_services(other_agency, 3)

    with django_assert_num_queries(3):  # count, page, standards in force
        response = client.get("/api/v1/services")

    assert response.json()["count"] == 7


def test_listing_services_costs_the_same_with_many_more(
    client, agency, other_agency, django_assert_num_queries
):
    make_published_services(agency, 30)
    make_published_services(other_agency, 30)

    with django_assert_num_queries(3) as queries:  # count, page, standards in force
        response = client.get("/api/v1/services", {"page": 2})

    # One index row per public service: nothing to de-duplicate, no sort of the whole registry.
    assert not any("DISTINCT" in q["sql"] for q in queries.captured_queries)

    assert response.json()["count"] == 60
    assert len(response.json()["results"]) == 20


def test_listing_services_for_an_admin_costs_three_more_queries(
    client, agency, agency_admin, django_assert_num_queries
):
    make_published_services(agency, 4)
    client.force_login(agency_admin)

    # session and user, the agencies the user administers, then count, page, standards in force
    with django_assert_num_queries(6):
        response = client.get("/api/v1/services")

    assert response.json()["count"] == 4


def test_showing_an_agency_costs_two_queries(client, agency, django_assert_num_queries):
    make_published_services(agency, 3)

    with django_assert_num_queries(2):  # agency with counts and parent, its units
        client.get("/api/v1/agencies/kec-contoh")
