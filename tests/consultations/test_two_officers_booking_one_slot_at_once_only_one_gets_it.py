"""Two officers accepting two requests for the same slot of the aula at the same moment: exactly
one gets the slot; the other is told the slot was just taken and their request stays undecided,
its case untouched. On PostgreSQL the loser's insert waits on the winner's unique index entry; on
SQLite the two writers are serialized. The same holds for one officer offered twice at once."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from accounts.services import membership_grant
from consultations.models import Booking, ConsultationRequest, RequestState, Room
from consultations.services import SlotTaken, consultation_decide
from standards.demo import load_demo
from standards.models import Agency, Service
from tests.consultations.conftest import MON, WIB, disposed_request, login

SLOT = dt.datetime(2026, 12, 1, 9, 30, tzinfo=WIB)


def _run_at_once(work, count: int) -> list[BaseException]:
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []

    def run(i: int) -> None:
        try:
            barrier.wait(timeout=10)
            work(i)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


@pytest.mark.django_db(transaction=True)
def test_exactly_one_of_two_officers_gets_the_aula_at_nine_thirty(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    load_demo(with_users=True)
    banten = Agency.objects.get(slug="perkim-banten")
    service = Service.objects.get(agency=banten, slug="konsultasi")
    second = get_user_model().objects.create_user(username="perkim-banten.petugas-2", password="x")
    membership_grant(actor=None, user=second, agency=banten, role_code="petugas-konsultasi")
    requests = [
        disposed_request(service),
        disposed_request(service, officer="perkim-banten.petugas-2"),
    ]
    officers = [login("perkim-banten.petugas-konsultasi"), second]
    aula = Room.objects.get(agency=banten, name="Aula")
    won: list[int] = []

    def decide(i: int) -> None:
        request = ConsultationRequest.objects.select_related("case").get(pk=requests[i].pk)
        consultation_decide(
            request=request, officer=officers[i], accept=True, version=request.case.version, mode="face_to_face",
            room=aula, starts_at=SLOT, contact_person="Narahubung", now=MON + dt.timedelta(hours=1),
        )  # fmt: skip
        won.append(i)

    errors = _run_at_once(decide, 2)
    assert len(won) == 1 and len(errors) == 1
    assert isinstance(errors[0], SlotTaken) and set(errors[0].fields) == {"starts_at"}
    assert Booking.objects.filter(room=aula, starts_at=SLOT).count() == 1
    loser = ConsultationRequest.objects.select_related("case").get(pk=requests[1 - won[0]].pk)
    assert loser.state == RequestState.DISPOSED and loser.case.step == "surat-4"
    assert not loser.bookings.exists()
