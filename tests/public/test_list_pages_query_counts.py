"""The list pages read a fixed number of queries however many agencies and services there are."""

from standards.models import ServiceKind
from standards.services import service_create
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


def test_the_maklumat_uses_three_queries(client, published, agency, other_agency, django_assert_num_queries):
    _more_services(agency, other_agency)

    with django_assert_num_queries(3):
        client.get("/kec-contoh/maklumat/")
