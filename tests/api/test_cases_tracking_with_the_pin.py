"""The applicant follows the case with its number and PIN, and sees no personal data."""

from __future__ import annotations

import pytest

from tests.api.case_fixtures import act, kedopok_case
from tests.api.helpers import assert_error


def track(client, number: str, pin: str):
    return client.get(f"/api/v1/track/{number}", headers={"X-Tracking-PIN": pin})


def wrong(pin: str) -> str:
    return "000000" if pin != "000000" else "111111"


@pytest.mark.django_db
def test_the_pin_shows_the_status_and_what_is_missing_without_personal_data(client, tokens):
    created = kedopok_case(client, tokens["kelurahan"])
    act(client, tokens["kecamatan"], created["number"], "kembalikan", created["version"], missing=["kk"],
        note="KK belum ada")  # fmt: skip

    response = track(client, created["display_number"], created["pin"])

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "open"
    assert body["agency"] == "Kecamatan Kedopok"
    assert body["step"]["role"] == "Operator Kelurahan"
    assert [m["key"] for m in body["missing"]] == ["kk"]
    assert body["missing"][0]["text"]
    text = response.content.decode()
    assert "Karang Taruna" not in text and "0812" not in text and "karang.taruna" not in text
    assert "KK belum ada" not in text
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.django_db
def test_a_wrong_pin_and_an_unknown_number_get_the_same_404(client, tokens):
    created = kedopok_case(client, tokens["kelurahan"])

    bad_pin = assert_error(track(client, created["number"], wrong(created["pin"])), 404, "not_found")
    no_case = assert_error(track(client, "0000000000", created["pin"]), 404, "not_found")

    assert bad_pin == no_case


@pytest.mark.django_db
def test_five_wrong_pins_lock_the_case_even_for_the_right_pin(client, tokens):
    created = kedopok_case(client, tokens["kelurahan"])
    for _attempt in range(5):
        assert_error(track(client, created["number"], wrong(created["pin"])), 404, "not_found")

    locked = track(client, created["number"], created["pin"])

    assert_error(locked, 404, "not_found")
