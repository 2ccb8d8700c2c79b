"""One address guessing many numbers is stopped, not only one number guessed many times."""

from __future__ import annotations

import pytest

from cases.services import ADDRESS_MAX_FAILURES, Applicant, TooManyLookups, case_create, case_pin_check


@pytest.mark.django_db
def test_twenty_failed_lookups_from_one_address_stop_even_the_right_pin(kedopok_service, kelurahan_operator):
    created = case_create(
        service=kedopok_service,
        actor=kelurahan_operator,
        applicant=Applicant(name="Panitia"),
        channel="website",
    )
    for n in range(ADDRESS_MAX_FAILURES):
        assert case_pin_check(number=f"{n:05d}-00000", pin="123456", address="198.51.100.4") is None

    with pytest.raises(TooManyLookups):
        case_pin_check(number=created.case.number, pin=created.pin, address="198.51.100.4")
    # Another address is not affected.
    assert case_pin_check(number=created.case.number, pin=created.pin, address="198.51.100.5") == created.case
