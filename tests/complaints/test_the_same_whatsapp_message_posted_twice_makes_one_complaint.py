"""WhatsApp retries a webhook until it is answered: the same provider message id (wamid) posted
twice is one stored message and one complaint."""

from __future__ import annotations

import pytest

from complaints.models import Complaint
from notifications.models import InboundMessageRecord
from tests.channels import wa_payload, wa_post
from tests.complaints.conftest import T0


@pytest.mark.django_db
def test_the_same_wamid_posted_twice_is_one_complaint(kalbar, channels, client):
    payload = wa_payload(wamid="wamid.TWICE001", sender="6281234567890", text="Bantuan belum cair", at=T0)

    first = wa_post(client, payload)
    second = wa_post(client, payload)

    assert (first.status_code, second.status_code) == (200, 200)
    assert (first.json()["stored"], second.json()["stored"]) == (1, 0)
    assert first.json()["references"] == second.json()["references"]
    assert Complaint.objects.count() == 1 and InboundMessageRecord.objects.count() == 1
