"""A consultation in a browser: the citizen sends the request from Banten's service page, the front
office records it, the leadership disposes it to the officer, the officer accepts it in the aula
at an offered slot, and the citizen confirms the slot on the tracking page."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from consultations.models import BookingStatus, ConsultationRequest
from standards.demo import load_demo
from tests.browser.conftest import screenshot

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _sign_in(page: Page, username: str) -> None:
    page.goto("/kerja/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill("pelayan-demo")
    page.get_by_role("button", name="Masuk", exact=True).click()


def test_request_disposition_acceptance_and_confirmation(
    live_server, transactional_db, new_context, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    load_demo(with_users=True)

    citizen = new_context().new_page()
    citizen.goto("/perkim-banten/konsultasi/")
    citizen.get_by_role("link", name="Kirim surat permohonan konsultasi").click()
    citizen.get_by_label("Jenis pemohon").select_option(label="Lembaga swadaya masyarakat")
    citizen.get_by_label("Nama pemohon atau lembaga").fill("Rina Wulandari")
    citizen.get_by_label("Alamat e-mail").fill("rina@example.org")
    citizen.get_by_label("Materi konsultasi").fill("Program bedah rumah 2027")
    citizen.get_by_label("Maksud dan tujuan").fill("Menyiapkan usulan warga binaan")
    citizen.get_by_label("Foto kopi KTP/paspor/kartu identitas lainnya").set_input_files(
        {"name": "ktp.png", "mimeType": "image/png", "buffer": PNG}
    )
    citizen.get_by_role("button", name="Kirim permohonan").click()
    expect(citizen.get_by_role("heading", name="Permohonan konsultasi terkirim")).to_be_visible()
    number = citizen.locator(".tracking dd.code").nth(0).inner_text()
    pin = citizen.locator(".tracking dd.code").nth(1).inner_text()
    screenshot(citizen, "consultation-request-sent")

    front = new_context().new_page()
    _sign_in(front, "perkim-banten.front-office")
    front.goto("/kerja/konsultasi/")
    front.get_by_role("link", name=number).click()
    front.get_by_role("button", name="Catat surat diterima").click()
    expect(front.get_by_text("Surat dicatat diterima")).to_be_visible()

    lead = new_context().new_page()
    _sign_in(lead, "perkim-banten.pimpinan")
    lead.goto("/kerja/konsultasi/")
    lead.get_by_role("link", name=number).click()
    lead.get_by_label("Petugas").select_option(index=1)
    lead.get_by_label("Instruksi").fill("Mohon dilayani")
    lead.get_by_role("button", name="Disposisikan").click()
    expect(lead.get_by_text("Disposisi tercatat.")).to_be_visible()

    officer = new_context().new_page()
    _sign_in(officer, "perkim-banten.petugas-konsultasi")
    officer.goto("/kerja/konsultasi/")
    officer.get_by_role("link", name=number).click()
    officer.get_by_label("Setujui").check()
    officer.get_by_label("Cara konsultasi").select_option(label="Tatap muka langsung")
    officer.get_by_label("Ruang", exact=True).select_option(label="Aula")
    officer.get_by_label("Jadwal", exact=True).select_option(index=1)
    officer.get_by_label("Narahubung (nama dan telepon)").fill("Andi, 0812 1111 2222")
    screenshot(officer, "consultation-decision", full_page=True)
    officer.get_by_role("button", name="Simpan keputusan dan kirim surat jawaban").click()
    expect(officer.get_by_text("Keputusan tercatat dan surat jawaban dikirim.")).to_be_visible()

    citizen.goto("/lacak/")
    citizen.get_by_label("Nomor registrasi").fill(number)
    citizen.get_by_label("PIN").fill(pin)
    citizen.get_by_role("button", name=re.compile("Lacak")).click()
    expect(citizen.get_by_text("Aula")).to_be_visible()
    citizen.get_by_role("button", name="Konfirmasi jadwal ini").click()
    expect(citizen.get_by_text("jadwal konsultasi Anda terkonfirmasi")).to_be_visible()
    screenshot(citizen, "consultation-confirmed", full_page=True)
    booking = ConsultationRequest.objects.get().bookings.get()
    assert booking.status == BookingStatus.CONFIRMED
