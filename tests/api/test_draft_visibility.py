"""Drafts exist only for the administrators of their agency: everyone else gets 404, as for a
standard that does not exist."""

import pytest

PATHS = ["/api/v1/standards/{pk}", "/api/v1/standards/{pk}/compliance"]


@pytest.mark.parametrize("path", PATHS)
def test_a_draft_is_hidden_from_anonymous_callers(client, draft, path):
    response = client.get(path.format(pk=draft.pk))

    assert response.status_code == 404
    assert response.json() == client.get(path.format(pk=draft.pk + 1000)).json()


@pytest.mark.parametrize("path", PATHS)
def test_a_draft_is_hidden_from_another_agencys_admin(client, draft, other_agency_admin, path):
    client.force_login(other_agency_admin)

    response = client.get(path.format(pk=draft.pk))

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize("path", PATHS)
def test_a_draft_is_hidden_from_an_operator_of_its_own_agency(client, draft, operator, path):
    client.force_login(operator)

    assert client.get(path.format(pk=draft.pk)).status_code == 404


@pytest.mark.parametrize("path", PATHS)
def test_a_draft_is_visible_to_its_agencys_admin_and_not_cached(client, draft, agency_admin, path):
    client.force_login(agency_admin)

    response = client.get(path.format(pk=draft.pk))

    assert response.status_code == 200
    assert response.json()["status"] == "draft"
    assert response["Cache-Control"] == "private, no-store"
    assert "ETag" not in response
