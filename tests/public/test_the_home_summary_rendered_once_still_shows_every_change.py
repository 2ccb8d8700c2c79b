"""The home page's summary is rendered once for what it shows; a change to any of it shows on the
next request, in this process or another one (the cache is keyed on the values, never invalidated)."""

from __future__ import annotations

from unittest import mock

from django.conf import settings

from public import fragments
from standards.services import agency_update, service_create, service_update

from .conftest import publish


def test_the_second_request_does_not_render_the_summary_again(client, published):
    first = client.get("/").content.decode()
    with mock.patch.object(fragments, "render_to_string", side_effect=AssertionError):
        second = client.get("/", headers={"HX-Request": "true"}).content.decode()
    assert second in first


def test_a_renamed_agency_shows_at_once(client, published):
    client.get("/")
    agency_update(actor=None, agency=published.service.agency, name="Kecamatan Berganti Nama")
    body = client.get("/").content.decode()
    assert "Kecamatan Berganti Nama" in body


def test_a_newly_published_service_and_its_count_show_at_once(client, published):
    assert "1 layanan" in client.get("/").content.decode()
    publish(service_create(agency=published.service.agency, name="Surat Keterangan Baru Terbit"))
    body = client.get("/").content.decode()
    assert "Surat Keterangan Baru Terbit" in body
    assert "2 layanan" in body


def test_a_switched_off_service_leaves_the_latest_standards(client, published):
    assert "Surat Pengantar Izin Keramaian" in client.get("/").content.decode()
    service_update(actor=None, service=published.service, is_active=False)
    assert "Surat Pengantar Izin Keramaian" not in client.get("/").content.decode()


def test_each_language_gets_its_own_summary(client, published):
    assert "Standar pelayanan terbaru" in client.get("/").content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Standar pelayanan terbaru" not in client.get("/").content.decode()


def test_search_results_show_a_renamed_agency_at_once(client, published, django_capture_on_commit_callbacks):
    assert "Kecamatan Contoh" in client.get("/?q=keramaian").content.decode()
    # The page of results is kept until a change to the index commits.
    with django_capture_on_commit_callbacks(execute=True):
        agency_update(actor=None, agency=published.service.agency, name="Kecamatan Nama Lain")
    body = client.get("/?q=keramaian").content.decode()
    assert "Kecamatan Nama Lain" in body
    assert "Kecamatan Contoh" not in body


def test_a_second_search_does_not_render_its_results_again(client, published):
    first = client.get("/?q=keramaian").content.decode()
    with mock.patch.object(fragments, "render_to_string", side_effect=AssertionError):
        second = client.get("/?q=keramaian", headers={"HX-Request": "true"}).content.decode()
    assert second in first
