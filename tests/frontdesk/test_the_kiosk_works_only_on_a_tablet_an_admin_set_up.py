"""The kiosk is no open public form: it answers only on a tablet activated with a one-time code
an agency admin made, stops at once when the admin revokes it, and never lists earlier visitors."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from frontdesk.models import ChecklistItem, GuestEntry
from frontdesk.services import FrontdeskError, kiosk_device_activate, kiosk_device_create, kiosk_device_revoke
from frontdesk.views import KIOSK_COOKIE
from tests.frontdesk.conftest import line, login


def _activated(client, agency, admin: str, officer: str):
    device, code = kiosk_device_create(
        agency=agency, actor=login(admin), name="Tablet lobi", acts_as=login(officer)
    )
    response = client.post(reverse("frontdesk:kiosk_activate"), {"code": code})
    assert response.status_code == 302
    return device, code


@pytest.mark.django_db
def test_without_a_device_the_kiosk_refuses(client, banten):
    response = client.get(reverse("frontdesk:kiosk"))
    assert response.status_code == 403
    assert "belum aktif" in response.content.decode()
    client.cookies[KIOSK_COOKIE] = "guessed-token"
    assert client.get(reverse("frontdesk:kiosk")).status_code == 403


@pytest.mark.django_db
def test_an_activated_tablet_records_a_visitor_and_shows_only_their_ticket(client, banten):
    device, _code = _activated(client, banten, "perkim-banten.admin", "perkim-banten.front-office")
    page = client.get(reverse("frontdesk:kiosk"))
    assert page.status_code == 200
    assert 'capture="environment"' in page.content.decode()
    protocol = ChecklistItem.objects.filter(agency=banten, is_active=True).values_list("pk", flat=True)
    response = client.post(reverse("frontdesk:kiosk"), {
        "name": "Dewi Lestari", "institution": "Ormas Warga", "purpose": "Konsultasi rusunawa",
        "contact": "dewi@example.org", "line": line(banten, "A").pk, "checklist": list(protocol),
    })  # fmt: skip
    assert response.status_code == 302
    ticket_page = client.get(response["Location"])
    body = ticket_page.content.decode()
    assert "A-001" in body
    assert "Dewi Lestari" not in body
    entry = GuestEntry.objects.get()
    assert entry.device == device and entry.case.created_by == login("perkim-banten.front-office")
    # The next visitor's blank form lists nobody.
    assert "Dewi" not in client.get(reverse("frontdesk:kiosk")).content.decode()


@pytest.mark.django_db
def test_a_missing_field_is_named_and_nothing_is_written(client, banten):
    _activated(client, banten, "perkim-banten.admin", "perkim-banten.front-office")
    response = client.post(
        reverse("frontdesk:kiosk"), {"name": "", "purpose": "x", "line": line(banten, "B").pk}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Nama wajib diisi." in body
    assert "Semua butir pemeriksaan kedatangan harus dipastikan." in body
    assert GuestEntry.objects.count() == 0


@pytest.mark.django_db
def test_the_activation_code_works_once_and_a_revoked_tablet_is_locked_out(client, banten):
    device, code = _activated(client, banten, "perkim-banten.admin", "perkim-banten.front-office")
    with pytest.raises(FrontdeskError):
        kiosk_device_activate(code=code)
    device.refresh_from_db()
    kiosk_device_revoke(device=device, actor=login("perkim-banten.admin"))
    assert client.get(reverse("frontdesk:kiosk")).status_code == 403


@pytest.mark.django_db
def test_an_expired_code_is_refused(banten):
    _device, code = kiosk_device_create(agency=banten, actor=login("perkim-banten.admin"), name="Tablet",
                                        acts_as=login("perkim-banten.front-office"))  # fmt: skip
    with pytest.raises(FrontdeskError):
        kiosk_device_activate(code=code, now=timezone.now() + dt.timedelta(hours=25))


@pytest.mark.django_db
def test_a_kiosk_must_record_under_a_front_office_officer(banten):
    with pytest.raises(FrontdeskError) as refused:
        kiosk_device_create(agency=banten, actor=login("perkim-banten.admin"), name="Tablet",
                            acts_as=login("perkim-banten.pimpinan"))  # fmt: skip
    assert set(refused.value.fields) == {"acts_as"}
