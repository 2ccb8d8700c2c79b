"""Surat pengantar izin keramaian through the workspace pages: entered with the KK missing,
returned with KK ticked, completed and resubmitted, forwarded, signed, sent back and archived."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from cases.models import Case, CaseEventKind, CaseStatus
from tests.workspace.conftest import pdf


def _act(client, case, action, **fields):
    case.refresh_from_db()
    response = client.post(
        reverse("workspace:case_action", args=[case.display_number]),
        {"action": action, "version": case.version, **fields},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return client.get(response["Location"])


@pytest.mark.django_db
def test_kedopok_case_runs_from_kelurahan_to_archive_through_the_workspace(
    kedopok_service, as_kelurahan, as_kecamatan, as_camat
):
    new_url = reverse("workspace:case_new", args=["kec-kedopok", kedopok_service.slug])
    form = as_kelurahan.get(new_url).content.decode()
    key = re.search(r'name="idempotency_key" value="([0-9a-f]+)"', form).group(1)
    created = as_kelurahan.post(
        new_url,
        {
            "idempotency_key": key,
            "track": "online",
            "channel": "website",
            "received_at": "",
            "name": "Karang Taruna RW 03",
            "phone": "0812 3456 7890",
            "formulir": pdf("formulir.pdf"),
            "ktp": pdf("ktp.pdf"),
        },
    )
    assert created.status_code == 200
    case = Case.objects.get()
    page = created.content.decode()
    assert case.display_number in page
    assert re.search(r"\b\d{6}\b", page), "the PIN is shown once"

    # The kecamatan operator sees it and returns it with the KK ticked.
    assert case.display_number in as_kecamatan.get(reverse("workspace:inbox")).content.decode()
    page = _act(as_kecamatan, case, "kembalikan", missing=["kk"], note="Fotokopi KK belum dilampirkan")
    case.refresh_from_db()
    assert case.step == "ajukan" and case.missing == ["kk"]

    # The kelurahan operator sees what is missing, uploads the KK and resubmits.
    page = as_kelurahan.get(reverse("workspace:case", args=[case.display_number])).content.decode()
    assert "Fotocopy KK 1 Lembar" in page and "Fotokopi KK belum dilampirkan" in page
    uploaded = as_kelurahan.post(
        reverse("workspace:case_upload", args=[case.display_number]),
        {"requirement": "kk", "version": case.version, "file": pdf("kk.pdf")},
    )
    assert uploaded.status_code == 302
    _act(as_kelurahan, case, "ajukan")

    _act(as_kecamatan, case, "lengkap")
    _act(as_kecamatan, case, "ajukan-camat")
    _act(as_camat, case, "tandatangani")
    _act(as_camat, case, "kembalikan-kecamatan")
    page = _act(as_kecamatan, case, "kirim-kelurahan").content.decode()

    case.refresh_from_db()
    assert case.status == CaseStatus.COMPLETED
    kinds = list(case.events.values_list("kind", flat=True))
    assert CaseEventKind.RETURNED in kinds and CaseEventKind.RESUBMITTED in kinds
    assert kinds[-1] == CaseEventKind.ENDED
    # The timeline names every step the case went through, and the final state.
    for words in (
        "Diajukan",
        "Dikembalikan untuk dilengkapi",
        "Berkas diunggah untuk: Fotocopy KK 1 Lembar",
        "Diajukan kembali",
        "Berkas lengkap, proses",
        "Ajukan kepada Camat",
        "Tandatangani secara digital",
        "Kembalikan kepada Operator Kecamatan",
        "Kirim kepada Operator Kelurahan",
        "Arsipkan",
        "Permohonan berakhir: Selesai",
    ):
        assert words in page, words
    assert 'name="action"' not in page  # nothing left to do on a completed case
