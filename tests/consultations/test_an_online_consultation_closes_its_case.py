"""Banten: an online consultation has no visitor at the front office. When the officer closes it,
the front office's *datang* and *antar* are taken for it, recorded with the officer and the
reason, so the case ends completed, its clocks stop (met) and it leaves the front office's inbox;
the check-in list never showed it as a visitor to expect."""

from __future__ import annotations

import datetime as dt

import pytest

from audit.models import AuditAction, AuditEvent
from calendars.models import SlaClock, SlaPhase, SlaState
from cases.models import CaseEventKind, CaseStatus
from cases.selectors import inbox_for_user
from cases.services import ActionForbidden, Actor, StandIn, case_act
from consultations.models import Mode, RequestState, Room
from consultations.selectors import appointments_for_day
from consultations.services import consultation_close, consultation_decide, slots_free
from tests.consultations.conftest import MON, WIB, disposed_request, login

OFFICER = "perkim-banten.petugas-konsultasi"
FRONT_OFFICE = "perkim-banten.front-office"


def _accepted_online(service):
    request = disposed_request(service)
    officer = login(OFFICER)
    decided = MON + dt.timedelta(hours=1)
    slot = slots_free(request=request, officer=officer, room=None, now=decided)[0]
    consultation_decide(
        request=request, officer=officer, accept=True, version=request.case.version, mode=Mode.ONLINE,
        starts_at=slot, meeting_link="https://meet.example.id/perkim-rina", contact_person="Andi, 0812 1111 2222",
        now=decided,
    )  # fmt: skip
    request.refresh_from_db()
    return request, slot


@pytest.mark.django_db
def test_closing_an_online_consultation_completes_its_case_and_stops_its_clocks(banten, banten_service):
    request, slot = _accepted_online(banten_service)
    case = request.case
    assert case.step == "surat-5"
    front_office = login(FRONT_OFFICE)
    assert case in inbox_for_user(user=front_office)
    assert appointments_for_day(agency=banten, day=slot.astimezone(WIB).date()) == []

    closed_at = slot + dt.timedelta(minutes=50)
    consultation_close(
        request=request, officer=login(OFFICER), notes="Dibahas syarat program bedah rumah",
        outcome="Usulan diajukan Januari", now=closed_at,
    )  # fmt: skip

    request.refresh_from_db()
    case = request.case
    case.refresh_from_db()
    assert request.state == RequestState.CLOSED
    assert (case.status, case.step, case.ended_at) == (CaseStatus.COMPLETED, "", closed_at)
    assert case.due_at is None
    clocks = {c.step_id: c for c in SlaClock.objects.filter(target_id=str(case.pk))}
    assert clocks["pelaksanaan-konsultasi"].stopped_at == closed_at
    assert all(c.phase == SlaPhase.STOPPED and c.state == SlaState.MET for c in clocks.values())
    assert case not in inbox_for_user(user=front_office)

    taken = list(
        case.events.filter(kind=CaseEventKind.MOVED, from_step__in=["surat-5", "surat-6"]).order_by("seq")
    )
    assert [e.transition for e in taken] == ["datang", "antar"]
    assert all(e.actor == login(OFFICER) for e in taken)
    assert all(e.note == "Konsultasi daring: tanpa kedatangan di front office" for e in taken)
    assert all(e.data["stand_in"] == StandIn.ONLINE_CONSULTATION for e in taken)
    audited = AuditEvent.objects.filter(
        action=AuditAction.CASE_ACTION_TAKEN, data__stand_in="online_consultation"
    )
    assert audited.count() == 2


@pytest.mark.django_db
def test_the_officer_cannot_take_the_front_office_step_outside_the_close(banten_service):
    request, _slot = _accepted_online(banten_service)
    with pytest.raises(ActionForbidden):
        case_act(
            case=request.case, actor=Actor(login(OFFICER)), action="datang", version=request.case.version
        )


@pytest.mark.django_db
def test_closing_a_face_to_face_consultation_leaves_the_front_office_its_steps(banten, banten_service):
    request = disposed_request(banten_service)
    officer = login(OFFICER)
    decided = MON + dt.timedelta(hours=1)
    aula = Room.objects.get(agency=banten, name="Aula")
    slot = slots_free(request=request, officer=officer, room=aula, now=decided)[0]
    consultation_decide(
        request=request, officer=officer, accept=True, version=request.case.version, mode=Mode.FACE_TO_FACE,
        starts_at=slot, room=aula, contact_person="Andi", now=decided,
    )  # fmt: skip
    request.refresh_from_db()
    assert [b.request_id for b in appointments_for_day(agency=banten, day=slot.astimezone(WIB).date())] == [
        request.pk
    ]
    consultation_close(request=request, officer=officer, notes="Catatan", outcome="Hasil", now=slot)
    request.case.refresh_from_db()
    assert (request.case.status, request.case.step) == (CaseStatus.OPEN, "surat-5")
