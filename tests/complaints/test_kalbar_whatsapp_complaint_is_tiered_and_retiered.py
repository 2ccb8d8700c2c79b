"""Kalbar: a complaint by WhatsApp, tiered ringan (3 hours), then re-tiered normatif (5 working
days); the due moment is counted from receipt each time."""

from __future__ import annotations

import datetime as dt

import pytest

from calendars.selectors import calendar_for
from cases.models import Case
from cases.selectors import inbox_for_user
from cases.services import InvalidInput
from complaints.inbound import handle_inbound
from complaints.models import Complaint
from complaints.services import complaint_act, complaint_tier_set
from pelayan.lib.durations import Duration, Unit
from pelayan.lib.inbound import InboundMessage
from tests.complaints.conftest import T0, WIB


def whatsapp(message_id: str = "wamid.HBgM001", body: str = "Bantuan belum cair") -> InboundMessage:
    return InboundMessage(
        channel="whatsapp",
        provider="whatsapp-cloud",
        provider_message_id=message_id,
        sender="+6281234567890",
        recipient="+62 858-2873-5503",
        body=body,
        received_at=T0,
        sender_name="Siti Aminah",
    )


@pytest.mark.django_db
def test_it_tiers_a_whatsapp_complaint_ringan_then_recomputes_the_due_moment_for_normatif(kalbar, officer):
    reference = handle_inbound(whatsapp())
    complaint = Complaint.objects.select_related("case").get()
    assert reference == complaint.reference
    assert (complaint.agency, complaint.channel, complaint.reply_address) == (
        kalbar,
        "whatsapp",
        "+6281234567890",
    )
    assert complaint.case.step == "terima"
    pejabat = officer("kesra-kalbar.pejabat-pengaduan")
    assert list(inbox_for_user(user=pejabat)) == [complaint.case]

    complaint_tier_set(complaint=complaint, actor=pejabat, tier="ringan", now=T0 + dt.timedelta(minutes=10))
    case = Case.objects.get(pk=complaint.case_id)
    calendar = calendar_for(agency=kalbar, service=case.service)
    three_hours = calendar.add(T0, Duration(3, Unit.HOUR))
    assert case.due_at == three_hours
    assert three_hours.astimezone(WIB) == dt.datetime(2026, 11, 4, 12, 0, tzinfo=WIB)

    complaint_tier_set(complaint=complaint, actor=pejabat, tier="normatif", now=T0 + dt.timedelta(minutes=20))
    case.refresh_from_db()
    assert case.due_at == calendar.add(T0, Duration(5, Unit.WORKING_DAY))
    assert case.due_at.astimezone(WIB).date() == dt.date(2026, 11, 11)


@pytest.mark.django_db
def test_the_same_whatsapp_message_delivered_twice_makes_one_complaint(kalbar):
    first = handle_inbound(whatsapp())
    second = handle_inbound(whatsapp())

    assert first == second
    assert Complaint.objects.count() == 1
    assert Complaint.objects.get().register_number == 1


@pytest.mark.django_db
def test_the_pejabat_cannot_pass_a_complaint_to_the_team_before_tiering_it(kalbar, officer):
    handle_inbound(whatsapp())
    complaint = Complaint.objects.select_related("case").get()
    pejabat = officer("kesra-kalbar.pejabat-pengaduan")

    with pytest.raises(InvalidInput) as refused:
        complaint_act(
            complaint=complaint, actor=pejabat, action="teruskan-tim", version=complaint.case.version
        )
    assert refused.value.fields == {"tier": "required"}

    complaint_tier_set(complaint=complaint, actor=pejabat, tier="ringan", now=T0 + dt.timedelta(minutes=5))
    complaint.case.refresh_from_db()
    moved = complaint_act(
        complaint=complaint, actor=pejabat, action="teruskan-tim", version=complaint.case.version
    )
    assert moved.case.step == "tim"
    assert list(inbox_for_user(user=officer("kesra-kalbar.tim-pengaduan"))) == [moved.case]
