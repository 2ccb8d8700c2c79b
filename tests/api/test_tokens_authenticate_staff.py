"""Bearer tokens authenticate staff; a bad or revoked token is 401 with the error body."""

from __future__ import annotations

import pytest

from accounts.models import ApiToken
from accounts.services import api_token_revoke
from tests.api.case_fixtures import bearer, get_case, kedopok_case, login
from tests.api.helpers import assert_error


@pytest.mark.django_db
def test_an_unknown_token_is_401(client, tokens):
    number = kedopok_case(client, tokens["kelurahan"])["number"]

    response = get_case(client, "not-a-token-at-all", number)

    assert_error(response, 401, "not_authenticated")
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.django_db
def test_a_revoked_token_is_401(client, tokens):
    number = kedopok_case(client, tokens["kelurahan"])["number"]
    row = ApiToken.objects.get(user__username="kec-kedopok.operator-kecamatan")
    api_token_revoke(token=row)

    assert_error(get_case(client, tokens["kecamatan"], number), 401, "not_authenticated")


@pytest.mark.django_db
def test_a_bad_token_is_401_even_where_the_public_is_let_in(client, demo):
    response = client.post(
        "/api/v1/cases", data={}, content_type="application/json", headers=bearer("forged")
    )

    assert_error(response, 401, "not_authenticated")


@pytest.mark.django_db
def test_no_token_and_no_session_is_401_for_staff_endpoints(client, tokens):
    number = kedopok_case(client, tokens["kelurahan"])["number"]

    assert_error(client.get(f"/api/v1/cases/{number}"), 401, "not_authenticated")
    assert_error(client.get("/api/v1/inbox"), 401, "not_authenticated")


@pytest.mark.django_db
def test_the_session_login_still_reads_cases(client, tokens):
    number = kedopok_case(client, tokens["kelurahan"])["number"]
    client.force_login(login("kec-kedopok.operator-kecamatan"))

    response = client.get(f"/api/v1/cases/{number}")

    assert response.status_code == 200
    assert [a["key"] for a in response.json()["actions"]] == ["lengkap", "kembalikan"]


@pytest.mark.django_db
def test_the_token_records_when_it_was_last_used(client, tokens):
    row = ApiToken.objects.get(user__username="kec-kedopok.operator-kecamatan")
    assert row.last_used_at is None

    client.get("/api/v1/inbox", headers=bearer(tokens["kecamatan"]))

    row.refresh_from_db()
    assert row.last_used_at is not None
