"""Office hours and days off are changed through services that validate and audit."""

from datetime import date, time

import pytest
from django.db import IntegrityError

from audit.models import AuditEvent
from calendars.models import NonWorkingDay, TimeFrame
from calendars.services import (
    CalendarEditError,
    non_working_day_create,
    non_working_day_update,
    schedule_save,
)

pytestmark = pytest.mark.django_db


def test_saving_hours_replaces_the_frames_and_is_audited(agency):
    schedule = schedule_save(actor=None, agency=agency, frames={0: [(time(8), time(12))]})
    schedule_save(actor=None, agency=agency, frames={0: [(time(8), time(11)), (time(13), time(15))]})
    assert list(TimeFrame.objects.filter(schedule=schedule).values_list("start", "end")) == [
        (time(8), time(11)),
        (time(13), time(15)),
    ]
    actions = list(AuditEvent.objects.filter(agency=agency).values_list("action", flat=True))
    assert "calendar.schedule_created" in actions
    assert "calendar.schedule_changed" in actions


def test_overlapping_frames_are_refused(agency):
    with pytest.raises(CalendarEditError, match="overlap"):
        schedule_save(actor=None, agency=agency, frames={0: [(time(8), time(12)), (time(11), time(13))]})


def test_a_frame_ending_before_it_starts_is_refused_by_the_database_too(agency):
    schedule = schedule_save(actor=None, agency=agency, frames={})
    with pytest.raises(IntegrityError):
        TimeFrame.objects.create(schedule=schedule, weekday=0, start=time(12), end=time(8))


def test_a_day_off_records_its_date_and_source_and_is_audited(agency):
    day = non_working_day_create(
        actor=None,
        agency=agency,
        date=date(2026, 6, 17),
        name="Galungan",
        kind="regional",
        source_decree="Keputusan Gubernur (contoh)",
    )
    assert day.date == date(2026, 6, 17)
    event = AuditEvent.objects.get(action="calendar.day_added")
    assert event.data["source_decree"] == "Keputusan Gubernur (contoh)"


def test_a_day_off_needs_its_source_decree(agency):
    with pytest.raises(CalendarEditError, match="source decree"):
        non_working_day_create(
            actor=None, agency=agency, date=date(2026, 6, 17), name="x", kind="regional", source_decree=" "
        )


def test_a_date_appears_once_per_agency_and_once_nationally(agency):
    for target in (agency, None):
        non_working_day_create(
            actor=None, agency=target, date=date(2026, 6, 17), name="x", kind="closed", source_decree="s"
        )
        with pytest.raises(CalendarEditError, match="already"):
            non_working_day_create(
                actor=None, agency=target, date=date(2026, 6, 17), name="y", kind="closed", source_decree="s"
            )
    assert NonWorkingDay.objects.count() == 2


def test_moving_a_day_off_updates_its_date_and_audits_before_and_after(agency):
    day = non_working_day_create(
        actor=None, agency=agency, date=date(2026, 12, 31), name="x", kind="closed", source_decree="s"
    )
    non_working_day_update(
        actor=None, day=day, date=date(2027, 1, 2), name="x", kind="closed", source_decree="s"
    )
    day.refresh_from_db()
    assert day.date == date(2027, 1, 2)
    event = AuditEvent.objects.get(action="calendar.day_changed")
    assert (event.data["before"]["date"], event.data["after"]["date"]) == ("2026-12-31", "2027-01-02")
