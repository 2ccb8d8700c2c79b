"""A provider that delivers the same message twice at the same moment (two webhook retries, two
pollers) still makes one stored message and one complaint: the second delivery waits at the
unique constraint and returns the first's record."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from complaints.models import Complaint
from notifications.models import InboundMessageRecord
from notifications.services import inbound_receive
from pelayan.lib.inbound import InboundMessage
from tests.complaints.conftest import T0

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")


@pytest.mark.django_db(transaction=True)
def test_eight_deliveries_of_one_wamid_at_once_make_one_complaint(demo):
    message = InboundMessage(
        channel="whatsapp", provider="whatsapp-cloud", provider_message_id="wamid.ATONCE",
        sender="+6281234567890", recipient="+6285828735503", body="Bantuan belum cair",
        received_at=T0, sender_name="Siti",
    )  # fmt: skip
    errors: list[BaseException] = []
    created: list[bool] = []
    start = threading.Barrier(8)

    def deliver():
        try:
            start.wait()
            created.append(inbound_receive(message=message).created)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=deliver) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(created) == [False] * 7 + [True]
    assert InboundMessageRecord.objects.count() == 1
    assert Complaint.objects.count() == 1
