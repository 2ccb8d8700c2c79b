"""The compliance findings of a component are shown next to it and change with each save."""

from __future__ import annotations

import re

import pytest

from tests.workspace.conftest import signed_in
from tests.workspace.editor_helpers import autosave, form_data, url


def findings_of(html: str) -> str:
    match = re.search(r'<section id="findings".*?</section>', html, re.S)
    assert match is not None
    return match.group(0)


@pytest.mark.django_db
def test_a_fee_without_an_amount_is_found_and_the_finding_goes_once_it_is_given(draft, agency_admin):
    client = signed_in(agency_admin)
    assert "Tidak ada temuan untuk komponen ini." in findings_of(
        client.get(url(draft, "fee")).content.decode()
    )
    data = form_data(draft, "fee")
    data["fee-amount"] = ""
    data["fee-text"] = "Sesuai Perda"
    html = autosave(client, draft, "fee", data).content.decode()
    assert "Tersimpan" in html
    assert "Besar biaya &#x27;Sesuai Perda&#x27; belum diisi dalam rupiah (0 bila gratis)." in findings_of(
        html
    )
    # The component list counts it too.
    assert re.search(r"Biaya/tarif</a>\s*<span class=\"ws-badge ws-badge--breached\">1 galat", html)
    data["fee-amount"] = "10000"
    html = autosave(client, draft, "fee", data).content.decode()
    findings = findings_of(html)
    assert "belum diisi dalam rupiah" not in findings
    assert "Biaya berbayar tanpa dasar hukum tarif." in findings
    data["fee-legal_basis"] = "Perda Kota Contoh Nomor 3 Tahun 2021"
    html = autosave(client, draft, "fee", data).content.decode()
    assert "Tidak ada temuan untuk komponen ini." in findings_of(html)


@pytest.mark.django_db
def test_a_finding_about_one_step_is_shown_beside_that_step(draft, agency_admin):
    client = signed_in(agency_admin)
    data = form_data(draft, "procedure")
    data["steps-1-role"] = ""
    html = autosave(client, draft, "procedure", data).content.decode()
    slot = re.search(
        r'<ul class="ed-item-findings" id="fi-steps-1" hx-swap-oob="true">(.*?)</ul>', html, re.S
    )
    assert slot is not None
    assert "Langkah 2 dikerjakan petugas tetapi belum menyebut perannya." in slot.group(1)
    assert '<a href="#item-steps-1">' in findings_of(html)
    page = client.get(url(draft, "procedure")).content.decode()
    assert re.search(r'id="fi-steps-1"><li[^>]*>Langkah 2 dikerjakan petugas', page)


@pytest.mark.django_db
def test_an_evaluation_without_frequency_is_a_warning_until_one_is_chosen(draft, agency_admin):
    client = signed_in(agency_admin)
    data = form_data(draft, "performance_evaluation")
    data["performance_evaluation-0-frequency_per"] = ""
    data["performance_evaluation-0-frequency_times"] = ""
    html = autosave(client, draft, "performance_evaluation", data).content.decode()
    assert "tidak menyebut frekuensi" in findings_of(html)
    data["performance_evaluation-0-frequency_per"] = "semester"
    html = autosave(client, draft, "performance_evaluation", data).content.decode()
    assert "tidak menyebut frekuensi" not in findings_of(html)
    draft.refresh_from_db()
    assert draft.components["performance_evaluation"][0]["frequency"] == {
        "times": 1,
        "per": "semester",
        "minimum": False,
    }
