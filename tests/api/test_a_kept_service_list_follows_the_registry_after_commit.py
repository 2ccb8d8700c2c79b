"""A public page of the service list is kept between requests, and a change to what it shows is on
it as soon as that change commits: publishing, withdrawing, renaming an agency or a unit."""

from standards.services import (
    agency_update,
    service_create,
    service_update,
    standard_draft_create,
    standard_draft_from,
    standard_publish,
    unit_create,
    unit_update,
)
from tests.api.helpers import make_published_services
from tests.factories import complete_components

URL = "/api/v1/services"


def _names(client):
    return [row["name"] for row in client.get(URL).json()["results"]]


def test_a_newly_published_service_is_listed_right_after_commit(
    client, agency, django_capture_on_commit_callbacks
):
    make_published_services(agency, 2)
    assert _names(client) == ["Layanan Contoh 00", "Layanan Contoh 01"]

    with django_capture_on_commit_callbacks(execute=True):
        make_published_services(agency, 3)

    assert _names(client) == [f"Layanan Contoh {n:02d}" for n in (0, 0, 1, 1, 2)]


def test_a_withdrawn_service_leaves_the_list_right_after_commit(
    client, agency, django_capture_on_commit_callbacks
):
    first, _second = make_published_services(agency, 2)
    assert client.get(URL).json()["count"] == 2

    with django_capture_on_commit_callbacks(execute=True):
        service_update(actor=None, service=first, is_active=False)

    body = client.get(URL).json()
    assert (body["count"], [row["slug"] for row in body["results"]]) == (1, ["layanan-contoh-01"])


def test_a_renamed_agency_shows_its_new_name_right_after_commit(
    client, agency, django_capture_on_commit_callbacks
):
    make_published_services(agency, 1)
    assert client.get(URL).json()["results"][0]["agency"]["name"] == "Kecamatan Contoh"

    with django_capture_on_commit_callbacks(execute=True):
        agency_update(actor=None, agency=agency, name="Kecamatan Contoh Baru")

    assert client.get(URL).json()["results"][0]["agency"]["name"] == "Kecamatan Contoh Baru"


def test_a_unit_with_a_new_slug_shows_it_right_after_commit(
    client, agency, django_capture_on_commit_callbacks
):
    unit = unit_create(actor=None, agency=agency, name="Seksi Pelayanan", kind="seksi")
    service = service_create(agency=agency, name="Layanan Berunit", unit=unit)
    standard_publish(
        standard=standard_draft_create(service=service, actor=None, components=complete_components()),
        actor=None,
    )
    assert client.get(URL).json()["results"][0]["unit"] == {
        "slug": "seksi-pelayanan",
        "name": "Seksi Pelayanan",
    }

    with django_capture_on_commit_callbacks(execute=True):
        unit_update(actor=None, unit=unit, slug="seksi-layanan")

    assert client.get(URL).json()["results"][0]["unit"] == {
        "slug": "seksi-layanan",
        "name": "Seksi Pelayanan",
    }


def test_a_new_version_in_force_is_listed_right_after_commit(
    client, published, django_capture_on_commit_callbacks
):
    assert client.get(URL).json()["results"][0]["standard"]["version"] == 1

    with django_capture_on_commit_callbacks(execute=True):
        standard_publish(standard=standard_draft_from(standard=published, actor=None), actor=None)

    assert client.get(URL).json()["results"][0]["standard"]["version"] == 2
