"""The leadership can name an officer only if that officer can then act on the case."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from accounts.models import Membership, StaffRole
from cases.selectors import officers_for_step
from cases.services import Actor, Applicant, InvalidInput, case_act, case_create
from standards.models import Service, Unit
from tests.cases.conftest import login


@pytest.mark.django_db
def test_an_officer_of_another_unit_is_neither_offered_nor_accepted(demo):
    service = Service.objects.get(agency__slug="perkim-banten", slug="konsultasi")
    front = login("perkim-banten.front-office")
    case = case_create(service=service, actor=front, applicant=Applicant(name="A"), channel="letter").case
    case = case_act(case=case, actor=Actor(front), action="terima", version=case.version)
    scoped = get_user_model().objects.create_user("petugas-sekretariat", password="x")
    Membership.objects.create(
        user=scoped,
        role=StaffRole.objects.get(agency__slug="perkim-banten", code="petugas-konsultasi"),
        unit=Unit.objects.get(agency__slug="perkim-banten", slug="sekretariat"),
    )
    Membership.objects.create(
        user=scoped, role=StaffRole.objects.get(agency__slug="perkim-banten", code="front-office")
    )

    assert scoped not in officers_for_step(case=case, step_id="surat-4")
    assert login("perkim-banten.petugas-konsultasi") in officers_for_step(case=case, step_id="surat-4")
    with pytest.raises(InvalidInput) as error:
        case_act(case=case, actor=Actor(login("perkim-banten.pimpinan")), action="disposisi",
                 version=case.version, assignee=scoped)  # fmt: skip
    assert error.value.fields == {"assignee": "wrong_role"}
