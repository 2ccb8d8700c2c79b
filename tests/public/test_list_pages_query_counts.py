"""The list pages read a fixed number of queries however many agencies and services there are."""

from standards.models import AgencyKind, ServiceKind
from standards.services import agency_create, service_create
from tests.factories import factory_roles_ensure
from tests.public.conftest import publish


def _more_services(agency, other_agency, n=3):
    for i in range(n):
        publish(service_create(agency=agency, name=f"Layanan Tambahan {i}", kind=ServiceKind.APPLICATION))
        publish(service_create(agency=other_agency, name=f"Layanan Lain {i}", kind=ServiceKind.APPLICATION))


def test_the_home_page_uses_two_queries_whatever_the_number_of_services(
    client, published, agency, other_agency, django_assert_num_queries
):
    _more_services(agency, other_agency)

    with django_assert_num_queries(2):  # agencies, services with their agency and unit
        response = client.get("/")

    assert response.content.decode().count("Layanan Tambahan") == 3


def test_the_search_uses_two_queries(client, published, agency, other_agency, django_assert_num_queries):
    _more_services(agency, other_agency)

    with django_assert_num_queries(2):
        client.get("/", {"q": "layanan"})


def test_the_agency_page_uses_three_queries_whatever_the_number_of_services(
    client, published, agency, other_agency, django_assert_num_queries
):
    _more_services(agency, other_agency)

    with django_assert_num_queries(3):  # agency, its services, their published standards
        response = client.get("/kec-contoh/")

    assert response.content.decode().count("Layanan Tambahan") == 3


def test_the_page_of_an_agency_with_a_parent_still_uses_three_queries(
    client, agency, other_agency, django_assert_num_queries
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

    with django_assert_num_queries(3):  # agency with its parent, its services, their published standards
        response = client.get("/kel-contoh/")

    body = response.content.decode()
    assert "Kecamatan Contoh" in body  # the parent, named on the page
    assert body.count("Layanan Tambahan") == 3


def test_the_maklumat_uses_three_queries(client, published, agency, other_agency, django_assert_num_queries):
    _more_services(agency, other_agency)

    with django_assert_num_queries(3):
        client.get("/kec-contoh/maklumat/")
