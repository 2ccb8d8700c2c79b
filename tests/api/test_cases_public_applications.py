"""Without a login, a case can be opened only where the standard has a public online track."""

from __future__ import annotations

import pytest

from tests.api.case_fixtures import BANGLI_COMPLAINT, KEDOPOK, applicant, create_case
from tests.api.helpers import assert_error


@pytest.mark.django_db
def test_a_citizen_may_file_a_complaint_online_without_an_account(client, demo, media):
    body = {"service": BANGLI_COMPLAINT, "track": "online", "channel": "website", "applicant": applicant()}

    response = create_case(client, None, body)

    assert response.status_code == 201, response.content
    assert response.json()["pin"]
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.django_db
def test_a_citizen_may_not_open_a_case_where_the_kelurahan_operator_submits(client, demo):
    body = {"service": KEDOPOK, "channel": "website", "applicant": applicant()}

    response = create_case(client, None, body)

    assert_error(response, 403, "permission_denied")
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.django_db
def test_a_citizen_may_not_set_the_received_time(client, demo):
    body = {
        "service": BANGLI_COMPLAINT,
        "track": "online",
        "applicant": applicant(),
        "received_at": "2026-11-04T09:00:00+07:00",
    }

    error = assert_error(create_case(client, None, body), 400, "invalid_request")

    assert [f["field"] for f in error["fields"]] == ["received_at"]
