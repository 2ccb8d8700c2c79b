"""Browser tests: real pages in Debian's Chromium, driven by Playwright against a live server.

Write a browser test like this, one file per journey in this folder (every test here is marked
``browser`` by this file, so ``pytest -m "not browser"`` leaves them out)::

    from playwright.sync_api import Page, expect

    from tests.browser.conftest import screenshot

    def test_the_home_page_names_the_agencies(demo_site, page: Page):
        page.goto("/")                      # relative to the live server
        expect(page.get_by_role("heading", name="Standar pelayanan")).to_be_visible()

    def test_it_fits_a_phone(demo_site, phone_page: Page):
        phone_page.goto("/")
        screenshot(phone_page, "home-phone")   # var/screenshots/home-phone.png

Fixtures:

- ``page`` (pytest-playwright): a fresh page in a fresh context per test, desktop size, with
  ``base_url`` set to the live server, Indonesian locale and the WIB time zone.
- ``phone_page``: the same on a phone (390×844 CSS pixels, touch, mobile viewport).
- ``new_context`` (pytest-playwright): more contexts, e.g. two users side by side.
- ``demo_site``: the four demo agencies loaded (``load_demo(with_users=False)``); returns the live
  server's address. Tests that build their own data use ``live_server`` and the usual services.
- ``screenshot(page, name, full_page=False)`` (a helper, not a fixture): a PNG of what the page
  shows (or of its whole length) under ``var/screenshots/`` (gitignored), returned as a ``Path``,
  to look at by eye.

How it runs: the browser is ``/usr/bin/chromium`` (Debian's package; never ``playwright install``)
headless, one per session. Without it the tests are skipped, except in CI (``CI`` set), where a
missing browser fails them: ``.ci/run`` installs it. ``live_server`` runs the site in a thread over
``transactional_db``, so each test starts with empty tables. Playwright's sync API keeps an event
loop running in the main thread from the first browser test to the end of the session, where
Django would refuse every database call as "async-unsafe"; ``DJANGO_ALLOW_ASYNC_UNSAFE`` is set
from the first browser test on for that reason (the tests are plain synchronous code).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from playwright.sync_api import Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session", autouse=True)
def _async_unsafe_allowed() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    if not (CHROMIUM.exists() and shutil.which(str(CHROMIUM))):
        message = f"{CHROMIUM} is missing (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; CI must run the browser tests")
        pytest.skip(message)
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any], live_server) -> dict[str, Any]:
    return {
        **browser_context_args,
        "base_url": live_server.url,
        "locale": "id-ID",
        "timezone_id": "Asia/Jakarta",
    }


@pytest.fixture
def phone_page(new_context) -> Page:
    return new_context(**PHONE).new_page()


@pytest.fixture
def demo_site(live_server, transactional_db) -> str:
    from standards.demo import load_demo

    load_demo(with_users=False)
    return live_server.url


def screenshot(page: Page, name: str, *, full_page: bool = False) -> Path:
    """What the page shows now (its whole length with ``full_page``), as ``var/screenshots/NAME.png``."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
