"""The search box takes the number as people type it: lower case, spaces, no hyphen."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.workspace.conftest import kedopok_case


@pytest.mark.django_db
@pytest.mark.parametrize("typing", ["as shown", "lower case", "spaces", "no hyphen"])
def test_search_opens_the_case_whatever_the_typing(typing, kedopok_service, kelurahan_operator, as_kecamatan):
    case = kedopok_case(kedopok_service, kelurahan_operator)
    shown = case.display_number
    typed = {
        "as shown": shown,
        "lower case": shown.lower(),
        "spaces": f"  {shown[:3]} {shown[3:5]} - {shown[6:]} ",
        "no hyphen": case.number,
    }[typing]
    response = as_kecamatan.get(reverse("workspace:search"), {"nomor": typed})
    assert response.status_code == 302
    assert response["Location"] == reverse("workspace:case", args=[shown])


@pytest.mark.django_db
def test_an_unknown_number_is_not_found(demo, as_kecamatan):
    response = as_kecamatan.get(reverse("workspace:search"), {"nomor": "00000-00000"})
    assert response.status_code == 404
    assert "Permohonan tidak ditemukan" in response.content.decode()
