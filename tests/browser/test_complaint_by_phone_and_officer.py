"""A Kedopok citizen sends a complaint from a phone and gets number and PIN, on the page and by
e-mail; the complaint officer finds it under Pengaduan, records it in the Buku Pengaduan and adds
an internal note; a Bangli officer logs a box opening."""

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from tests.browser.conftest import PHONE, screenshot


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def demo_logins(demo_site):
    from standards.demo import DEMO_PASSWORD, load_demo

    load_demo(with_users=True)
    return DEMO_PASSWORD


def _signed_in(new_context, username: str, password: str) -> Page:
    page = new_context(**PHONE).new_page()
    page.goto("/kerja/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kotak masuk")
    return page


def test_a_citizen_complains_from_a_phone_and_the_officer_records_it(demo_logins, new_context):
    citizen = new_context(**PHONE).new_page()
    citizen.goto("/pengaduan/kec-kedopok/")
    citizen.get_by_label("Isi pengaduan, saran, atau masukan").fill("Lampu jalan RT 02 mati.")
    citizen.get_by_role("button", name="Kirim pengaduan").click()
    expect(citizen.get_by_text("Standar pelayanan meminta isian ini.").first).to_be_visible()
    citizen.get_by_label("Nama *").fill("Bu Sumarni")
    citizen.get_by_label("Pekerjaan *").fill("Pedagang")
    citizen.get_by_label("Alamat *").fill("RT 02 RW 01 Kedopok")
    citizen.get_by_label("E-mail *").fill("sumarni@example.id")
    citizen.get_by_role("button", name="Kirim pengaduan").click()
    expect(citizen.get_by_role("heading", level=1)).to_have_text("Pengaduan terkirim")
    number = citizen.locator("#receipt-number").inner_text()
    pin = citizen.locator("#receipt-pin").inner_text()
    assert len(pin) == 6
    # The same receipt reaches the e-mail she gave, and the page says so.
    expect(citizen.locator("#receipt-sent-to")).to_contain_text("sumarni@example.id")
    [receipt] = [m for m in mail.outbox if number in m.subject]
    assert receipt.to == ["sumarni@example.id"] and f"PIN: {pin}" in receipt.body
    screenshot(citizen, "complaint-receipt-phone", full_page=True)
    width = citizen.evaluate("document.documentElement.scrollWidth")
    assert width <= 390

    citizen.goto("/lacak/permohonan/")
    expect(citizen.get_by_role("heading", name="Pengaduan · Pengaduan")).to_be_visible()

    officer = _signed_in(new_context, "kec-kedopok.petugas-pengaduan", demo_logins)
    officer.get_by_role("link", name="Pengaduan", exact=True).click()
    officer.get_by_role("link", name=number).click()
    expect(officer.locator("#complaint-content")).to_have_text("Lampu jalan RT 02 mati.")
    officer.get_by_role("textbox", name="Catatan internal").fill(
        "Sudah dikoordinasikan lisan dengan Trantib."
    )
    officer.get_by_role("button", name="Tambah catatan").click()
    expect(officer.get_by_text("Sudah dikoordinasikan lisan dengan Trantib.")).to_be_visible()
    officer.get_by_role("button", name="Catat di Buku Pengaduan dan laporkan").click()
    expect(officer.get_by_text("Tindakan dicatat.")).to_be_visible()
    screenshot(officer, "complaint-officer-phone", full_page=True)

    officer.goto("/kerja/pengaduan/")
    officer.get_by_role("link", name="Buku Pengaduan").click()
    expect(officer.get_by_role("cell", name="Bu Sumarni")).to_be_visible()
    screenshot(officer, "complaint-register", full_page=True)


def test_a_bangli_officer_logs_a_box_opening(demo_logins, new_context):
    officer = _signed_in(new_context, "dpmptsp-bangli.petugas-pengaduan", demo_logins)
    officer.goto("/kerja/pengaduan/kotak/dpmptsp-bangli/")
    officer.get_by_label("Jumlah lembar di dalam kotak").fill("3")
    officer.get_by_role("button", name="Catat pembukaan kotak").click()
    expect(officer.get_by_text("Pembukaan kotak dicatat.", exact=False)).to_be_visible()
    expect(officer.get_by_role("cell", name="3", exact=True)).to_be_visible()
    # Each slip becomes a complaint with a receipt to print, as a walk-in's does.
    officer.get_by_role("link", name="Catat lembar sebagai pengaduan").click()
    officer.get_by_label("Sarana").select_option(label="Kotak pengaduan")
    officer.get_by_label("Isi pengaduan, saran, atau masukan").fill("Ruang tunggu panas, mohon kipas angin.")
    officer.get_by_label("Alamat", exact=True).fill("Banjar Kawan, Bangli")
    officer.get_by_role("button", name="Catat di Buku Pengaduan").click()
    expect(officer.get_by_role("heading", level=1)).to_have_text("Tanda terima pengaduan")
    expect(officer.locator("#receipt-pin")).to_have_text(re.compile(r"^\d{6}$"))
    expect(officer.locator("#receipt-register")).to_have_text(re.compile(r"^\d+/\d{4}$"))
    screenshot(officer, "complaint-staff-receipt", full_page=True)
    officer.reload()
    expect(officer.locator("#receipt-pin")).to_have_count(0)
