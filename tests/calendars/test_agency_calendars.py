"""An agency's calendar is built from its hours and the editable table of days off."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from calendars.selectors import calendar_for, due_preview
from calendars.services import non_working_day_create, non_working_day_delete, schedule_save
from pelayan.lib.durations import parse_duration
from standards.services import service_create

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")
MON_THU = [(time(7, 30), time(12)), (time(13), time(16))]


def test_an_agency_without_hours_uses_the_national_default(agency):
    calendar = calendar_for(agency=agency)
    assert calendar.add(datetime(2026, 3, 16, 15, 30, tzinfo=WIB), parse_duration("1 jam")) == datetime(
        2026, 3, 17, 8, 0, tzinfo=WIB
    )


def test_a_bali_agency_counts_in_wita(other_agency):
    assert str(calendar_for(agency=other_agency).zone) == "Asia/Makassar"


def test_a_regional_day_closes_only_its_agency(agency, other_agency):
    non_working_day_create(
        actor=None,
        agency=other_agency,
        date=date(2026, 6, 17),
        name="Hari Raya Galungan",
        kind="regional",
        source_decree="Keputusan Gubernur Bali (contoh)",
    )
    assert not calendar_for(agency=other_agency).is_working_day(date(2026, 6, 17))
    assert calendar_for(agency=agency).is_working_day(date(2026, 6, 17))


def test_a_national_change_applies_to_every_agency(agency, other_agency):
    non_working_day_create(
        actor=None,
        agency=None,
        date=date(2026, 3, 24),
        name="Pembatalan cuti bersama (contoh)",
        kind="working_day",
        source_decree="SKB 3 Menteri perubahan (contoh)",
    )
    assert calendar_for(agency=agency).is_working_day(date(2026, 3, 24))
    assert calendar_for(agency=other_agency).is_working_day(date(2026, 3, 24))


def test_an_agency_row_wins_over_a_national_row_on_the_same_date(agency):
    for target, kind in ((None, "working_day"), (agency, "closed")):
        non_working_day_create(
            actor=None,
            agency=target,
            date=date(2026, 3, 24),
            name="x",
            kind=kind,
            source_decree="Surat (contoh)",
        )
    assert not calendar_for(agency=agency).is_working_day(date(2026, 3, 24))


def test_an_edit_is_seen_by_the_next_calendar(agency):
    assert calendar_for(agency=agency).is_working_day(date(2026, 3, 10))
    day = non_working_day_create(
        actor=None,
        agency=agency,
        date=date(2026, 3, 10),
        name="Kantor tutup",
        kind="closed",
        source_decree="SE (contoh)",
    )
    assert not calendar_for(agency=agency).is_working_day(date(2026, 3, 10))
    non_working_day_delete(actor=None, day=day)
    assert calendar_for(agency=agency).is_working_day(date(2026, 3, 10))


def test_a_service_with_its_own_hours_uses_them_and_others_use_the_agency_hours(agency):
    counter = service_create(agency=agency, name="Loket Sabtu")
    schedule_save(
        actor=None,
        agency=agency,
        service=counter,
        frames={**{d: MON_THU for d in range(4)}, 4: MON_THU, 5: [(time(8), time(12))]},
    )
    saturday = datetime(2026, 3, 14, 9, 0, tzinfo=WIB)
    assert calendar_for(agency=agency, service=counter).is_open(saturday)
    assert not calendar_for(agency=agency).is_open(saturday)


def test_a_24_hour_line_ignores_days_off(agency):
    line = service_create(agency=agency, name="Pengaduan 24 Jam")
    schedule_save(
        actor=None,
        agency=agency,
        service=line,
        frames={d: [(time(0), time(0))] for d in range(7)},
        observes_non_working_days=False,
    )
    calendar = calendar_for(agency=agency, service=line)
    nyepi_night = datetime(2026, 3, 19, 23, 30, tzinfo=WIB)
    assert calendar.add(nyepi_night, parse_duration("1 jam")) == datetime(2026, 3, 20, 0, 30, tzinfo=WIB)


def test_the_preview_tells_when_a_case_received_now_falls_due(agency):
    now = datetime(2026, 3, 16, 9, 0, tzinfo=WIB)
    assert due_preview(agency=agency, text="5 hari kerja", now=now) == datetime(
        2026, 3, 30, 16, 0, tzinfo=WIB
    )
