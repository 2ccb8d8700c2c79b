"""A complaint past its time limit is marked in the inbox of the supervisor the standard names."""

from __future__ import annotations

import datetime as dt

import pytest

from calendars.services import sla_clocks_refresh_due
from complaints.inbound import handle_inbound
from complaints.models import Complaint
from complaints.selectors import escalations_for_user
from complaints.services import complaint_tier_set, complaints_escalate
from pelayan.lib.inbound import InboundMessage
from tests.complaints.conftest import T0


@pytest.mark.django_db
def test_a_breached_ringan_complaint_is_marked_for_the_pejabat_once(kalbar, officer):
    handle_inbound(
        InboundMessage(
            channel="whatsapp", provider="whatsapp-cloud", provider_message_id="wamid.X", sender="+6281111111111",
            recipient="085828735503", body="Tolong", received_at=T0,
        )
    )  # fmt: skip
    complaint = Complaint.objects.get()
    pejabat = officer("kesra-kalbar.pejabat-pengaduan")
    complaint_tier_set(complaint=complaint, actor=pejabat, tier="ringan", now=T0 + dt.timedelta(minutes=1))

    sla_clocks_refresh_due(now=T0 + dt.timedelta(days=1))
    assert complaints_escalate() == 1
    assert complaints_escalate() == 0
    marks = list(escalations_for_user(user=pejabat))
    assert [(m.complaint_id, m.state) for m in marks] == [(complaint.pk, "breached")]
    assert list(escalations_for_user(user=officer("kesra-kalbar.staf"))) == []
