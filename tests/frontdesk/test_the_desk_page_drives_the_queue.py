"""The desk page in the workspace: the officer picks their desk, calls the next number, serves
and closes it; the buttons post to the services and say what happened."""

from __future__ import annotations

import pytest
from django.urls import reverse

from frontdesk.models import Ticket, TicketStatus
from frontdesk.services import ticket_take
from tests.frontdesk.conftest import counter, line, login


@pytest.mark.django_db
def test_pick_a_desk_call_serve_and_finish(client, banten):
    ticket_take(line=line(banten, "A"))
    client.force_login(login("perkim-banten.front-office"))
    desk_url = reverse("frontdesk:desk", args=["perkim-banten"])
    assert client.get(reverse("frontdesk:desk_home")).headers["Location"] == desk_url
    page = client.post(reverse("frontdesk:call_next", args=["perkim-banten"]), follow=True)
    assert "Pilih meja Anda dulu." in page.content.decode()
    client.post(reverse("frontdesk:desk_counter", args=["perkim-banten"]), {"counter": counter(banten, 2).pk})
    page = client.post(reverse("frontdesk:call_next", args=["perkim-banten"]), follow=True)
    assert "Nomor A-001 dipanggil ke Meja 2." in page.content.decode()
    ticket = Ticket.objects.get()
    action_url = reverse("frontdesk:ticket_action", args=["perkim-banten", ticket.pk])
    client.post(action_url, {"action": "serve", "version": ticket.version})
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.SERVING
    page = client.post(action_url, {"action": "finish", "version": ticket.version - 1}, follow=True)
    assert "sudah berubah" in page.content.decode()
    client.post(action_url, {"action": "finish", "version": ticket.version})
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.DONE


@pytest.mark.django_db
def test_officers_without_a_front_office_role_have_no_desk(client, banten):
    client.force_login(login("perkim-banten.petugas-konsultasi"))
    assert client.get(reverse("frontdesk:desk", args=["perkim-banten"])).status_code == 404
    assert client.get(reverse("frontdesk:desk_home")).status_code == 403
