"""The public list pages read a fixed number of queries however many agencies and services there are."""

import pytest

from standards.models import AgencyKind, ServiceKind
from standards.services import agency_create, service_create
from tests.factories import factory_roles_ensure
from tests.public.conftest import publish


def _more_services(agency, other_agency, n=3):
    for i in range(n):
        publish(service_create(agency=agency, name=f"Layanan Tambahan {i}", kind=ServiceKind.APPLICATION))
        publish(service_create(agency=other_agency, name=f"Layanan Lain {i}", kind=ServiceKind.APPLICATION))


def _more_agencies(n):
    for i in range(n):
        extra = agency_create(
            actor=None, slug=f"desa-{i}", name=f"Desa Tambahan {i}", kind=AgencyKind.DESA, province="Bali"
        )
        factory_roles_ensure(extra)
        publish(service_create(agency=extra, name=f"Layanan Desa {i}", kind=ServiceKind.APPLICATION))


# Home: the region summary (once, then from the cache), the number of agencies, one page of them,
# their counts of services, the latest standards.
HOME_QUERIES = 5


@pytest.mark.parametrize("more", [1, 12])
def test_the_home_page_costs_the_same_with_more_services_and_agencies(
    client, published, agency, other_agency, django_assert_max_num_queries, more
):
    _more_services(agency, other_agency, more)
    _more_agencies(more)

    with django_assert_max_num_queries(HOME_QUERIES):
        response = client.get("/")
    with django_assert_max_num_queries(HOME_QUERIES - 1):  # the summary now comes from the cache
        second = client.get("/", {"halaman": "2"})

    pages = [response.content.decode(), second.content.decode()]
    assert all(page.count('<li class="agency-card">') <= 12 for page in pages)  # one page of agencies
    assert any("Kecamatan Contoh" in page for page in pages)
    assert any("Dinas Lain" in page for page in pages)


@pytest.mark.parametrize("more", [1, 12])
def test_the_search_uses_three_queries_however_many_match(
    client, published, agency, other_agency, django_assert_max_num_queries, more
):
    _more_services(agency, other_agency, more)

    with django_assert_max_num_queries(3):  # the number of matches, the page of ids, the services
        response = client.get("/", {"q": "layanan"})

    assert f"{2 * more} layanan cocok" in response.content.decode()


@pytest.mark.parametrize("more", [1, 12])
def test_the_agency_page_costs_the_same_with_more_services(
    client, published, agency, other_agency, django_assert_max_num_queries, more
):
    _more_services(agency, other_agency, more)

    with django_assert_max_num_queries(4):  # agency, the count, a page of services, their standards
        response = client.get("/kec-contoh/")

    assert response.content.decode().count("Layanan Tambahan") == more


def test_the_agency_page_shows_fifty_services_a_page(client, agency, other_agency):
    _more_services(agency, other_agency, 52)

    first = client.get("/kec-contoh/").content.decode()
    second = client.get("/kec-contoh/", {"halaman": "2"}).content.decode()
    odd = client.get("/kec-contoh/", {"halaman": "sembilan"})

    assert first.count("Layanan Tambahan") == 50
    assert "Halaman 1 dari 2" in first
    assert second.count("Layanan Tambahan") == 2
    assert odd.status_code == 200


def test_the_page_of_an_agency_with_a_parent_still_costs_four_queries(
    client, agency, other_agency, django_assert_max_num_queries
):
    child = agency_create(
        actor=None,
        slug="kel-contoh",
        name="Kelurahan Contoh",
        kind=AgencyKind.KELURAHAN,
        province="Jawa Timur",
        parent=agency,
    )
    factory_roles_ensure(child)
    _more_services(child, other_agency)

    with django_assert_max_num_queries(4):  # agency with its parent, count, services, standards
        response = client.get("/kel-contoh/")

    body = response.content.decode()
    assert "Kecamatan Contoh" in body  # the parent, named on the page
    assert body.count("Layanan Tambahan") == 3


def test_the_maklumat_uses_three_queries(client, published, agency, other_agency, django_assert_num_queries):
    _more_services(agency, other_agency)

    with django_assert_num_queries(3):
        client.get("/kec-contoh/maklumat/")
