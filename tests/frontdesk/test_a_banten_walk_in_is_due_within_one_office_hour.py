"""Banten: a visitor who states the purpose of a consultation at the desk at 15:30 on Monday 30
November 2026 is to be brought to an officer within "1 (satu) jam" of office time — 30 minutes
that Monday and 30 from the 07:30 opening: 08:00 on Tuesday."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from calendars.models import SlaClock
from cases.models import Channel
from frontdesk.models import ChecklistItem, EntrySource
from frontdesk.services import GuestForm, guest_entry_create
from tests.frontdesk.conftest import line, login

WIB = ZoneInfo("Asia/Jakarta")


@pytest.mark.django_db
def test_it_starts_the_case_when_the_purpose_is_stated_and_is_due_at_eight_on_tuesday(banten):
    stated = dt.datetime(2026, 11, 30, 15, 30, tzinfo=WIB)
    protocol = [item.pk for item in ChecklistItem.objects.filter(agency=banten, is_active=True)]
    visit = guest_entry_create(
        agency=banten,
        form=GuestForm(name="Siti Aminah", institution="LSM Rumah Layak", purpose="Konsultasi rumah layak huni",
                       contact="0812 3456 7890", line_id=line(banten, "A").pk, checklist=tuple(protocol)),
        source=EntrySource.DESK, officer=login("perkim-banten.front-office"), now=stated,
    )  # fmt: skip
    case = visit.case
    assert case.channel == Channel.IN_PERSON
    assert (case.track, case.step) == ("hadir-langsung", "hadir-b")
    assert case.received_at == stated
    clock = SlaClock.objects.get(target_id=str(case.pk), step_id="hadir-langsung")
    assert clock.due_at.astimezone(WIB) == dt.datetime(2026, 12, 1, 8, 0, tzinfo=WIB)
    assert case.due_at == clock.due_at
    assert visit.ticket.number == "A-001"
    assert visit.ticket.case == case
    assert visit.entry.case == case
    assert visit.entry.checklist == [
        "Menggunakan masker", "Menjaga jarak (physical distancing)", "Suhu tubuh sudah diukur",
        "Menggunakan hand sanitizer",
    ]  # fmt: skip


@pytest.mark.django_db
def test_a_line_without_a_service_gives_a_ticket_and_no_case(banten):
    visit = guest_entry_create(
        agency=banten,
        form=GuestForm(name="Kurir", purpose="Antar surat", line_id=line(banten, "B").pk,
                       checklist=tuple(ChecklistItem.objects.filter(agency=banten).values_list("pk", flat=True))),
        source=EntrySource.DESK, officer=login("perkim-banten.front-office"),
    )  # fmt: skip
    assert visit.case is None
    assert visit.ticket.number == "B-001"
