"""A kelurahan's operator sees and acts on the cases of their own kelurahan only."""

from __future__ import annotations

import pytest

from cases.selectors import case_get_for_user, inbox_for_user
from cases.services import ActionForbidden, Actor, Applicant, case_act, case_create


@pytest.fixture
def returned_case(kedopok_service, kelurahan_operator, kecamatan_operator):
    case = case_create(
        service=kedopok_service,
        actor=kelurahan_operator,
        applicant=Applicant(name="Panitia"),
        channel="website",
    ).case
    return case_act(
        case=case, actor=Actor(kecamatan_operator), action="kembalikan", version=1, missing=["kk"]
    )


@pytest.mark.django_db
def test_the_other_kelurahan_cannot_find_the_case(
    returned_case, other_kelurahan_operator, kelurahan_operator
):
    assert case_get_for_user(user=other_kelurahan_operator, number=returned_case.number) is None
    assert (
        case_get_for_user(user=kelurahan_operator, number=returned_case.display_number.lower())
        == returned_case
    )


@pytest.mark.django_db
def test_the_returned_case_is_in_its_own_kelurahan_inbox_only(
    returned_case, other_kelurahan_operator, kelurahan_operator
):
    assert list(inbox_for_user(user=kelurahan_operator)) == [returned_case]
    assert list(inbox_for_user(user=other_kelurahan_operator)) == []


@pytest.mark.django_db
def test_the_other_kelurahan_cannot_act_on_it(returned_case, other_kelurahan_operator):
    with pytest.raises(ActionForbidden):
        case_act(
            case=returned_case,
            actor=Actor(other_kelurahan_operator),
            action="ajukan",
            version=returned_case.version,
        )


@pytest.mark.django_db
def test_a_camat_of_another_agency_sees_nothing(returned_case, demo):
    from tests.cases.conftest import login

    assert case_get_for_user(user=login("perkim-banten.kepala-dinas"), number=returned_case.number) is None
