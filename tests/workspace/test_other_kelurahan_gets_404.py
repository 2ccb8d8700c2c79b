"""A Kedopok case does not exist for the operator of another kelurahan: page, file and every POST."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.workspace.conftest import kedopok_case, pdf


@pytest.fixture
def case(kedopok_service, kelurahan_operator):
    return kedopok_case(kedopok_service, kelurahan_operator)


@pytest.mark.django_db
def test_the_other_kelurahan_operator_gets_404_for_page_file_and_posts(
    case, as_other_kelurahan, as_kelurahan
):
    number = case.display_number
    before = (case.version, case.step, case.files.count())
    file_id = case.files.first().pk
    own = as_kelurahan.get(reverse("workspace:case_file", args=[number, file_id]))
    assert own.status_code == 200 and own["Content-Disposition"].startswith("attachment")

    assert as_other_kelurahan.get(reverse("workspace:case", args=[number])).status_code == 404
    assert as_other_kelurahan.get(reverse("workspace:case_file", args=[number, file_id])).status_code == 404
    for action in ("ajukan", "kembalikan", "lengkap"):
        response = as_other_kelurahan.post(
            reverse("workspace:case_action", args=[number]),
            {"action": action, "version": case.version, "note": "x", "missing": ["kk"]},
        )
        assert response.status_code == 404, action
    response = as_other_kelurahan.post(
        reverse("workspace:case_upload", args=[number]),
        {"requirement": "kk", "version": case.version, "file": pdf("kk.pdf")},
    )
    assert response.status_code == 404
    case.refresh_from_db()
    assert (case.version, case.step, case.files.count()) == before


@pytest.mark.django_db
def test_searching_the_other_kelurahans_case_says_not_found(case, as_other_kelurahan):
    response = as_other_kelurahan.get(reverse("workspace:search"), {"nomor": case.display_number})
    assert response.status_code == 404
    assert "Permohonan tidak ditemukan" in response.content.decode()
