"""Banten: a letter recorded by the front office is disposed by the pimpinan to a named officer."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from cases.models import Case
from tests.workspace.conftest import login, signed_in


@pytest.mark.django_db
def test_the_pimpinan_names_the_consultation_officer_who_then_has_the_case(demo):
    front = signed_in(login("perkim-banten.front-office"))
    two_hours_ago = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)).astimezone(ZoneInfo("Asia/Jakarta"))
    created = front.post(
        reverse("workspace:case_new", args=["perkim-banten", "konsultasi"]),
        {
            "track": "surat",
            "channel": "letter",
            "received_at": two_hours_ago.strftime("%Y-%m-%dT%H:%M"),
            "name": "PT Griya Banten",
        },
    )
    assert created.status_code == 200, created.content.decode()[:3000]
    case = Case.objects.get()
    # The letter's arrival, not the moment it was typed in, is when the case was received.
    assert abs(case.received_at - two_hours_ago) < dt.timedelta(minutes=1)
    front.post(
        reverse("workspace:case_action", args=[case.display_number]),
        {"action": "terima", "version": case.version},
    )
    case.refresh_from_db()

    pimpinan = signed_in(login("perkim-banten.pimpinan"))
    officer = login("perkim-banten.petugas-konsultasi")
    page = pimpinan.get(reverse("workspace:case", args=[case.display_number])).content.decode()
    assert 'name="assignee"' in page and f'value="{officer.pk}"' in page
    response = pimpinan.post(
        reverse("workspace:case_action", args=[case.display_number]),
        {"action": "disposisi", "version": case.version, "assignee": officer.pk},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.assignee == officer
    inbox = signed_in(officer).get(reverse("workspace:inbox")).content.decode()
    assert case.display_number in inbox
