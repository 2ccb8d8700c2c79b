"""The procedures of Banten, Kalbar and Bangli run through every track as their standards write them."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from calendars.models import SlaClock
from cases.models import CaseStatus
from cases.services import Actor, Applicant, InvalidInput, case_act, case_create
from standards.models import Service
from tests.cases.conftest import login

WIB = ZoneInfo("Asia/Jakarta")
T0 = dt.datetime(2026, 11, 4, 9, 0, tzinfo=WIB)  # a Wednesday


def run(case, *moves):
    for minute, username, action, extra in moves:
        case = case_act(
            case=case, actor=Actor(login(username)), action=action, version=case.version,
            now=T0 + dt.timedelta(minutes=minute), **extra,
        )  # fmt: skip
    return case


def clocks(case):
    return dict(SlaClock.objects.filter(target_id=str(case.pk)).values_list("step_id", "state"))


@pytest.mark.django_db
def test_banten_answers_a_letter_within_a_day_and_consults_within_three(demo):
    service = Service.objects.get(agency__slug="perkim-banten", slug="konsultasi")
    case = case_create(
        service=service, actor=login("perkim-banten.front-office"),
        applicant=Applicant(name="LSM Rumah Layak", email="lsm@example.org"), channel="letter",
        received_at=T0 - dt.timedelta(minutes=30), now=T0,
    ).case  # fmt: skip
    assert (case.track, case.step) == ("surat", "surat-2")
    case = run(
        case,
        (5, "perkim-banten.front-office", "terima", {}),
        (60, "perkim-banten.pimpinan", "disposisi", {"assignee": login("perkim-banten.petugas-konsultasi")}),
        (120, "perkim-banten.petugas-konsultasi", "setujui", {}),
    )
    assert case.step == "surat-5"
    assert clocks(case) == {"surat-jawaban": "met", "pelaksanaan-konsultasi": "on_track"}
    case = run(
        case,
        (600, "perkim-banten.front-office", "datang", {}),
        (605, "perkim-banten.front-office", "antar", {}),
    )
    assert case.status == CaseStatus.COMPLETED
    assert clocks(case) == {"surat-jawaban": "met", "pelaksanaan-konsultasi": "met"}


@pytest.mark.django_db
def test_banten_brings_a_walk_in_to_an_officer_within_an_hour(demo):
    service = Service.objects.get(agency__slug="perkim-banten", slug="konsultasi")
    case = case_create(
        service=service, actor=login("perkim-banten.front-office"), applicant=Applicant(name="Budi"),
        channel="in_person", now=T0,
    ).case  # fmt: skip
    assert (case.track, case.step) == ("hadir-langsung", "hadir-b")
    case = run(
        case,
        (10, "perkim-banten.pimpinan", "disposisi", {}),
        (20, "perkim-banten.front-office", "diterima", {}),
        (75, "perkim-banten.front-office", "antar", {}),
    )
    # Brought to the officer 75 minutes after stating the purpose: the one-hour promise was broken.
    assert clocks(case) == {"hadir-langsung": "breached"}
    case = run(case, (120, "perkim-banten.petugas-konsultasi", "selesai", {}))
    assert case.status == CaseStatus.COMPLETED


@pytest.mark.django_db
def test_banten_takes_no_letter_on_the_walk_in_track(demo):
    service = Service.objects.get(agency__slug="perkim-banten", slug="konsultasi")
    with pytest.raises(InvalidInput) as error:
        case_create(
            service=service, actor=login("perkim-banten.front-office"), applicant=Applicant(name="Budi"),
            channel="letter", track="hadir-langsung", now=T0,
        )  # fmt: skip
    assert error.value.fields == {"channel": "not_for_track"}


@pytest.mark.django_db
def test_kalbar_routes_a_consultation_to_one_of_its_three_bagian(demo):
    service = Service.objects.get(agency__slug="kesra-kalbar", slug="pelayanan-konsultasi")
    case = case_create(
        service=service, actor=login("kesra-kalbar.petugas-informasi"),
        applicant=Applicant(name="Yayasan Sejahtera", institution="Yayasan"), channel="in_person", now=T0,
    ).case  # fmt: skip
    # Coming to the desk, stating the purpose and signing the guest book are the submission.
    assert case.step == "terima-informasi"
    with pytest.raises(InvalidInput) as error:
        run(case, (5, "kesra-kalbar.petugas-informasi", "teruskan", {}))
    assert error.value.fields == {"unit": "required"}
    case = run(case, (10, "kesra-kalbar.petugas-informasi", "teruskan", {"unit": "pelayanan-dasar"}))
    assert (case.step, case.unit.slug) == ("konsultasi", "pelayanan-dasar")
    assert clocks(case) == {"administrasi": "met"}
    from cases.services import ActionForbidden

    with pytest.raises(ActionForbidden):
        run(case, (30, "kesra-kalbar.bina-mental-spiritual.staf", "selesai", {}))
    case = run(case, (40, "kesra-kalbar.pelayanan-dasar.staf", "selesai", {}))
    assert case.status == CaseStatus.COMPLETED


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("channel", "receiver", "first"),
    [
        ("in_person", "dpmptsp-bangli.petugas-pengaduan", "manual-terima"),
        ("email", "dpmptsp-bangli.operator-it", "online-terima"),
    ],
)
def test_bangli_runs_manual_and_online_complaints_through_the_team(demo, channel, receiver, first):
    service = Service.objects.get(agency__slug="dpmptsp-bangli", slug="pengaduan-masyarakat")
    case = case_create(
        service=service, actor=login(receiver), applicant=Applicant(name="Wayan"), channel=channel, now=T0
    ).case
    assert case.step == first
    case = run(
        case,
        (30, receiver, "teruskan", {}),
        (60, "dpmptsp-bangli.tim-pengaduan", "identifikasi", {}),
        (120, "dpmptsp-bangli.tim-pengaduan", "bahas", {}),
        (180, "dpmptsp-bangli.tim-pengaduan", "sampaikan", {}),
    )
    assert case.status == CaseStatus.COMPLETED
    assert clocks(case) == {"penyelesaian": "met"}


@pytest.mark.django_db
def test_a_citizen_may_complain_online_to_bangli_without_an_account(demo):
    service = Service.objects.get(agency__slug="dpmptsp-bangli", slug="pengaduan-masyarakat")
    created = case_create(
        service=service, actor=None, applicant=Applicant(name="Made"), channel="website", now=T0
    )
    assert (created.case.track, created.case.step) == ("online", "online-terima")
    assert created.case.created_by is None
