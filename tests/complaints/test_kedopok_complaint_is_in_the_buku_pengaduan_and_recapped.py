"""Kedopok: a complaint recorded by the Petugas Penerima Pengaduan is in the Buku Pengaduan, runs
officer → Kasi Pelayanan → Sekcam → related seksi → answer, and the recap reaches Kasi and Sekcam."""

from __future__ import annotations

import pytest

from cases.models import CaseStatus
from cases.selectors import inbox_for_user
from complaints.models import Complaint
from complaints.selectors import recaps_for_user, register_rows
from complaints.services import complaint_act, complaint_create, recap_deliver
from tests.complaints.conftest import T0


@pytest.mark.django_db
def test_a_walk_in_complaint_runs_the_decree_and_the_recap_reaches_kasi_and_sekcam(kedopok, officer):
    petugas = officer("kec-kedopok.petugas-pengaduan")
    complaint = complaint_create(
        agency=kedopok,
        kind="pengaduan",
        channel="in_person",
        content="Lampu penerangan jalan di RT 02 mati sejak seminggu.",
        name="Bu Sumarni",
        occupation="Pedagang",
        address="RT 02 RW 01 Kedopok",
        created_by=petugas,
    )
    assert complaint.case.step == "catat"
    rows = register_rows(agency=kedopok, year=complaint.register_year)
    assert [(r["number"], r["name"], r["occupation"], r["address"], r["channel"]) for r in rows] == [
        (1, "Bu Sumarni", "Pedagang", "RT 02 RW 01 Kedopok", "Datang langsung")
    ]

    def step(user, action, **extra):
        current = Complaint.objects.select_related("case").get(pk=complaint.pk)
        assert current.case in inbox_for_user(user=user)
        return complaint_act(
            complaint=current, actor=user, action=action, version=current.case.version, **extra
        )

    step(petugas, "catat")
    step(officer("kec-kedopok.kasi-pelayanan"), "teruskan-sekcam")
    step(officer("kec-kedopok.sekcam"), "koordinasikan", unit="seksi-trantib")
    step(officer("kec-kedopok.seksi-trantib.staf-seksi"), "tindak-lanjut")
    done = step(petugas, "sampaikan-hasil", answer="Lampu sudah diganti oleh Seksi Trantib.")

    assert done.case.status == CaseStatus.COMPLETED
    assert (done.answered_via, done.answer) == ("letter", "Lampu sudah diganti oleh Seksi Trantib.")
    assert register_rows(agency=kedopok, year=complaint.register_year)[0]["follow_up"] == done.answer

    recap = recap_deliver(agency=kedopok, period="month", day=complaint.received_at.date(), actor=petugas)
    assert recap.figures["total"] == 1
    assert recap.figures["by_channel"] == {"in_person": 1}
    assert recap.figures["by_status"] == {"completed": 1}
    for username in ("kec-kedopok.kasi-pelayanan", "kec-kedopok.sekcam"):
        assert recaps_for_user(user=officer(username)) == [recap]
    assert recaps_for_user(user=officer("kec-kedopok.camat")) == []


@pytest.mark.django_db
def test_closing_without_an_answer_is_refused_naming_the_answer(kedopok, officer):
    petugas = officer("kec-kedopok.petugas-pengaduan")
    complaint = complaint_create(
        agency=kedopok, kind="masukan", channel="phone", content="Antrian perlu nomor.", name="Pak Hadi",
        created_by=petugas, received_at=T0,
    )  # fmt: skip
    assert complaint.case.track == "call-center"
    from cases.services import InvalidInput

    for user, action, extra in [
        (petugas, "catat", {}),
        (officer("kec-kedopok.kasi-pelayanan"), "teruskan-sekcam", {}),
        (officer("kec-kedopok.sekcam"), "koordinasikan", {"unit": "seksi-pelayanan"}),
        (officer("kec-kedopok.seksi-pelayanan.staf-seksi"), "tindak-lanjut", {}),
    ]:
        current = Complaint.objects.select_related("case").get(pk=complaint.pk)
        complaint_act(complaint=current, actor=user, action=action, version=current.case.version, **extra)
    current = Complaint.objects.select_related("case").get(pk=complaint.pk)
    with pytest.raises(InvalidInput) as refused:
        complaint_act(
            complaint=current, actor=petugas, action="sampaikan-hasil", version=current.case.version
        )
    assert refused.value.fields == {"answer": "required"}
