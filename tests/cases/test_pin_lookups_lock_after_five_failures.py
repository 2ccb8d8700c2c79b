from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from cases.services import Applicant, case_create, case_pin_check


@pytest.fixture
def created(kedopok_service, kelurahan_operator):
    return case_create(
        service=kedopok_service,
        actor=kelurahan_operator,
        applicant=Applicant(name="Panitia"),
        channel="website",
    )


@pytest.mark.django_db
def test_the_right_pin_finds_the_case_and_the_pin_is_not_stored(created):
    assert case_pin_check(number=created.case.display_number, pin=created.pin) == created.case
    assert created.pin not in created.case.pin_hash


@pytest.mark.django_db
def test_five_wrong_pins_lock_the_case_even_for_the_right_one(created):
    now = timezone.now()
    wrong = "000000" if created.pin != "000000" else "111111"
    for _ in range(5):
        assert case_pin_check(number=created.case.number, pin=wrong, now=now) is None

    assert case_pin_check(number=created.case.number, pin=created.pin, now=now) is None
    later = now + dt.timedelta(minutes=16)
    assert case_pin_check(number=created.case.number, pin=created.pin, now=later) == created.case


@pytest.mark.django_db
def test_an_unknown_number_and_a_wrong_pin_get_the_same_answer(created):
    assert case_pin_check(number="00000-00000", pin=created.pin) is None
    assert case_pin_check(number=created.case.number, pin="x") is None
