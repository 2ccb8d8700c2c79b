"""The SMS gateway posts each message (form or JSON) with the shared secret: it is stored and
handed to the intake once, however often it is posted; a delivery report updates our outbound
message; a wrong token is refused and nothing is stored."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from notifications.models import InboundMessageRecord, InboundStatus, OutboundStatus
from notifications.services import message_send
from tests.channels import SMS_SECRET
from tests.notifications import handlers

T0 = dt.datetime(2026, 11, 4, 2, 0, tzinfo=dt.UTC)

TOKEN = {"HTTP_X_PELAYAN_TOKEN": SMS_SECRET}


@pytest.fixture(autouse=True)
def gateway(settings):
    settings.PELAYAN_SMS_WEBHOOK_SECRET = SMS_SECRET
    settings.PELAYAN_INBOUND_HANDLER = "tests.notifications.handlers.record"
    handlers.handled.clear()


def sms(**extra) -> dict:
    return {"from": "0812-3456-7890", "to": "(0561) 736541", "text": "Pengaduan: bantuan belum cair",
            "id": "gw-1001", "timestamp": str(int(T0.timestamp())), **extra}  # fmt: skip


@pytest.mark.django_db
def test_a_posted_sms_is_handed_over_once_however_often_it_is_posted(client):
    first = client.post("/hooks/sms/", sms(), **TOKEN)
    second = client.post("/hooks/sms/", json.dumps(sms()), content_type="application/json", **TOKEN)

    assert (first.status_code, second.status_code) == (200, 200), first.content
    assert (first.json()["stored"], second.json()["stored"]) == (1, 0)
    assert first.json()["references"] == second.json()["references"] == ["REF-1"]
    [message] = handlers.handled
    assert (message.channel, message.sender, message.recipient, message.received_at, message.body) == (
        "sms", "+6281234567890", "+62561736541", T0, "Pengaduan: bantuan belum cair",
    )  # fmt: skip
    record = InboundMessageRecord.objects.get()
    assert (record.provider, record.provider_message_id, record.status) == (
        "sms-gateway",
        "gw-1001",
        InboundStatus.HANDLED,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("headers", [{}, {"HTTP_X_PELAYAN_TOKEN": "wrong"}])
def test_a_missing_or_wrong_token_is_refused(client, headers):
    answer = client.post("/hooks/sms/", sms(), **headers)

    assert answer.status_code == 403 and answer.json()["error"]["code"] == "token_invalid"
    assert InboundMessageRecord.objects.count() == 0


@pytest.mark.django_db
def test_a_message_without_a_sender_names_the_field(client):
    answer = client.post("/hooks/sms/", sms(**{"from": ""}), **TOKEN)

    assert answer.status_code == 400 and answer.json()["error"]["field"] == "from"


@pytest.mark.django_db
def test_a_delivery_report_marks_our_sms_delivered(agency, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sent = message_send(
            channel="sms", to="081234567890", body="Pengaduan Anda kami terima.", agency=agency
        )
    sent.refresh_from_db()
    assert sent.status == OutboundStatus.SENT

    answer = client.post("/hooks/sms/", {"id": sent.provider_message_id, "status": "delivered"}, **TOKEN)

    assert answer.status_code == 200 and answer.json()["statuses_matched"] == 1
    sent.refresh_from_db()
    assert sent.status == OutboundStatus.DELIVERED
