"""A walk-in written in the guest book on a consultation service gets its request in that same
write (topic from the guest book's purpose, one audit event); opening its page afterwards is a
read: no INSERT, UPDATE or DELETE, however often it is opened."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from audit.models import AuditAction, AuditEvent
from consultations.models import ConsultationRequest
from frontdesk.models import ChecklistItem, EntrySource
from frontdesk.services import GuestForm, guest_entry_create
from tests.consultations.conftest import WIB, login
from tests.frontdesk.conftest import line

MONDAY = dt.datetime(2026, 11, 30, 10, 0, tzinfo=WIB)
WRITES = ("INSERT", "UPDATE", "DELETE")


def _walk_in(banten):
    protocol = tuple(ChecklistItem.objects.filter(agency=banten, is_active=True).values_list("pk", flat=True))
    return guest_entry_create(
        agency=banten,
        form=GuestForm(name="Siti Aminah", purpose="Konsultasi rumah layak huni", contact="0812 3456 7890",
                       line_id=line(banten, "A").pk, checklist=protocol),
        source=EntrySource.DESK, officer=login("perkim-banten.front-office"), now=MONDAY,
    )  # fmt: skip


@pytest.mark.django_db
def test_the_request_exists_as_soon_as_the_walk_in_is_recorded(banten):
    visit = _walk_in(banten)
    request = ConsultationRequest.objects.get(case=visit.case)
    assert request.topic == "Konsultasi rumah layak huni"
    assert request.agency == banten
    assert AuditEvent.objects.filter(action=AuditAction.CONSULTATION_REQUESTED).count() == 1


@pytest.mark.django_db
def test_opening_the_walk_ins_page_writes_nothing(client, banten):
    visit = _walk_in(banten)
    client.force_login(login("perkim-banten.front-office"))
    url = reverse("consultations:detail", args=[visit.case.number])
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            page = client.get(url)
        assert page.status_code == 200
        assert "Konsultasi rumah layak huni" in page.content.decode()
        writes = [q["sql"] for q in queries.captured_queries if q["sql"].lstrip().upper().startswith(WRITES)]
        assert writes == []
    assert ConsultationRequest.objects.filter(case=visit.case).count() == 1
