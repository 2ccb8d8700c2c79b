"""Kalbar, end to end: a complaint arrives through the WhatsApp Cloud API webhook, the Pejabat
Pengelola Pengaduan tiers it ringan (due 3 working hours after receipt), re-tiers it normatif (due
5 working days after receipt), and the team's answer goes back by WhatsApp through the outbox."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from cases.models import Case
from complaints.models import Complaint
from complaints.services import complaint_act, complaint_tier_set
from notifications.models import InboundMessageRecord, InboundStatus, OutboundMessage, OutboundStatus
from notifications.selectors import whatsapp_window_open
from tests.channels import wa_payload, wa_post
from tests.complaints.conftest import T0, WIB

WAMID = "wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjBDMEFGRDE3"


@pytest.mark.django_db
def test_a_whatsapp_complaint_is_tiered_retiered_and_answered_by_whatsapp(
    kalbar, officer, channels, client, django_capture_on_commit_callbacks
):
    answer = wa_post(
        client, wa_payload(wamid=WAMID, sender="6281234567890", text="Bantuan sosial belum cair.", at=T0)
    )

    assert answer.status_code == 200, answer.content
    complaint = Complaint.objects.select_related("case").get()
    assert answer.json()["references"] == [complaint.reference]
    assert (complaint.agency, complaint.channel, complaint.reply_address, complaint.name) == (
        kalbar, "whatsapp", "+6281234567890", "Siti Aminah",
    )  # fmt: skip
    assert complaint.received_at == T0
    assert complaint.content == "Bantuan sosial belum cair."
    record = InboundMessageRecord.objects.get()
    assert (record.provider_message_id, record.status, record.reference) == (
        WAMID, InboundStatus.HANDLED, complaint.reference,
    )  # fmt: skip
    # The receipt with the tracking number goes back over WhatsApp too.
    receipt = OutboundMessage.objects.get(case=complaint.case)
    assert (receipt.channel, receipt.to, receipt.dedupe_key) == (
        "whatsapp", "+6281234567890", f"complaint-receipt:{complaint.pk}",
    )  # fmt: skip
    assert complaint.reference in receipt.body and "Nomor Buku Pengaduan: 1/2026" in receipt.body
    assert "Diselesaikan paling lambat: " in receipt.body  # the widest tier until triage
    # The citizen's message opens WhatsApp's 24-hour window for free-text answers.
    assert whatsapp_window_open(number="+6281234567890", now=T0 + dt.timedelta(hours=23))
    assert not whatsapp_window_open(number="+6281234567890", now=T0 + dt.timedelta(hours=25))

    pejabat = officer("kesra-kalbar.pejabat-pengaduan")
    complaint_tier_set(complaint=complaint, actor=pejabat, tier="ringan", now=T0 + dt.timedelta(minutes=10))
    case = Case.objects.get(pk=complaint.case_id)
    assert case.due_at.astimezone(WIB) == dt.datetime(2026, 11, 4, 12, 0, tzinfo=WIB)

    complaint_tier_set(complaint=complaint, actor=pejabat, tier="normatif", now=T0 + dt.timedelta(hours=1))
    case.refresh_from_db()
    # "5 hari kerja" is due at the close of office on the 5th working day after receipt
    # (docs/time-limits.md): Thu, Fri, Mon, Tue, Wed → Wednesday 11 November, 16:00.
    assert case.due_at.astimezone(WIB) == dt.datetime(2026, 11, 11, 16, 0, tzinfo=WIB)

    moved = complaint_act(complaint=complaint, actor=pejabat, action="teruskan-tim", version=case.version)
    team = officer("kesra-kalbar.tim-pengaduan")
    with django_capture_on_commit_callbacks(execute=True):
        done = complaint_act(
            complaint=moved, actor=team, action="jawab", version=moved.case.version,
            answer="Bantuan dicairkan pada 13 November 2026.",
        )  # fmt: skip

    assert done.answered_via == "whatsapp"
    sent = OutboundMessage.objects.get(case=complaint.case, dedupe_key=f"complaint-answer:{complaint.pk}")
    assert (sent.channel, sent.to, sent.status) == ("whatsapp", "+6281234567890", OutboundStatus.SENT)
    written = [json.loads(p.read_text()) for p in channels.PELAYAN_WHATSAPP_OUTBOX_DIR.glob("*.json")]
    assert [w["payload"]["to"] for w in written] == ["6281234567890"]

    # WhatsApp's delivery report for the answer comes back on the same webhook.
    report = wa_payload(
        wamid="", sender="", text="", at=T0,
        statuses=[{"id": sent.provider_message_id, "status": "delivered", "timestamp": "1",
                   "recipient_id": "6281234567890"}],
    )  # fmt: skip
    answer = wa_post(client, report)
    assert answer.status_code == 200 and answer.json()["statuses_matched"] == 1
    sent.refresh_from_db()
    assert sent.status == OutboundStatus.DELIVERED
    assert Complaint.objects.count() == 1 and InboundMessageRecord.objects.count() == 1
