"""Kalbar: the information desk forwards a visitor to one of three bagian, chosen on the form;
only that bagian's staff then have it in their inbox."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cases.models import Case
from tests.workspace.conftest import login, signed_in


@pytest.mark.django_db
def test_the_information_desk_chooses_the_bagian_and_only_its_staff_see_the_case(demo):
    desk = signed_in(login("kesra-kalbar.petugas-informasi"))
    created = desk.post(
        reverse("workspace:case_new", args=["kesra-kalbar", "pelayanan-konsultasi"]),
        {"track": "langsung", "channel": "in_person", "name": "Yayasan Al-Ikhlas", "institution": "Yayasan"},
    )
    assert created.status_code == 200, created.content.decode()[:3000]
    case = Case.objects.get()
    assert case.step == "terima-informasi"

    page = desk.get(reverse("workspace:case", args=[case.display_number])).content.decode()
    assert 'name="unit"' in page
    for name in ("Bagian Bina Mental Spiritual", "Bagian Pelayanan Dasar", "Bagian Pelayanan Non Dasar"):
        assert name in page

    without_unit = desk.post(
        reverse("workspace:case_action", args=[case.display_number]),
        {"action": "teruskan", "version": case.version},
    )
    assert without_unit.status_code == 400
    assert "Pilih unit" in without_unit.content.decode()

    forwarded = desk.post(
        reverse("workspace:case_action", args=[case.display_number]),
        {"action": "teruskan", "version": case.version, "unit": "pelayanan-dasar"},
    )
    assert forwarded.status_code == 302
    case.refresh_from_db()
    assert case.unit.slug == "pelayanan-dasar"

    chosen = signed_in(login("kesra-kalbar.pelayanan-dasar.staf"))
    other = signed_in(login("kesra-kalbar.bina-mental-spiritual.staf"))
    assert case.display_number in chosen.get(reverse("workspace:inbox")).content.decode()
    assert case.display_number not in other.get(reverse("workspace:inbox")).content.decode()
    assert other.get(reverse("workspace:case", args=[case.display_number])).status_code == 404
