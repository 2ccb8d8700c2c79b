"""The Kedopok journey in the staff workspace, in a real browser on phones: the kelurahan
operator enters the case with the KK missing, the kecamatan operator returns it ticking the KK,
the kelurahan operator uploads it and resubmits; then forward, sign, back and archive. The
timeline lists every step."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import PHONE, screenshot

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _pdf(name: str) -> dict:
    return {"name": name, "mimeType": "application/pdf", "buffer": PDF}


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def demo_logins(demo_site, demo_ca):
    from documents.services import demo_signers_ensure
    from standards.demo import DEMO_PASSWORD, load_demo

    load_demo(with_users=True)
    demo_signers_ensure()  # as `make seed` does: the camat signs without a passphrase
    return DEMO_PASSWORD


def _signed_in(new_context, username: str, password: str) -> Page:
    page = new_context(**PHONE).new_page()
    page.goto("/kerja/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Masuk ruang kerja petugas")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kotak masuk")
    return page


def _open(page: Page, number: str) -> None:
    page.get_by_label("Nomor registrasi").fill(number.lower().replace("-", " "))
    page.get_by_role("button", name="Cari").click()
    expect(page.locator("h1 .ws-number")).to_have_text(number)


def _act(page: Page, label: str) -> None:
    page.get_by_role("button", name=label).click()
    expect(page.get_by_text("Tindakan dicatat.")).to_be_visible()


def test_kedopok_case_goes_from_kelurahan_to_archive_in_the_workspace(demo_logins, new_context):
    kelurahan = _signed_in(new_context, "kec-kedopok.kedopok.operator-kelurahan", demo_logins)
    kelurahan.get_by_role("link", name="Permohonan baru: Surat Pengantar Izin Keramaian").click()
    kelurahan.get_by_label("Nama pemohon").fill("Karang Taruna RW 03")
    kelurahan.get_by_label("Telepon/WhatsApp").fill("0812 3456 7890")
    kelurahan.get_by_label("Formulir Surat Pengantar Izin Keramaian").set_input_files(_pdf("formulir.pdf"))
    kelurahan.get_by_label("Fotocopy KTP-el 1 Lembar").set_input_files(_pdf("ktp.pdf"))
    screenshot(kelurahan, "workspace-new-case-phone", full_page=True)
    kelurahan.get_by_role("button", name="Catat permohonan").click()
    expect(kelurahan.get_by_role("heading", level=1)).to_have_text("Permohonan dicatat")
    number = kelurahan.locator(".ws-number--big").first.inner_text().strip()
    assert re.fullmatch(r"[0-9A-Z]{5}-[0-9A-Z]{5}", number)
    assert re.fullmatch(r"\d{6}", kelurahan.locator(".ws-number--big").nth(1).inner_text().strip())
    screenshot(kelurahan, "workspace-receipt-phone")

    kecamatan = _signed_in(new_context, "kec-kedopok.operator-kecamatan", demo_logins)
    expect(kecamatan.get_by_role("link", name=number)).to_be_visible()
    _open(kecamatan, number)
    returning = kecamatan.locator("form.ws-action--return")
    returning.get_by_label("Fotocopy KK 1 Lembar").check()
    returning.get_by_label("Catatan untuk yang melengkapi").fill("Fotokopi KK belum dilampirkan")
    _act(kecamatan, "Kembalikan ke Kelurahan untuk dilengkapi")

    kelurahan.goto("/kerja/")
    kelurahan.get_by_role("link", name=number).click()
    missing = kelurahan.locator(".ws-missing")
    expect(missing).to_contain_text("Fotocopy KK 1 Lembar")
    expect(missing).to_contain_text("Fotokopi KK belum dilampirkan")
    screenshot(kelurahan, "workspace-returned-phone", full_page=True)
    kelurahan.get_by_label("Berkas untuk Fotocopy KK 1 Lembar").set_input_files(_pdf("kk.pdf"))
    kelurahan.get_by_role("button", name=re.compile(r"^Unggah\W+Fotocopy KK 1 Lembar$")).click()
    expect(kelurahan.get_by_text("Berkas diunggah.")).to_be_visible()
    _act(kelurahan, "Ajukan ke Kecamatan")

    _open(kecamatan, number)
    _act(kecamatan, "Berkas lengkap, proses")
    _act(kecamatan, "Ajukan kepada Camat")

    camat = _signed_in(new_context, "kec-kedopok.camat", demo_logins)
    camat.get_by_role("link", name=number).click()
    _act(camat, "Tandatangani secara digital")
    _act(camat, "Kembalikan kepada Operator Kecamatan")

    _open(kecamatan, number)
    _act(kecamatan, "Kirim kepada Operator Kelurahan")
    expect(kecamatan.locator(".ws-status")).to_have_text("Selesai")
    timeline = kecamatan.locator(".ws-timeline")
    for words in (
        "Diajukan",
        "Dikembalikan untuk dilengkapi",
        "Berkas diunggah untuk: Fotocopy KK 1 Lembar",
        "Diajukan kembali: Ajukan ke Kecamatan",
        "Berkas lengkap, proses",
        "Ajukan kepada Camat",
        "Tandatangani secara digital",
        "Kembalikan kepada Operator Kecamatan",
        "Kirim kepada Operator Kelurahan",
        "Arsipkan",
        "Permohonan berakhir: Selesai",
    ):
        expect(timeline).to_contain_text(words)
    expect(kecamatan.locator("form.ws-action")).to_have_count(0)
    path = screenshot(kecamatan, "workspace-kedopok-completed-phone", full_page=True)
    assert kecamatan.viewport_size["width"] == 390 and path.exists()
