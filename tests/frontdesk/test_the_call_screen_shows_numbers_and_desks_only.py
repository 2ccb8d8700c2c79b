"""The TV in the waiting room: "Nomor A-002 ke Meja 2" in large type, the calls before it, how
many wait; refreshed by htmx polling; never a visitor's name; no inline script or style."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from frontdesk.models import ChecklistItem, EntrySource
from frontdesk.services import GuestForm, guest_entry_create, ticket_call_next, ticket_recall
from tests.frontdesk.conftest import counter, line, login


@pytest.mark.django_db
def test_the_latest_call_is_shown_big_with_its_desk_and_no_names(client, banten):
    officer = login("perkim-banten.front-office")
    protocol = tuple(ChecklistItem.objects.filter(agency=banten).values_list("pk", flat=True))
    for name in ("Ahmad Fauzi", "Budi Santoso", "Citra Dewi"):
        guest_entry_create(agency=banten, form=GuestForm(name=name, purpose="Konsultasi", line_id=line(banten, "A").pk,
                           checklist=protocol), source=EntrySource.DESK, officer=officer)  # fmt: skip
    first = ticket_call_next(counter=counter(banten, 1), actor=officer)
    ticket_call_next(counter=counter(banten, 2), actor=officer)

    page = client.get(reverse("frontdesk:call_screen", args=["perkim-banten"]))
    body = page.content.decode()
    assert page.status_code == 200
    assert 'hx-trigger="every 3s"' in body and "htmx.min.js" in body
    assert re.search(r"Nomor\s*<strong[^>]*>A-002</strong>\s*ke\s*<strong[^>]*>Meja 2</strong>", body)
    assert "A-001" in body and "1 nomor menunggu" in body
    assert not any(name in body for name in ("Ahmad", "Budi", "Citra"))
    assert "<script>" not in body and "style=" not in body

    ticket_recall(ticket=first, counter=counter(banten, 1), actor=officer, version=first.version)
    panel = client.get(reverse("frontdesk:call_screen_panel", args=["perkim-banten"])).content.decode()
    assert re.search(r"Nomor\s*<strong[^>]*>A-001</strong>\s*ke\s*<strong[^>]*>Meja 1</strong>", panel)
    assert "<html" not in panel


@pytest.mark.django_db
def test_an_unknown_agency_has_no_screen(client, banten):
    assert client.get(reverse("frontdesk:call_screen", args=["tidak-ada"])).status_code == 404
