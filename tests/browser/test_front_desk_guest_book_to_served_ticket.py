"""The front desk in a browser: a visitor signs the guest book on the kiosk tablet and takes a
ticket, the TV in the waiting room calls it to a desk, the officer serves it and closes it."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from frontdesk.models import Ticket, TicketStatus
from frontdesk.services import kiosk_device_create
from standards.demo import load_demo
from standards.models import Agency
from tests.browser.conftest import PHONE, screenshot
from tests.frontdesk.conftest import login

TABLET = {"viewport": {"width": 768, "height": 1024}, "is_mobile": True, "has_touch": True}
TV = {"viewport": {"width": 1920, "height": 1080}}


def _sign_in(page: Page, username: str) -> None:
    page.goto("/kerja/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill("pelayan-demo")
    page.get_by_role("button", name="Masuk", exact=True).click()


def test_a_guest_book_entry_becomes_a_ticket_the_tv_calls_and_the_officer_serves(
    live_server, transactional_db, new_context
):
    load_demo(with_users=True)
    banten = Agency.objects.get(slug="perkim-banten")
    _device, code = kiosk_device_create(agency=banten, actor=login("perkim-banten.admin"), name="Tablet lobi",
                                        acts_as=login("perkim-banten.front-office"))  # fmt: skip

    tablet = new_context(**TABLET).new_page()
    tablet.goto(f"/tamu/kiosk/aktifkan/?kode={code}")
    tablet.get_by_role("button", name="Jadikan perangkat ini kiosk").click()
    expect(tablet.get_by_role("heading", name="Selamat datang — silakan isi buku tamu")).to_be_visible()
    tablet.get_by_label("Nama", exact=True).fill("Siti Aminah")
    tablet.get_by_role("textbox", name="Instansi/lembaga").fill("LSM Rumah Layak")
    tablet.get_by_label("A Konsultasi").check()
    tablet.get_by_label("Keperluan", exact=True).fill("Konsultasi program rumah layak huni")
    tablet.get_by_role("textbox", name="Kontak").fill("0812 3456 7890")
    for item in ("Menggunakan masker", "Menjaga jarak", "Suhu tubuh", "hand sanitizer"):
        tablet.get_by_label(re.compile(item)).check()
    screenshot(tablet, "frontdesk-kiosk-tablet", full_page=True)
    tablet.get_by_role("button", name="Ambil nomor antrean").click()
    expect(tablet.locator("#fd-ticket-number")).to_have_text("A-001")
    expect(tablet.get_by_text("Siti Aminah")).to_have_count(0)
    screenshot(tablet, "frontdesk-ticket-tablet")

    tv = new_context(**TV).new_page()
    tv.goto("/tamu/perkim-banten/layar/")
    expect(tv.get_by_text("Silakan menunggu nomor Anda dipanggil")).to_be_visible()
    expect(tv.get_by_text("1 nomor menunggu")).to_be_visible()

    desk = new_context(**PHONE).new_page()
    _sign_in(desk, "perkim-banten.front-office")
    desk.goto("/kerja/meja/")
    desk.get_by_label("Meja Anda").select_option(label="Meja 2 — Front office")
    desk.get_by_role("button", name="Pilih meja").click()
    desk.get_by_role("button", name="Panggil berikutnya").click()
    expect(desk.get_by_text("Nomor A-001 dipanggil ke Meja 2.")).to_be_visible()
    screenshot(desk, "frontdesk-desk-phone", full_page=True)

    # The TV picks the call up by itself (htmx polling), without a reload.
    expect(tv.locator(".fd-tv__now")).to_contain_text(
        re.compile(r"Nomor\s+A-001\s+ke\s+Meja 2"), timeout=10_000
    )
    expect(tv.get_by_text("Siti Aminah")).to_have_count(0)
    screenshot(tv, "frontdesk-call-screen-tv")

    desk.get_by_role("button", name="Layani").click()
    expect(desk.get_by_text("Nomor A-001 sedang dilayani.")).to_be_visible()
    desk.get_by_role("link", name=re.compile(r"^[0-9A-Z]{5}-[0-9A-Z]{5}$")).first.click()
    expect(desk.get_by_text("Siti Aminah").first).to_be_visible()
    desk.go_back()
    desk.reload()
    desk.get_by_role("button", name="Selesai").click()
    expect(desk.get_by_text("Nomor A-001 selesai.")).to_be_visible()

    ticket = Ticket.objects.get()
    assert ticket.status == TicketStatus.DONE
    assert ticket.case.applicant_name == "Siti Aminah"
    assert ticket.case.track == "hadir-langsung"
