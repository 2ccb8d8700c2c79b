"""Kalbar: a visitor signing the guest book at the kiosk on Friday 27 November 2026 at 16:20 WIB
for a consultation with Bagian Pelayanan Dasar. "Administrasi: 15 Menit" runs 10 minutes until
Friday's 16:30 closing and 5 from Monday's 07:30 opening: due 07:35 on Monday; the case belongs
to Pelayanan Dasar from the start and reaches that bagian when the Petugas Informasi forwards it."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from calendars.models import SlaClock
from cases.services import Actor, case_act
from frontdesk.models import EntrySource
from frontdesk.services import GuestForm, guest_entry_create, kiosk_device_activate, kiosk_device_create
from tests.frontdesk.conftest import line, login

WIB = ZoneInfo("Asia/Jakarta")


@pytest.mark.django_db
def test_the_administration_is_due_monday_at_seven_thirty_five_and_goes_to_pelayanan_dasar(kalbar):
    device, code = kiosk_device_create(
        agency=kalbar, actor=login("kesra-kalbar.admin"), name="Tablet meja informasi",
        acts_as=login("kesra-kalbar.petugas-informasi"),
    )  # fmt: skip
    device, _token = kiosk_device_activate(code=code)
    stated = dt.datetime(2026, 11, 27, 16, 20, tzinfo=WIB)
    visit = guest_entry_create(
        agency=kalbar,
        form=GuestForm(name="Yohanes", institution="Yayasan Peduli", purpose="Konsultasi bantuan sosial",
                       line_id=line(kalbar, "A").pk, unit_slug="pelayanan-dasar"),
        source=EntrySource.KIOSK, officer=device.acts_as, device=device, now=stated,
    )  # fmt: skip
    case = visit.case
    assert case.step == "terima-informasi"
    assert case.unit.name == "Bagian Pelayanan Dasar"
    assert visit.entry.unit == case.unit
    clock = SlaClock.objects.get(target_id=str(case.pk), step_id="administrasi")
    assert clock.due_at.astimezone(WIB) == dt.datetime(2026, 11, 30, 7, 35, tzinfo=WIB)

    case = case_act(
        case=case, actor=Actor(login("kesra-kalbar.petugas-informasi")), action="teruskan", version=case.version,
        now=dt.datetime(2026, 11, 30, 7, 33, tzinfo=WIB),
    )  # fmt: skip
    assert case.step == "konsultasi"
    assert case.unit.slug == "pelayanan-dasar"
    clock.refresh_from_db()
    assert clock.state == "met"


@pytest.mark.django_db
def test_a_bagian_the_service_does_not_route_to_is_refused_on_its_field(kalbar):
    from frontdesk.services import FrontdeskError

    with pytest.raises(FrontdeskError) as refused:
        guest_entry_create(
            agency=kalbar,
            form=GuestForm(name="Yohanes", purpose="Konsultasi", line_id=line(kalbar, "A").pk, unit_slug="sekretariat"),
            source=EntrySource.DESK, officer=login("kesra-kalbar.petugas-informasi"),
        )  # fmt: skip
    assert set(refused.value.fields) == {"unit"}
