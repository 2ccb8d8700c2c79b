"""The service page reads its opening hours without building the calendar; they are the hours the
calendar would have, whichever schedule applies."""

from __future__ import annotations

from datetime import time

from calendars.selectors import calendar_for, service_weekly_hours
from calendars.services import schedule_save
from pelayan.lib.workcal import DEFAULT_WEEKLY_HOURS


def _both(agency, service):
    return service_weekly_hours(agency=agency, service=service), calendar_for(
        agency=agency, service=service
    ).weekly


def test_without_any_schedule_both_are_the_default(agency, service):
    ours, calendars = _both(agency, service)
    assert ours == calendars == DEFAULT_WEEKLY_HOURS


def test_the_agency_schedule_applies_to_a_service_without_its_own(agency, service):
    schedule_save(actor=None, agency=agency, frames={0: [(time(7), time(11))]})
    ours, calendars = _both(agency, service)
    assert ours == calendars != DEFAULT_WEEKLY_HOURS


def test_the_service_schedule_wins_over_the_agency_one(agency, service):
    schedule_save(actor=None, agency=agency, frames={0: [(time(7), time(11))]})
    schedule_save(actor=None, agency=agency, service=service, frames={2: [(time(9), time(10))]})
    ours, calendars = _both(agency, service)
    assert ours == calendars
    assert ours.days[2] and not ours.days[0]
