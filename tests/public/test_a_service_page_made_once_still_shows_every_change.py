"""The service page keeps the presentation of a published version between requests; what can change
under that version (the agency, the service, a new version) shows on the next request all the same."""

from __future__ import annotations

import re
from unittest import mock

import pytest
from django.conf import settings
from django.urls import reverse

from public import standard_cache
from standards.services import (
    agency_update,
    service_update,
    standard_component_update,
    standard_draft_from,
    standard_publish,
)


def _page(client, service):
    return client.get(reverse("public:service", args=[service.agency.slug, service.slug]))


@pytest.mark.django_db
def test_the_second_request_does_not_present_the_standard_again(client, published):
    first = _page(client, published.service).content.decode()
    with mock.patch.object(standard_cache.presenters, "standard_page", side_effect=AssertionError):
        second = _page(client, published.service).content.decode()
    # The same page, but for the form's token, which is masked afresh on every response.
    token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert token.sub("", second) == token.sub("", first)


@pytest.mark.django_db
def test_a_new_agency_name_and_address_show_at_once(client, published):
    service = published.service
    _page(client, service)
    agency_update(actor=None, agency=service.agency, name="Kecamatan Baru Sekali", address="Jalan Anyar 9")
    service.refresh_from_db()
    html = _page(client, service).content.decode()
    assert "Kecamatan Baru Sekali" in html
    assert "Jalan Anyar 9" in html


@pytest.mark.django_db
def test_a_renamed_service_shows_its_new_name_and_a_switched_off_one_is_gone(client, published):
    service = published.service
    _page(client, service)
    service_update(actor=None, service=service, name="Layanan Bernama Baru")
    assert "Layanan Bernama Baru" in _page(client, service).content.decode()
    service_update(actor=None, service=service, is_active=False)
    assert _page(client, service).status_code == 404


@pytest.mark.django_db
def test_a_new_version_shows_its_own_components(client, published):
    service = published.service
    assert "Rp 12.345" not in _page(client, service).content.decode()
    draft = standard_draft_from(standard=published, actor=None)
    standard_component_update(
        standard=draft, actor=None, component="fee", value={"is_free": False, "amount": 12345}
    )
    standard_publish(standard=draft, actor=None, decree_number="800/2/2026")
    html = _page(client, service).content.decode()
    assert "Rp 12.345" in html
    assert "800/2/2026" in html


@pytest.mark.django_db
def test_each_language_gets_its_own_presentation(client, published):
    assert "Penetapan standar pelayanan" in _page(client, published.service).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = _page(client, published.service).content.decode()
    assert "Adoption of the service standard" in html
    assert "Penetapan standar pelayanan" not in html
