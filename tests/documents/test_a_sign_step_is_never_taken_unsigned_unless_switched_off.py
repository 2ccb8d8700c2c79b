"""Signing is required by default: the case engine refuses Kedopok's sign transition unless it
comes through case_sign, and an official without a signing identity is told what is missing and
who can fix it, with the task left open. Only PELAYAN_SIGNING_REQUIRED set off (development)
lets the step be taken unsigned."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cases.services import Actor, InvalidInput, case_act
from documents.models import Document, DocumentStatus
from documents.services import case_act_with_documents


@pytest.mark.django_db
def test_signing_is_required_without_any_setting(settings):
    assert settings.PELAYAN_SIGNING_REQUIRED is True


@pytest.mark.django_db
def test_the_sign_transition_is_refused_outside_case_sign(case_at_signing, camat):
    with pytest.raises(InvalidInput) as refused:
        case_act(
            case=case_at_signing, actor=Actor(camat), action="tandatangani", version=case_at_signing.version
        )

    assert refused.value.fields == {"passphrase": "required"}
    case_at_signing.refresh_from_db()
    assert case_at_signing.step == "tandatangan"


@pytest.mark.django_db
def test_an_official_without_identity_is_told_what_is_missing_and_the_task_stays_open(case_at_signing, camat):
    with pytest.raises(InvalidInput) as refused:
        case_act_with_documents(case=case_at_signing, actor=camat, action="tandatangani",
                                version=case_at_signing.version)  # fmt: skip

    assert refused.value.fields == {"passphrase": "no_identity"}
    message = refused.value.message
    assert "belum memiliki identitas tanda tangan elektronik" in message
    assert "tugas tetap terbuka" in message
    assert "admin instansi" in message and "pelayan signing issue kec-kedopok.camat" in message
    case_at_signing.refresh_from_db()
    assert case_at_signing.step == "tandatangan" and case_at_signing.is_open()
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_the_workspace_shows_the_camat_why_the_letter_was_not_signed(case_at_signing, camat, client):
    client.force_login(camat)

    page = client.post(
        reverse("workspace:case_action", args=[case_at_signing.display_number]),
        {"action": "tandatangani", "version": case_at_signing.version},
    )

    assert page.status_code == 400
    text = page.content.decode()
    assert "belum memiliki identitas tanda tangan elektronik" in text
    assert "pelayan signing issue kec-kedopok.camat" in text
    case_at_signing.refresh_from_db()
    assert case_at_signing.step == "tandatangan"


@pytest.mark.django_db
def test_switched_off_for_development_the_letter_is_issued_unsigned(case_at_signing, camat, settings):
    settings.PELAYAN_SIGNING_REQUIRED = False

    moved = case_act_with_documents(case=case_at_signing, actor=camat, action="tandatangani",
                                    version=case_at_signing.version)  # fmt: skip

    assert moved.step == "kembali-kecamatan"
    assert moved.documents.get().status == DocumentStatus.RENDERED  # the letter, made but not signed
