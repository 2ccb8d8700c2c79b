"""Two posts made from the same page: the first is taken, the second shows the conflict."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.workspace.conftest import kedopok_case


@pytest.mark.django_db
def test_the_second_post_on_a_version_shows_the_conflict_and_the_fresh_case(
    kedopok_service, kelurahan_operator, as_kecamatan
):
    case = kedopok_case(kedopok_service, kelurahan_operator)
    url = reverse("workspace:case_action", args=[case.display_number])
    form = {"action": "lengkap", "version": case.version}

    first = as_kecamatan.post(url, form)
    second = as_kecamatan.post(url, form)

    assert first.status_code == 302
    assert second.status_code == 409
    page = second.content.decode()
    assert "sudah berubah" in page
    case.refresh_from_db()
    assert case.step == "ajukan-camat"
    # The fresh page: the step the case is at now, and its version in the forms.
    assert "Ajukan kepada Camat" in page
    assert f'name="version" value="{case.version}"' in page


@pytest.mark.django_db
def test_a_stale_upload_is_refused_with_the_conflict(kedopok_service, kelurahan_operator, as_kecamatan):
    from tests.workspace.conftest import pdf

    case = kedopok_case(kedopok_service, kelurahan_operator)
    response = as_kecamatan.post(
        reverse("workspace:case_upload", args=[case.display_number]),
        {"requirement": "kk", "version": case.version - 1, "file": pdf("kk.pdf")},
    )
    assert response.status_code == 409
    assert not case.files.filter(requirement="kk").exists()
