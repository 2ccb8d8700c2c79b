"""Two officers acting on the same version of a case at once: exactly one wins, nothing half-done."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from cases.models import Case
from cases.services import Actor, Applicant, Conflict, case_act, case_create
from standards.demo import load_demo
from standards.models import Service
from tests.cases.conftest import login


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_actions_on_one_version_let_exactly_one_through():
    load_demo(with_users=True)
    service = Service.objects.get(agency__slug="kec-kedopok", slug="surat-pengantar-izin-keramaian")
    case = case_create(
        service=service, actor=login("kec-kedopok.kedopok.operator-kelurahan"),
        applicant=Applicant(name="Panitia"), channel="website",
    ).case  # fmt: skip
    officer = login("kec-kedopok.operator-kecamatan")
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def act(action: str) -> None:
        try:
            barrier.wait(timeout=10)
            case_act(case=Case.objects.get(pk=case.pk), actor=Actor(officer), action=action, version=case.version,
                     missing=["kk"] if action == "kembalikan" else (), note="")  # fmt: skip
            outcomes.append("ok")
        except Conflict:
            outcomes.append("conflict")
        finally:
            connection.close()

    threads = [threading.Thread(target=act, args=(a,)) for a in ("lengkap", "kembalikan")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["conflict", "ok"]
    case.refresh_from_db()
    assert case.version == 2
    assert case.step in {"ajukan-camat", "ajukan"}
    # The loser left no trace on the timeline: one submission, one move.
    assert case.events.filter(kind__in=["moved", "returned"]).count() == 2


@pytest.mark.django_db
def test_an_action_on_an_old_version_changes_nothing(
    demo, kedopok_service, kelurahan_operator, kecamatan_operator
):
    case = case_create(
        service=kedopok_service,
        actor=kelurahan_operator,
        applicant=Applicant(name="Panitia"),
        channel="website",
    ).case
    case_act(case=case, actor=Actor(kecamatan_operator), action="lengkap", version=1)

    with pytest.raises(Conflict) as error:
        case_act(case=case, actor=Actor(kecamatan_operator), action="kembalikan", version=1, missing=["kk"])

    assert error.value.fields == {"version": "stale"}
    case.refresh_from_db()
    assert (case.step, case.version) == ("ajukan-camat", 2)
