import pytest

from cases.services import Actor, Applicant, case_act, case_create


@pytest.mark.django_db
def test_the_camat_is_asked_for_a_passphrase_at_the_sign_step_only(
    client, kedopok_service, kelurahan_operator, kecamatan_operator, camat
):
    case = case_create(
        service=kedopok_service, actor=kelurahan_operator, applicant=Applicant(name="A"), channel="website"
    ).case
    for action in ("lengkap", "ajukan-camat"):
        case = case_act(case=case, actor=Actor(kecamatan_operator), action=action, version=case.version)
    client.force_login(camat)

    body = client.get(f"/kerja/permohonan/{case.display_number}/").content.decode()

    assert body.count('name="passphrase"') == 1
    assert 'type="password"' in body and 'autocomplete="off"' in body
