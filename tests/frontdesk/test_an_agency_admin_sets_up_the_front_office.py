"""The agency admin's settings page: desks, queue lines (prefix per service), the optional
check-in checklist and the kiosk tablets; each refusal is shown beside its field."""

from __future__ import annotations

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from frontdesk.models import ChecklistItem, Counter, KioskDevice, QueueLine
from tests.frontdesk.conftest import login


@pytest.mark.django_db
def test_the_admin_adds_a_desk_a_line_a_checklist_and_a_tablet(client, kalbar):
    client.force_login(login("kesra-kalbar.admin"))
    url = reverse("frontdesk:settings", args=["kesra-kalbar"])
    assert client.post(url, {"what": "counter", "number": "2", "name": "Meja informasi 2"}).status_code == 302
    assert Counter.objects.filter(agency=kalbar, number=2).exists()
    client.post(url, {"what": "line", "prefix": "c", "name": "Pengambilan surat"})
    assert QueueLine.objects.get(agency=kalbar, prefix="C").service is None
    client.post(url, {"what": "checklist", "checklist": "Membawa surat tugas\n\nMenunjukkan identitas\n"})
    assert [i.text for i in ChecklistItem.objects.filter(agency=kalbar, is_active=True)] == [
        "Membawa surat tugas", "Menunjukkan identitas",
    ]  # fmt: skip
    officer = login("kesra-kalbar.petugas-informasi")
    page = client.post(url, {"what": "device", "name": "Tablet lobi", "acts_as": officer.pk})
    assert page.status_code == 200
    assert "?kode=" in page.content.decode()
    assert KioskDevice.objects.get(agency=kalbar).acts_as == officer
    assert (
        AuditEvent.objects.filter(
            action="frontdesk.settings_changed", actor=login("kesra-kalbar.admin")
        ).count()
        == 3
    )


@pytest.mark.django_db
def test_a_prefix_taken_or_a_bad_number_is_named(client, kalbar):
    client.force_login(login("kesra-kalbar.admin"))
    url = reverse("frontdesk:settings", args=["kesra-kalbar"])
    page = client.post(url, {"what": "line", "prefix": "A", "name": "Lagi"})
    assert page.status_code == 400 and "Awalan A sudah dipakai." in page.content.decode()
    page = client.post(url, {"what": "counter", "number": "100"})
    assert page.status_code == 400 and "Nomor meja antara 1 dan 99." in page.content.decode()


@pytest.mark.django_db
def test_the_desk_officer_does_not_see_the_settings(client, kalbar):
    client.force_login(login("kesra-kalbar.petugas-informasi"))
    assert client.get(reverse("frontdesk:settings", args=["kesra-kalbar"])).status_code == 404
