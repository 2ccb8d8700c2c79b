"""In the workspace: a case's letters with download and "ganti produk" for the official who
signed the step; agency admins edit a letter template as a draft, preview it and put it in force."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from documents.models import DocumentStatus, DocumentTemplate, TemplateStatus
from tests.documents.helpers import signed_letter

BACKEND = "django.contrib.auth.backends.ModelBackend"


@pytest.mark.django_db
def test_the_camat_replaces_a_wrong_letter_from_the_case_page(client, case_at_signing, camat, demo_ca):
    letter = signed_letter(case_at_signing, camat).document
    client.force_login(camat, backend=BACKEND)
    page = f"/kerja/permohonan/{case_at_signing.display_number}/"

    body = client.get(page).content.decode()
    assert letter.number in body and "Ganti produk" in body
    assert (
        client.get(
            f"/kerja/dokumen/permohonan/{case_at_signing.display_number}/{letter.public_code}.pdf"
        ).status_code
        == 200
    )

    response = client.post(
        f"/kerja/dokumen/permohonan/{case_at_signing.display_number}/{letter.public_code}/ganti/",
        {"reason": "Tanggal salah", "address": "Jl. Mawar 3, Kedopok"},
    )

    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.status == DocumentStatus.REVOKED
    assert "dicabut" in client.get(page).content.decode()


@pytest.mark.django_db
def test_an_officer_who_did_not_sign_cannot_replace(client, case_at_signing, camat, demo_ca):
    letter = signed_letter(case_at_signing, camat).document
    operator = get_user_model().objects.get(username="kec-kedopok.operator-kecamatan")
    client.force_login(operator, backend=BACKEND)

    client.post(
        f"/kerja/dokumen/permohonan/{case_at_signing.display_number}/{letter.public_code}/ganti/",
        {"reason": "x", "address": "y"},
    )

    letter.refresh_from_db()
    assert letter.status == DocumentStatus.SIGNED


@pytest.mark.django_db
def test_the_agency_admin_edits_previews_and_publishes_a_template(client, case_at_signing):
    admin = get_user_model().objects.get(username="kec-kedopok.admin")
    client.force_login(admin, backend=BACKEND)
    edit = "/kerja/dokumen/templat/kec-kedopok/cover_letter/"

    assert client.get("/kerja/dokumen/templat/kec-kedopok/").status_code == 200
    assert client.post(edit, {"title": "Surat pengantar", "body": "{% include 'x' %}"}).status_code == 400
    client.post(
        edit, {"title": "Surat pengantar", "body": "<p>Kepada {{ applicant.name }}</p>", "then": "save"}
    )
    draft = DocumentTemplate.objects.get(
        agency__slug="kec-kedopok", kind="cover_letter", status=TemplateStatus.DRAFT
    )
    preview = client.get(edit + "pratinjau.pdf")
    assert preview.status_code == 200 and preview.content.startswith(b"%PDF")

    client.post(edit, {"title": "Surat pengantar", "body": draft.body, "then": "publish"})

    draft.refresh_from_db()
    assert draft.status == TemplateStatus.PUBLISHED


@pytest.mark.django_db
def test_templates_are_for_the_agencys_admins_only(client, case_at_signing, camat):
    client.force_login(camat, backend=BACKEND)

    assert client.get("/kerja/dokumen/templat/kec-kedopok/").status_code == 404
