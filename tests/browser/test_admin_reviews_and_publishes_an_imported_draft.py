"""An agency admin opens an imported draft in the workspace, sees what changed against the version
in force, is told the effective date is missing, enters it and publishes; the public page then shows
the decree's effective date."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot


@pytest.fixture
def imported_draft(demo_site):
    from standards.demo import DEMO_PASSWORD, load_demo
    from standards.models import Service, StandardOrigin, StandardStatus
    from standards.services import standard_draft_create

    load_demo(with_users=True)
    service = Service.objects.get(agency__slug="kec-kedopok", slug="surat-pengantar-izin-keramaian")
    in_force = service.standards.get(status=StandardStatus.PUBLISHED)
    components = dict(in_force.components)
    components["facilities"] = [*components["facilities"], "Ruang laktasi"]
    standard_draft_create(
        service=service,
        actor=None,
        components=components,
        decree_number="",
        origin=StandardOrigin.IMPORT,
    )
    return DEMO_PASSWORD


def test_the_admin_reviews_the_diff_and_publishes_with_the_decree(imported_draft, page: Page):
    page.goto("/kerja/")
    page.get_by_label("Nama pengguna").fill("kec-kedopok.admin")
    page.get_by_label("Kata sandi").fill(imported_draft)
    page.get_by_role("button", name="Masuk", exact=True).click()
    page.goto("/kerja/standar/draf/")
    page.get_by_role("link", name="Surat Pengantar Izin Keramaian").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Tinjau standar: Surat Pengantar Izin Keramaian"
    )
    expect(page.get_by_text("Ruang laktasi")).to_be_visible()
    page.get_by_label("Nomor keputusan").fill("470/15/KEC/2026")
    page.get_by_role("button", name="Terbitkan standar").click()
    expect(page.get_by_text("Tanggal mulai berlaku wajib diisi")).to_be_visible()
    page.get_by_label("Mulai berlaku").fill("2026-03-01")
    page.get_by_role("button", name="Terbitkan standar").click()
    expect(page.get_by_text("diterbitkan; mulai berlaku 01-03-2026")).to_be_visible()
    screenshot(page, "standard-review-published", full_page=True)
    page.goto("/kec-kedopok/surat-pengantar-izin-keramaian/")
    expect(page.locator("dd", has_text="1 Maret 2026")).to_be_visible()
