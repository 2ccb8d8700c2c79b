"""A returned case says what is missing, by the requirement's own words, on the page and in the timeline."""

from __future__ import annotations

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_a_returned_case_shows_the_missing_items_and_the_note(returned_case, as_kelurahan):
    page = as_kelurahan.get(reverse("workspace:case", args=[returned_case.display_number])).content.decode()
    assert "Dikembalikan untuk dilengkapi" in page
    assert "Yang kurang:" in page
    assert "Fotocopy KK 1 Lembar" in page
    assert "Diminta dilengkapi" in page
    assert "Fotokopi KK belum dilampirkan" in page
    # The kelurahan operator holds the step again: upload and resubmit are offered.
    assert "Ajukan ke Kecamatan" in page
    assert 'name="requirement" value="kk"' in page


@pytest.mark.django_db
def test_a_return_without_missing_items_or_note_is_refused_beside_the_form(
    kedopok_service, kelurahan_operator, as_kecamatan
):
    from tests.workspace.conftest import kedopok_case

    case = kedopok_case(kedopok_service, kelurahan_operator)
    response = as_kecamatan.post(
        reverse("workspace:case_action", args=[case.display_number]),
        {"action": "kembalikan", "version": case.version, "note": ""},
    )
    assert response.status_code == 400
    assert "Sebutkan persyaratan yang kurang" in response.content.decode()
    case.refresh_from_db()
    assert case.step == "teliti"


@pytest.mark.django_db
def test_a_missing_item_uploaded_after_the_return_is_shown_as_given_until_resubmitted(
    returned_case, as_kelurahan
):
    from tests.workspace.conftest import pdf

    url = reverse("workspace:case", args=[returned_case.display_number])
    as_kelurahan.post(
        reverse("workspace:case_upload", args=[returned_case.display_number]),
        {"requirement": "kk", "version": returned_case.version, "file": pdf("kk.pdf")},
    )
    page = as_kelurahan.get(url).content.decode()
    assert "Sudah dilengkapi, belum diajukan kembali" in page
    assert "Diminta dilengkapi" not in page
    assert "kk.pdf" in page
