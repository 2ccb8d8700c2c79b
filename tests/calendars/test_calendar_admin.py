"""Agency admins edit their office hours and days off, with a preview of due moments."""

from datetime import date, time

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from calendars.models import NonWorkingDay, TimeFrame, WeeklySchedule
from calendars.services import non_working_day_create, schedule_save

pytestmark = pytest.mark.django_db


def frames_post(agency, rows, **extra):
    data = {
        "agency": agency.pk,
        "service": "",
        "name": "Jam kerja",
        "observes_non_working_days": "on",
        "frames-TOTAL_FORMS": str(len(rows)),
        "frames-INITIAL_FORMS": "0",
        "frames-MIN_NUM_FORMS": "0",
        "frames-MAX_NUM_FORMS": "1000",
        **extra,
    }
    for i, (weekday, start, end) in enumerate(rows):
        data.update({f"frames-{i}-weekday": weekday, f"frames-{i}-start": start, f"frames-{i}-end": end})
    return data


def test_the_schedule_page_shows_when_a_case_received_now_falls_due(client, agency_admin, agency):
    schedule = schedule_save(actor=None, agency=agency, frames={0: [(time(7, 30), time(16))]})
    client.force_login(agency_admin)
    response = client.get(reverse("admin:calendars_weeklyschedule_change", args=[schedule.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Kasus diterima sekarang" in content
    assert "dengan '5 hari kerja' jatuh tempo" in content


def test_an_agency_admin_adds_hours_through_the_admin_and_it_is_audited(client, agency_admin, agency):
    client.force_login(agency_admin)
    response = client.post(
        reverse("admin:calendars_weeklyschedule_add"),
        frames_post(agency, [(0, "07:30", "12:00"), (0, "13:00", "16:00"), (5, "08:00", "12:00")]),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    schedule = WeeklySchedule.objects.get(agency=agency)
    assert TimeFrame.objects.filter(schedule=schedule).count() == 3
    assert AuditEvent.objects.filter(action="calendar.schedule_created").exists()


def test_overlapping_frames_are_shown_as_an_error(client, agency_admin, agency):
    client.force_login(agency_admin)
    response = client.post(
        reverse("admin:calendars_weeklyschedule_add"),
        frames_post(agency, [(0, "07:30", "12:00"), (0, "11:00", "16:00")]),
    )
    assert response.status_code == 200
    assert "Rentang waktu tidak valid" in response.content.decode()
    assert not WeeklySchedule.objects.exists()


def test_an_agency_admin_sees_national_days_but_cannot_change_them(
    client, agency_admin, agency, other_agency
):
    national = non_working_day_create(
        actor=None,
        agency=None,
        date=date(2026, 3, 24),
        name="Nasional",
        kind="working_day",
        source_decree="SKB",
    )
    own = non_working_day_create(
        actor=None, agency=agency, date=date(2026, 6, 17), name="Own", kind="closed", source_decree="SK"
    )
    non_working_day_create(
        actor=None,
        agency=other_agency,
        date=date(2026, 6, 17),
        name="Other",
        kind="regional",
        source_decree="SK",
    )
    client.force_login(agency_admin)
    response = client.get(reverse("admin:calendars_nonworkingday_changelist"))
    assert set(response.context["cl"].queryset) == {national, own}
    response = client.post(
        reverse("admin:calendars_nonworkingday_change", args=[national.pk]),
        {"agency": agency.pk, "date": "2026-03-25", "name": "x", "kind": "closed", "source_decree": "x"},
    )
    assert response.status_code == 403
    national.refresh_from_db()
    assert national.date == date(2026, 3, 24)


def test_an_agency_admin_adds_a_regional_day_through_the_service(client, agency_admin, agency):
    client.force_login(agency_admin)
    response = client.post(
        reverse("admin:calendars_nonworkingday_add"),
        {
            "agency": agency.pk,
            "date": "2026-06-17",
            "name": "Hari Raya Galungan",
            "kind": "regional",
            "source_decree": "Keputusan Gubernur (contoh)",
        },
    )
    assert response.status_code == 302
    assert NonWorkingDay.objects.get(agency=agency).date == date(2026, 6, 17)
    assert AuditEvent.objects.filter(action="calendar.day_added").exists()


def test_a_new_schedule_starts_from_the_national_default_hours(client, agency_admin):
    client.force_login(agency_admin)
    response = client.get(reverse("admin:calendars_weeklyschedule_add"))
    formset = response.context["inline_admin_formsets"][0].formset
    rows = [
        (f.initial["weekday"], f"{f.initial['start']:%H:%M}", f"{f.initial['end']:%H:%M}")
        for f in formset.forms
    ]
    assert rows[:2] == [(0, "07:30", "12:00"), (0, "13:00", "16:00")]
    assert (4, "13:00", "16:30") in rows
    assert len(rows) == 10


def test_a_day_off_keeps_its_agency_when_changed_in_the_admin(client, agency_admin, agency, other_agency):
    day = non_working_day_create(
        actor=None, agency=agency, date=date(2026, 6, 17), name="Own", kind="closed", source_decree="SK"
    )
    client.force_login(agency_admin)
    url = reverse("admin:calendars_nonworkingday_change", args=[day.pk])
    assert "agency" not in client.get(url).context["adminform"].form.fields
    response = client.post(
        url,
        {
            "agency": other_agency.pk,
            "date": "2026-06-18",
            "name": "Own",
            "kind": "closed",
            "source_decree": "SK",
        },
    )
    assert response.status_code == 302
    day.refresh_from_db()
    assert (day.agency, day.date) == (agency, date(2026, 6, 18))
