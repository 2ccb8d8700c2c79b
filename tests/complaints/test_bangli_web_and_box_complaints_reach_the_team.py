"""Bangli: one complaint from the website (online track) and one slip from the complaint box
(manual track) both reach the Tim Pengaduan's inbox and both are in the Buku Pengaduan; the
officer sets a target inside 1–60 working days, the maximum stays the cap."""

from __future__ import annotations

import datetime as dt

import pytest

from calendars.selectors import calendar_for
from cases.models import Case
from cases.selectors import inbox_for_user
from cases.services import InvalidInput
from complaints.models import Complaint
from complaints.selectors import register_rows
from complaints.services import (
    Upload,
    box_opening_record,
    complaint_act,
    complaint_create,
    complaint_tier_set,
)
from pelayan.lib.durations import Duration, Unit
from tests.complaints.conftest import PDF


def _to_team(complaint: Complaint, receiver) -> Case:
    moved = complaint_act(
        complaint=complaint, actor=receiver, action="teruskan", version=complaint.case.version
    )
    return moved.case


@pytest.mark.django_db
def test_a_web_complaint_and_a_box_slip_both_reach_the_team_and_the_register(bangli, officer):
    web = complaint_create(
        agency=bangli,
        kind="pengaduan",
        channel="website",
        content="Izin usaha saya belum terbit setelah 2 bulan.",
        name="I Made Sudarsana",
        address="Jl. Merdeka 1, Bangli",
        email="made@example.id",
        files=[Upload("ktp.pdf", PDF), Upload("bukti.pdf", PDF)],
    )
    petugas = officer("dpmptsp-bangli.petugas-pengaduan")
    opening = box_opening_record(agency=bangli, actor=petugas, opened_at=web.received_at, slips=1)
    slip = complaint_create(
        agency=bangli,
        kind="saran",
        channel="complaint_box",
        content="Mohon disediakan kursi tunggu tambahan.",
        anonymous=True,
        created_by=petugas,
        received_at=opening.opened_at,
    )
    assert (web.case.track, slip.case.track) == ("online", "manual")
    assert web.pin and len(web.pin) == 6
    assert [f.name for f in web.files.all()] == ["ktp.pdf", "bukti.pdf"]

    _to_team(web, officer("dpmptsp-bangli.operator-it"))
    _to_team(slip, petugas)

    team = officer("dpmptsp-bangli.tim-pengaduan")
    assert {c.pk for c in inbox_for_user(user=team)} == {web.case_id, slip.case_id}
    rows = register_rows(agency=bangli, year=web.register_year)
    assert [(r["number"], r["channel"], r["name"]) for r in rows] == [
        (1, "Daring (situs web)", "I Made Sudarsana"),
        (2, "Kotak pengaduan", ""),
    ]
    assert slip.name == "" and slip.case.applicant_name == "Anonim"


@pytest.mark.django_db
def test_the_team_sets_a_target_inside_the_range_and_the_maximum_stays_the_cap(bangli, officer):
    complaint = complaint_create(
        agency=bangli, kind="pengaduan", channel="website", content="Pelayanan lambat.", name="Wayan"
    )
    case = _to_team(complaint, officer("dpmptsp-bangli.operator-it"))
    team = officer("dpmptsp-bangli.tim-pengaduan")

    with pytest.raises(InvalidInput) as refused:
        complaint_tier_set(complaint=complaint, actor=team, tier="penyelesaian", target=61)
    assert refused.value.fields == {"target": "target_out_of_range"}

    complaint_tier_set(complaint=complaint, actor=team, tier="penyelesaian", target=10)
    case.refresh_from_db()
    calendar = calendar_for(agency=bangli, service=case.service)
    assert case.due_at == calendar.add(case.received_at, Duration(10, Unit.WORKING_DAY))
    assert case.due_at < calendar.add(case.received_at, Duration(60, Unit.WORKING_DAY))
    complaint.refresh_from_db()
    assert (complaint.tier, complaint.tier_target) == ("penyelesaian", 10)
    assert case.due_at - case.received_at > dt.timedelta(days=10)
