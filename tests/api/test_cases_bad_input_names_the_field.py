"""Refused input is answered 400 with the field at fault named in the error body."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.api.case_fixtures import KEDOPOK, act, applicant, create_case, kedopok_case
from tests.api.helpers import assert_error


def fields(error: dict) -> list[str]:
    return [f["field"] for f in error["fields"]]


@pytest.mark.django_db
def test_an_application_without_the_applicants_name_names_applicant_name(client, tokens):
    response = create_case(client, tokens["kelurahan"], {"service": KEDOPOK, "applicant": {"phone": "0812"}})

    assert fields(assert_error(response, 400, "invalid_request")) == ["applicant.name"]


@pytest.mark.django_db
def test_a_blank_name_is_refused_by_the_service_and_names_applicant_name(client, tokens):
    body = {"service": KEDOPOK, "applicant": {"name": "   "}}

    error = assert_error(create_case(client, tokens["kelurahan"], body), 400, "invalid_request")

    assert fields(error) == ["applicant.name"]
    assert error["fields"][0]["message"] == "Nama pemohon wajib diisi."


@pytest.mark.django_db
def test_a_received_at_in_the_future_names_received_at(client, tokens):
    later = (dt.datetime.now(dt.UTC) + dt.timedelta(days=2)).isoformat()
    body = {"service": KEDOPOK, "applicant": applicant(), "received_at": later}

    error = assert_error(create_case(client, tokens["kelurahan"], body), 400, "invalid_request")

    assert fields(error) == ["received_at"]


@pytest.mark.django_db
def test_a_received_at_without_a_time_zone_names_received_at(client, tokens):
    body = {"service": KEDOPOK, "applicant": applicant(), "received_at": "2026-11-04T09:00:00"}

    error = assert_error(create_case(client, tokens["kelurahan"], body), 400, "invalid_request")

    assert fields(error) == ["received_at"]


@pytest.mark.django_db
def test_a_return_naming_an_unknown_requirement_names_missing(client, tokens):
    created = kedopok_case(client, tokens["kelurahan"])

    response = act(client, tokens["kecamatan"], created["number"], "kembalikan", created["version"],
                   missing=["akta-kelahiran"])  # fmt: skip

    assert fields(assert_error(response, 400, "invalid_request")) == ["missing"]


@pytest.mark.django_db
def test_an_action_without_a_version_names_version(client, tokens):
    created = kedopok_case(client, tokens["kelurahan"])

    response = client.post(
        f"/api/v1/cases/{created['number']}/actions",
        data={"action": "lengkap"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {tokens['kecamatan']}"},
    )

    assert fields(assert_error(response, 400, "invalid_request")) == ["version"]


@pytest.mark.django_db
def test_an_unknown_service_is_404_naming_service(client, tokens):
    body = {"service": "kec-kedopok/tidak-ada", "applicant": applicant()}

    error = assert_error(create_case(client, tokens["kelurahan"], body), 404, "not_found")

    assert fields(error) == ["service"]
