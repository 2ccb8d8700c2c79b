"""A switched-off service is hidden with its standards, whichever address asks for them."""

from standards.services import service_update

PATHS = ["/api/v1/standards/{pk}", "/api/v1/standards/{pk}/compliance"]


def test_the_standard_of_an_inactive_service_is_hidden_from_the_public(client, published):
    service_update(actor=None, service=published.service, is_active=False)

    for path in PATHS:
        response = client.get(path.format(pk=published.pk))
        assert response.status_code == 404, path
        assert response.json()["error"]["code"] == "not_found"


def test_its_agency_admin_still_sees_it_privately(client, published, agency_admin):
    service_update(actor=None, service=published.service, is_active=False)
    client.force_login(agency_admin)

    for path in PATHS:
        response = client.get(path.format(pk=published.pk))
        assert response.status_code == 200, path
        assert response["Cache-Control"] == "private, no-store"
