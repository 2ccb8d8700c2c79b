"""A session may act on cases only with the CSRF token; a bearer token needs none."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.api.case_fixtures import act, kedopok_case, login
from tests.api.helpers import assert_error


@pytest.mark.django_db
def test_a_session_action_without_the_csrf_token_is_refused(tokens):
    created = kedopok_case(Client(), tokens["kelurahan"])
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(login("kec-kedopok.operator-kecamatan"))

    response = browser.post(
        f"/api/v1/cases/{created['number']}/actions",
        data={"action": "lengkap", "version": created["version"]},
        content_type="application/json",
    )

    assert_error(response, 403, "permission_denied")


@pytest.mark.django_db
def test_a_token_action_needs_no_csrf_token(tokens):
    created = kedopok_case(Client(), tokens["kelurahan"])
    strict = Client(enforce_csrf_checks=True)

    response = act(strict, tokens["kecamatan"], created["number"], "lengkap", created["version"])

    assert response.status_code == 200, response.content
