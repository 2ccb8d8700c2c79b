"""Every calendars admin page renders, and SLA clocks are read-only there."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from calendars.services import sla_clock_pause, sla_clock_start

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def clock(agency):
    start = datetime(2026, 3, 9, 9, tzinfo=WIB)
    clock = sla_clock_start(
        actor=None, agency=agency, target_type="cases.case", target_id="7", allowance="5 hari kerja", at=start
    )
    return sla_clock_pause(
        actor=None,
        clock=clock,
        at=datetime(2026, 3, 10, 9, tzinfo=WIB),
        reason="Berkas kurang",
        pausable=True,
    )


@pytest.mark.parametrize(
    "name",
    [
        "admin:calendars_weeklyschedule_changelist",
        "admin:calendars_weeklyschedule_add",
        "admin:calendars_nonworkingday_changelist",
        "admin:calendars_nonworkingday_add",
        "admin:calendars_slaclock_changelist",
    ],
)
def test_each_page_renders_for_a_superuser(admin_client, clock, name):
    assert admin_client.get(reverse(name)).status_code == 200


def test_a_clock_page_shows_its_pause_reason_and_cannot_be_edited(admin_client, clock):
    response = admin_client.get(reverse("admin:calendars_slaclock_change", args=[clock.pk]))
    assert response.status_code == 200
    assert "Berkas kurang" in response.content.decode()
    assert not response.context["has_change_permission"]


def test_a_clock_page_shows_the_office_time_used_from_its_intervals(admin_client, clock):
    # Monday 09:00-16:00 less the break, then Tuesday 07:30-09:00: paused, so it no longer grows.
    response = admin_client.get(reverse("admin:calendars_slaclock_change", args=[clock.pk]))
    content = response.content.decode()
    assert "waktu terpakai" in content.lower()
    assert "7 j 30 m" in content


def test_an_agency_admin_sees_only_their_own_clocks(client, agency_admin, other_agency_admin, clock):
    client.force_login(other_agency_admin)
    response = client.get(reverse("admin:calendars_slaclock_changelist"))
    assert list(response.context["cl"].queryset) == []
    client.force_login(agency_admin)
    response = client.get(reverse("admin:calendars_slaclock_changelist"))
    assert list(response.context["cl"].queryset) == [clock]
