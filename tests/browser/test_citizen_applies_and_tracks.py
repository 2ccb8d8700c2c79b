"""A citizen sends Bangli's online complaint from a phone, keeps the number and PIN it shows
once, and tracks the complaint from another browser with them."""

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


def test_a_citizen_applies_online_to_bangli_and_tracks_it(demo_site, phone_page: Page, new_context):
    page = phone_page
    page.goto("/dpmptsp-bangli/pengaduan-masyarakat/")
    page.get_by_role("link", name="Ajukan permohonan").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Ajukan permohonan")
    page.get_by_label("Nama lengkap").fill("Ni Luh Putu Sari")
    page.get_by_label("Nomor telepon/WhatsApp").fill("0812 3456 7890")
    page.get_by_label("E-mail").fill("sari@example.com")
    page.get_by_role("textbox", name="Alamat").fill("Jl. Merdeka 7, Bangli")
    page.get_by_label("KTP/Pengenal lainnya").set_input_files(_pdf("ktp.pdf"))
    page.get_by_label("Alamat Pelapor").set_input_files(_pdf("alamat.pdf"))
    page.get_by_label("Bukti dukung aduan").set_input_files(_pdf("bukti.pdf"))
    screenshot(page, "citizen-apply-phone", full_page=True)
    page.get_by_role("button", name="Kirim permohonan").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Permohonan terkirim")
    expect(page.get_by_text("Simpan nomor dan PIN ini.")).to_be_visible()
    number = page.locator("#receipt-number").inner_text().strip()
    pin = page.locator("#receipt-pin").inner_text().strip()
    assert re.fullmatch(r"[0-9A-Z]{5}-[0-9A-Z]{5}", number)
    assert re.fullmatch(r"\d{6}", pin)
    assert pin not in page.url
    screenshot(page, "citizen-receipt-phone")

    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nomor dan PIN sudah ditampilkan")
    assert pin not in page.content()

    other = new_context(**PHONE).new_page()  # another browser: only the number and PIN carry over
    other.goto("/")
    other.get_by_role("link", name="Lacak permohonan").click()
    other.get_by_label("Nomor registrasi").fill(number)
    other.get_by_label("PIN").fill(pin)
    other.get_by_role("button", name="Lacak").click()

    expect(other.get_by_role("heading", level=1)).to_have_text("Status permohonan")
    expect(other.get_by_text("Dalam proses")).to_be_visible()
    expect(other.get_by_text("Ditangani oleh: Operator IT")).to_be_visible()
    expect(other.get_by_text(number)).to_be_visible()
    assert "Ni Luh Putu Sari" not in other.content()
    assert "WITA" in other.content()
    screenshot(other, "citizen-tracking-phone", full_page=True)
