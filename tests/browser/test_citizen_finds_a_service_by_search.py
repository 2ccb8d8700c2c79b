"""A citizen searches the home page for "keramaian", opens Kecamatan Kedopok's Surat Pengantar Izin
Keramaian and sees its 15-minute time limit, on a phone."""

from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot


def test_a_citizen_finds_the_kedopok_permit_by_search_and_sees_its_time_limit(demo_site, phone_page: Page):
    page = phone_page
    page.goto("/")
    page.get_by_label("Cari layanan").fill("keramaian")
    page.get_by_role("button", name="Cari").click()

    link = page.get_by_role("link", name="Surat Pengantar Izin Keramaian")
    expect(link).to_have_count(1)
    link.click()

    expect(page).to_have_url(f"{demo_site}/kec-kedopok/surat-pengantar-izin-keramaian/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Surat Pengantar Izin Keramaian")
    assert screenshot(page, "kedopok-izin-keramaian-phone").stat().st_size > 0
    # the summary at the top of the page says how long it takes
    limit = page.locator("#ringkasan-waktu").get_by_text("paling lama 15 menit")
    expect(limit).to_be_visible()
    assert screenshot(page, "kedopok-izin-keramaian-phone-time-limit").stat().st_size > 0
