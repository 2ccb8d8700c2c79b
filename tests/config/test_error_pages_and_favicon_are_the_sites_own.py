"""A missing page is the site's own 404 page, with DEBUG off and with DEBUG on (Django's technical
page would list every URL pattern); a crash is the site's own 500 page with DEBUG off; the API
keeps its JSON 404; the favicon is linked from every page and answers at /favicon.ico."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import path

OWN_404 = "Maaf, halaman yang Anda cari tidak ada atau sudah dipindahkan."


def crash(request):
    raise RuntimeError("boom")


urlpatterns = [path("crash/", crash)]


@pytest.mark.django_db
@pytest.mark.parametrize("debug", [False, True], ids=["debug-off", "debug-on"])
def test_a_missing_page_is_the_sites_own_404(client, settings, debug):
    settings.DEBUG = debug

    page = client.get("/tidak-ada/halaman-ini/")

    assert page.status_code == 404
    html = page.content.decode()
    assert OWN_404 in html and "Using the URLconf" not in html
    assert client.get("/v/bukan-kode-kami").status_code == 404
    assert OWN_404 in client.get("/v/bukan-kode-kami").content.decode()


@pytest.mark.django_db
def test_with_debug_on_a_path_without_its_slash_still_redirects(client, settings):
    settings.DEBUG = True

    assert client.get("/kerja").status_code == 301


@pytest.mark.django_db
def test_the_api_keeps_its_json_404_with_debug_on(client, settings):
    settings.DEBUG = True

    answer = client.get("/api/v1/services/tidak-ada/tidak-ada")

    assert answer.status_code == 404
    assert answer["Content-Type"].startswith("application/json")


@pytest.mark.django_db
@pytest.mark.urls("tests.config.test_error_pages_and_favicon_are_the_sites_own")
def test_a_crash_is_the_sites_own_500_with_debug_off(settings):
    settings.DEBUG = False
    client = Client(raise_request_exception=False)

    page = client.get("/crash/")

    assert page.status_code == 500
    assert "<html" in page.content.decode() and "boom" not in page.content.decode()
    assert "Traceback" not in page.content.decode()


@pytest.mark.django_db
def test_the_favicon_is_linked_and_served(client):
    home = client.get("/").content.decode()
    assert 'rel="icon" href="/static/favicon.ico"' in home

    redirect = client.get("/favicon.ico")
    assert redirect.status_code == 302 and redirect["Location"] == "/static/favicon.ico"
    icon = client.get(redirect["Location"])
    assert icon.status_code == 200
    assert b"".join(icon.streaming_content)[:4] == b"\x00\x00\x01\x00"  # the ICO header
