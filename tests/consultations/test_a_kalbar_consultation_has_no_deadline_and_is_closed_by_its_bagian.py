"""Kalbar: a walk-in for Bagian Pelayanan Dasar is handed to the bagian by the Petugas Informasi;
the consultation itself ("sesuai materi konsultasi") runs no clock and only ends when the
bagian's officer records the notes and the outcome and closes it."""

from __future__ import annotations

import datetime as dt

import pytest

from calendars.models import SlaClock
from consultations.models import RequestState
from consultations.services import (
    ActionForbidden,
    InvalidInput,
    consultation_close,
    consultation_dispose,
    consultation_for_case,
)
from frontdesk.models import EntrySource
from frontdesk.services import GuestForm, guest_entry_create
from tests.consultations.conftest import WIB, login
from tests.frontdesk.conftest import line

FRIDAY = dt.datetime(2026, 11, 27, 16, 20, tzinfo=WIB)


@pytest.mark.django_db
def test_the_bagian_closes_it_with_notes_and_outcome_and_no_clock_runs_meanwhile(kalbar):
    visit = guest_entry_create(
        agency=kalbar,
        form=GuestForm(name="Yohanes", purpose="Konsultasi bantuan sosial", line_id=line(kalbar, "A").pk,
                       unit_slug="pelayanan-dasar"),
        source=EntrySource.DESK, officer=login("kesra-kalbar.petugas-informasi"), now=FRIDAY,
    )  # fmt: skip
    request = consultation_for_case(case=visit.case)
    assert request.topic == "Konsultasi bantuan sosial"
    consultation_dispose(
        request=request, by=login("kesra-kalbar.petugas-informasi"), version=request.case.version,
        unit="pelayanan-dasar", instruction="Bantuan sosial", now=FRIDAY + dt.timedelta(minutes=5),
    )  # fmt: skip
    request.refresh_from_db()
    assert request.case.step == "konsultasi" and request.unit.slug == "pelayanan-dasar"
    assert not SlaClock.objects.filter(target_id=str(request.case.pk), step_id="konsultasi").exists()
    assert request.case.due_at is None

    with pytest.raises(ActionForbidden):
        consultation_close(request=request, officer=login("kesra-kalbar.bina-mental-spiritual.staf"),
                           notes="-", outcome="-")  # fmt: skip
    officer = login("kesra-kalbar.pelayanan-dasar.staf")
    with pytest.raises(InvalidInput) as empty:
        consultation_close(request=request, officer=officer, notes="Dibahas syarat", outcome="")
    assert set(empty.value.fields) == {"outcome"}

    later = dt.datetime(2026, 12, 2, 10, 0, tzinfo=WIB)
    request = consultation_close(request=request, officer=officer, notes="Dibahas syarat bantuan sosial",
                                 outcome="Pemohon akan mengajukan proposal", now=later)  # fmt: skip
    assert request.state == RequestState.CLOSED and request.closed_at == later
    assert request.case.status == "completed"
