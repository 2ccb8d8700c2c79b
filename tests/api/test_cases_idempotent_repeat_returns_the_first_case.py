"""A submission repeated with the same Idempotency-Key gives back the first case, without its PIN."""

from __future__ import annotations

import pytest

from cases.models import Case
from tests.api.case_fixtures import KEDOPOK, applicant, create_case, kedopok_case


@pytest.mark.django_db
def test_a_repeat_with_the_same_key_returns_the_first_case_and_no_pin(client, tokens):
    first = kedopok_case(client, tokens["kelurahan"], key="f0b6c1d2-retry")

    again = create_case(
        client, tokens["kelurahan"], {"service": KEDOPOK, "applicant": applicant()}, key="f0b6c1d2-retry"
    )

    assert first["created"] is True and first["pin"]
    assert again.status_code == 200
    assert again.json()["number"] == first["number"]
    assert again.json()["created"] is False
    assert again.json()["pin"] is None
    assert Case.objects.count() == 1


@pytest.mark.django_db
def test_another_key_opens_another_case(client, tokens):
    first = kedopok_case(client, tokens["kelurahan"], key="satu")
    second = kedopok_case(client, tokens["kelurahan"], key="dua")

    assert first["number"] != second["number"]
