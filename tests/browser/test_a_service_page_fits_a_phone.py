"""On a phone, a service page opens on what a visitor needs: the fee and the time limit are on the
first screen, without scrolling; on a wide screen the full standard table is open."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import PHONE, screenshot
from tests.public.test_demo_service_pages import DEMO_FACTS

PAGES = sorted(DEMO_FACTS)
MAX_SCREENS = 5  # was up to 18 with every component open


def within_first_screen(page: Page, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    assert box is not None, selector  # rendered and visible
    viewport = page.viewport_size
    return (
        box["y"] >= 0
        and box["y"] + box["height"] <= viewport["height"]
        and box["x"] + box["width"] <= viewport["width"]
    )


@pytest.mark.parametrize(("agency_slug", "service_slug"), PAGES)
def test_the_fee_and_the_time_limit_are_on_the_first_phone_screen(
    demo_site, phone_page: Page, agency_slug, service_slug
):
    phone_page.goto(f"/{agency_slug}/{service_slug}/")

    assert phone_page.viewport_size == PHONE["viewport"]
    assert phone_page.evaluate("window.scrollY") == 0
    expect(phone_page.locator("#ringkasan-biaya dd")).to_be_visible()
    assert within_first_screen(phone_page, "#ringkasan-biaya dd")
    assert within_first_screen(phone_page, "#ringkasan-waktu dd")
    # the page is no wider than the phone
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= PHONE["viewport"]["width"]
    screenshot(phone_page, f"service-phone-{agency_slug}")
    screens = phone_page.evaluate("document.documentElement.scrollHeight") / PHONE["viewport"]["height"]
    print(f"{agency_slug}: {screens:.1f} screens")
    assert screens <= MAX_SCREENS  # the components are closed: the page is a list of headings


def test_on_a_phone_the_components_are_closed_until_tapped(demo_site, phone_page: Page):
    phone_page.goto("/kec-kedopok/surat-pengantar-izin-keramaian/")
    legal_basis = phone_page.locator(".component--legal_basis")
    text = legal_basis.locator(".col-detail li").first

    expect(text).to_be_hidden()
    legal_basis.locator("summary").click()
    expect(text).to_be_visible()


def test_a_link_from_the_summary_opens_its_component(demo_site, phone_page: Page):
    phone_page.goto("/kec-kedopok/surat-pengantar-izin-keramaian/")

    phone_page.locator("#ringkasan-persyaratan a").click()
    expect(phone_page.locator("#requirements li").first).to_be_visible()


@pytest.mark.parametrize(("agency_slug", "service_slug"), PAGES)
def test_on_a_wide_screen_every_row_of_the_table_is_open(demo_site, page: Page, agency_slug, service_slug):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"/{agency_slug}/{service_slug}/")

    rows = page.locator("details.component")
    expect(rows).to_have_count(14)
    for index in range(14):
        expect(rows.nth(index).locator(".col-detail")).to_be_visible()
    expect(page.locator(".standard-table__head").first).to_be_visible()
    # the component names sit beside their content, as the official table's columns
    name = page.locator(".component--fee summary h3").bounding_box()
    detail = page.locator("#fee").bounding_box()
    assert detail["x"] > name["x"] + name["width"] - 1
    assert abs(detail["y"] - name["y"]) < 20
    screenshot(page, f"service-desktop-{agency_slug}", full_page=True)


def test_on_paper_every_row_is_open_and_the_summary_is_left_out(demo_site, phone_page: Page):
    phone_page.goto("/kesra-kalbar/pelayanan-konsultasi/")
    phone_page.emulate_media(media="print")

    expect(phone_page.locator("#legal_basis li").first).to_be_visible()
    expect(phone_page.locator("#competence li").first).to_be_visible()
    expect(phone_page.locator(".summary")).to_be_hidden()
