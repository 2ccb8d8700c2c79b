import pytest

from cases.services import Applicant, case_create


@pytest.mark.django_db
def test_a_non_ascii_digit_as_officer_gets_a_message_not_a_500(
    client, kedopok_service, kelurahan_operator, kecamatan_operator
):
    case = case_create(
        service=kedopok_service, actor=kelurahan_operator, applicant=Applicant(name="A"), channel="website"
    ).case
    client.force_login(kecamatan_operator)

    response = client.post(
        f"/kerja/permohonan/{case.display_number}/tindakan/",
        {"action": "lengkap", "version": case.version, "assignee": "²"},
    )

    assert response.status_code == 400
    case.refresh_from_db()
    assert case.step == "teliti"
