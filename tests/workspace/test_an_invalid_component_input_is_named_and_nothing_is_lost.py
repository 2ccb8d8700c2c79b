"""A component form with a bad value is not saved: the answer names the field, under the field and in
the summary, and the page shown without JavaScript keeps every value typed, valid or not."""

from __future__ import annotations

import re

import pytest

from tests.workspace.conftest import signed_in
from tests.workspace.editor_helpers import autosave, form_data, stored, url

# component, field changed, bad value, the field's label the message names, the expected message
CASES = [
    ("requirements", "requirements-0-key", "Fotokopi KTP", "Kode", "Hanya huruf kecil"),
    ("requirements", "requirements-1-copies", "-2", "Jumlah lembar", "lebih besar dari atau sama dengan 0"),
    ("procedure", "tracks-0-key", "Alur Daring", "Kode alur", "Hanya huruf kecil"),
    ("procedure", "transitions-0-target", "", "Menuju", "Bidang ini tidak boleh kosong"),
    (
        "time_limits",
        "time_limits-0-max_value",
        "lima belas",
        "Paling lama",
        "Masukkan keseluruhan angka bilangan",
    ),
    ("fee", "fee-amount", "-5000", "Besar biaya", "lebih besar dari atau sama dengan 0"),
    ("products", "products-0-text", "", "Isi", "Bidang ini tidak boleh kosong"),
    ("complaint_handling", "tiers-0-label", "", "Tingkat", "Bidang ini tidak boleh kosong"),
    ("legal_basis", "legal_basis-0-year", "1800", "Tahun", "lebih besar dari atau sama dengan 1900"),
    ("facilities", "facilities-1-text", "", "Isi", "Bidang ini tidak boleh kosong"),
    ("competence", "competence-0-text", "", "Kompetensi", "Bidang ini tidak boleh kosong"),
    ("internal_supervision", "internal_supervision-0-text", "", "Isi", "Bidang ini tidak boleh kosong"),
    ("staff_count", "roles-0-count", "dua", "Jumlah orang", "Masukkan keseluruhan angka bilangan"),
    ("service_guarantee", "service_guarantee-0-text", "", "Isi", "Bidang ini tidak boleh kosong"),
    ("security_guarantee", "security_guarantee-0-text", "", "Isi", "Bidang ini tidak boleh kosong"),
    ("performance_evaluation", "performance_evaluation-0-frequency_times", "0", "Berapa kali", "lebih besar"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("component", "name", "bad", "label", "message"), CASES)
def test_a_bad_value_is_refused_under_its_field(component, name, bad, label, message, draft, agency_admin):
    client = signed_in(agency_admin)
    before = stored(draft, component)
    data = form_data(draft, component)
    data[name] = bad
    response = autosave(client, draft, component, data)
    html = response.content.decode()
    assert "Belum tersimpan" in html
    slot = re.search(
        rf'<p class="ws-field__error" id="err-id_{re.escape(name)}" hx-swap-oob="true">([^<]*)</p>', html
    )
    assert slot is not None, html
    assert message in slot.group(1)
    assert f"— {label}" in html  # the summary names the item and the field
    assert stored(draft, component) == before


@pytest.mark.django_db
def test_without_javascript_the_invalid_form_comes_back_with_every_value(draft, agency_admin):
    client = signed_in(agency_admin)
    data = form_data(draft, "requirements")
    data["requirements-0-key"] = "Kode Salah"
    data["requirements-1-text"] = "Fotokopi KTP-el yang masih berlaku"
    response = client.post(url(draft, "requirements"), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="Kode Salah"' in html
    assert "Fotokopi KTP-el yang masih berlaku" in html
    assert "Hanya huruf kecil" in html
    assert stored(draft, "requirements")[1]["text"] == "Fotokopi KTP-el"


@pytest.mark.django_db
def test_a_transition_from_a_step_that_is_renamed_in_the_same_save_is_named(draft, agency_admin):
    client = signed_in(agency_admin)
    data = form_data(draft, "procedure")
    data["steps-0-id"] = "ajukan-berkas"  # the transition rows still leave "submit"
    response = autosave(client, draft, "procedure", data)
    html = response.content.decode()
    assert "Belum tersimpan" in html
    assert "Dari langkah" in html
    assert stored(draft, "procedure")["steps"][0]["id"] == "submit"
