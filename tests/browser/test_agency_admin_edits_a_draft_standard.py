"""An agency admin edits a draft standard in the structured editor, in a real browser: adds a
requirement and sees the finding about its missing code come and go as the form saves itself;
adds a step and a transition out of it, sees the procedure's findings and flow diagram follow;
then goes on to the review screen (where publishing continues)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot

SAVED = re.compile(r"Tersimpan \d\d:\d\d WIB")


@pytest.fixture
def editor_site(transactional_db, live_server, draft, agency_admin):
    return draft


def _sign_in(page: Page) -> None:
    page.goto("/kerja/masuk/")
    page.get_by_label("Nama pengguna").fill("admin-contoh")
    page.get_by_label("Kata sandi").fill("rahasia-contoh-123")
    page.get_by_role("button", name="Masuk", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kotak masuk")


def _findings(page: Page):
    return page.locator("#findings")


def test_agency_admin_edits_requirements_and_procedure_then_reviews(editor_site, page: Page):
    draft = editor_site
    _sign_in(page)
    page.get_by_role("link", name="Standar", exact=True).click()
    page.get_by_role("link", name="Ubah draf versi 1").click()
    page.get_by_role("link", name="Persyaratan", exact=True).click()
    expect(page.locator("#save-status")).to_have_text(SAVED)
    expect(_findings(page)).to_contain_text("Tidak ada temuan untuk komponen ini.")

    # A requirement without its code: saved, and the check asks for the code.
    page.get_by_role("button", name="Tambah persyaratan").click()
    row = page.locator("#item-requirements-2")
    row.get_by_label("Persyaratan").fill("Surat pernyataan tidak keberatan tetangga")
    row.get_by_label("Jenis").select_option("document")
    expect(_findings(page)).to_contain_text("Setiap persyaratan perlu kode (key)")
    expect(page.locator("#component-nav")).to_contain_text("1 galat")
    # A code that is not a code is refused under its field; the text typed stays.
    row.get_by_label("Kode").fill("Surat Pernyataan")
    row.get_by_label("Kode").blur()
    expect(row.locator("#err-id_requirements-2-key")).to_contain_text("Hanya huruf kecil")
    expect(page.locator("#save-status")).to_contain_text("Belum tersimpan")
    expect(row.get_by_label("Persyaratan")).to_have_value("Surat pernyataan tidak keberatan tetangga")
    row.get_by_label("Kode").fill("pernyataan-tetangga")
    row.get_by_label("Kode").blur()
    expect(page.locator("#save-status")).to_have_text(SAVED)
    expect(_findings(page)).to_contain_text("Tidak ada temuan untuk komponen ini.")

    # A new step, then a transition out of it to the end; the step is reached from signing.
    page.locator("#component-nav").get_by_role("link", name="Sistem, mekanisme, dan prosedur").click()
    expect(page.locator("#flow-diagram svg")).to_be_visible()
    page.get_by_role("button", name="Tambah langkah").click()
    step = page.locator("#item-steps-3")
    step.get_by_label("Kode langkah").fill("arsip")
    step.get_by_label("Uraian langkah").fill("Operator Kecamatan mengarsipkan surat")
    step.get_by_label("Pelaksana (sesuai keputusan)").fill("Operator Kecamatan")
    step.get_by_label("Dikerjakan oleh").select_option("staff")
    step.get_by_label("Peran petugas").select_option("operator-kecamatan")
    expect(_findings(page)).to_contain_text("Langkah 4 tidak punya kelanjutan")
    page.get_by_role("button", name="Tambah kelanjutan").click()
    transition = page.locator("#component-form .ed-item").filter(has=page.get_by_label("Dari langkah")).last
    transition.get_by_label("Dari langkah").select_option("arsip")
    transition.get_by_label("Kode kelanjutan").fill("arsipkan")
    transition.get_by_label("Menuju").select_option("end:completed")
    expect(_findings(page)).to_contain_text("Langkah 4 tidak dapat dicapai")
    signing = page.locator("#component-form .ed-item").filter(has=page.locator("input[value='tandatangani']"))
    signing.get_by_label("Menuju").select_option("arsip")
    expect(_findings(page)).not_to_contain_text("Langkah 4")
    expect(page.locator("#flow-diagram")).to_contain_text("mengarsipkan")
    expect(page.locator("#save-status")).to_have_text(SAVED)
    screenshot(page, "standard-editor-procedure", full_page=True)

    draft.refresh_from_db()
    assert draft.components["requirements"][2]["key"] == "pernyataan-tetangga"
    assert draft.components["procedure"]["steps"][3]["transitions"][0]["end"] == "completed"

    # On to the review screen; the publishing part of the journey continues there.
    with page.expect_response(re.compile(rf"/kerja/standar/{draft.pk}/tinjau/$")) as review:
        page.get_by_role("link", name="Tinjau & terbitkan").first.click()
    assert review.value.status == 200
    expect(page).to_have_url(re.compile(rf"/kerja/standar/{draft.pk}/tinjau/$"))

    # The review shows what changed against the version in force, then publishes with the decree.
    expect(page.locator("#diff-requirements")).to_contain_text("Surat pernyataan tidak keberatan tetangga")
    expect(page.locator("#diff-procedure")).to_contain_text("mengarsipkan")
    page.get_by_label("Nomor keputusan").fill("470/21/KEC/2026")
    page.get_by_label("Mulai berlaku").fill("2026-12-01")
    page.get_by_role("button", name="Terbitkan standar").click()
    expect(page.get_by_text("mulai berlaku 01-12-2026")).to_be_visible()
    screenshot(page, "standard-editor-published", full_page=True)
    draft.refresh_from_db()
    assert draft.status == "published"
    assert draft.decree_number == "470/21/KEC/2026"
