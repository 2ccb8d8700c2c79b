"""Kedopok's Mesin SKM in Chromium on a phone-sized screen: the answers are big enough to tap,
nothing overflows sideways, and after sending the screen comes back empty by itself."""

from __future__ import annotations

import pytest
from django.core import signing

from tests.browser import conftest as browser

# The browser journeys' fixtures (Debian's Chromium, the live server with the demo), shared.
browser_type_launch_args = browser.browser_type_launch_args
browser_context_args = browser.browser_context_args
_async_unsafe_allowed = browser._async_unsafe_allowed
demo_site = browser.demo_site
phone_page = browser.phone_page
screenshot = browser.screenshot

pytestmark = pytest.mark.browser


def enable_kiosk(page, base_url: str) -> None:
    from surveys.views import KIOSK_COOKIE, KIOSK_SALT

    value = signing.get_cookie_signer(salt=KIOSK_COOKIE + KIOSK_SALT).sign("kec-kedopok")
    page.context.add_cookies([{"name": KIOSK_COOKIE, "value": value, "url": base_url}])


def test_a_visitor_answers_on_the_kiosk_and_it_resets(demo_site, phone_page):
    from surveys.models import SurveyResponse

    enable_kiosk(phone_page, demo_site)
    phone_page.goto("/kec-kedopok/skm/kiosk/")
    choice = phone_page.locator("label.skm-choice").first
    box = choice.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44  # a finger-sized target
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    screenshot(phone_page, "skm-kiosk-phone", full_page=True)
    for i in range(1, 10):
        phone_page.locator(f"label.skm-choice:has(input[name=u{i}][value='4'])").click()
    phone_page.get_by_role("button", name="Kirim").click()
    phone_page.wait_for_url("**/terima-kasih/")
    assert SurveyResponse.objects.filter(channel="kiosk", u9=4).count() == 1
    # The meta refresh brings the empty form back without a tap.
    phone_page.wait_for_url("**/skm/kiosk/", timeout=15_000)
    assert phone_page.locator("input:checked").count() == 0
