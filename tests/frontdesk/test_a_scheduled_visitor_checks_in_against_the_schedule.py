"""Check-in of a scheduled visitor goes through the consultations app's schedule
(``appointments_for_day`` / ``appointment_check_in``). Where that app is not installed the page
says so plainly and points to the walk-in guest book instead of showing an empty list."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.frontdesk.conftest import login


@pytest.mark.django_db
def test_without_the_schedule_the_page_says_it_is_kept_elsewhere(client, banten, monkeypatch):
    # The front desk works without the consultations app; stand in for an installation without it.
    monkeypatch.setattr("frontdesk.appointments.schedule_available", lambda: False)
    client.force_login(login("perkim-banten.front-office"))
    page = client.get(reverse("frontdesk:check_in", args=["perkim-banten"]))
    assert page.status_code == 200
    assert "Jadwal konsultasi tidak dikelola di instalasi ini." in page.content.decode()
