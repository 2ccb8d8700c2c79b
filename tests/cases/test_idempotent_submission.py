from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from cases.models import Case
from cases.services import Applicant, InvalidInput, case_create


@pytest.mark.django_db
def test_a_repeated_submission_with_the_same_key_returns_the_first_case(kedopok_service, kelurahan_operator):
    first = case_create(service=kedopok_service, actor=kelurahan_operator, applicant=Applicant(name="A"),
                        channel="website", idempotency_key="k-1")  # fmt: skip
    again = case_create(service=kedopok_service, actor=kelurahan_operator, applicant=Applicant(name="A"),
                        channel="website", idempotency_key="k-1")  # fmt: skip

    assert (again.case, again.pin, again.created) == (first.case, None, False)
    assert Case.objects.count() == 1


@pytest.mark.django_db
def test_a_letter_cannot_arrive_in_the_future(kedopok_service, kelurahan_operator):
    with pytest.raises(InvalidInput) as error:
        case_create(service=kedopok_service, actor=kelurahan_operator, applicant=Applicant(name="A"),
                    channel="website", received_at=timezone.now() + dt.timedelta(hours=2))  # fmt: skip
    assert error.value.fields == {"received_at": "future"}


@pytest.mark.django_db
def test_bad_applicant_details_name_their_field(kedopok_service, kelurahan_operator):
    with pytest.raises(InvalidInput) as error:
        case_create(service=kedopok_service, actor=kelurahan_operator,
                    applicant=Applicant(name=" ", email="bukan-email", phone="12"), channel="website")  # fmt: skip
    assert set(error.value.fields) == {"applicant.name", "applicant.email", "applicant.phone"}
