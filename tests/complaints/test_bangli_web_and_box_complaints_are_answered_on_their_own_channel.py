"""Bangli, end to end: a complaint sent on the website form and a slip from the complaint box
(entered by the Petugas Pengaduan with the box's opening) both reach the Tim Pengaduan's inbox,
are answered over their own channel — the web one by the e-mail the citizen gave, the box one as
a printable answer letter, a box having no reply address — and both are in the Buku Pengaduan
with consecutive numbers."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from cases.selectors import inbox_for_user
from complaints.models import Complaint
from complaints.selectors import register_rows
from complaints.services import box_opening_record, complaint_act, complaint_create, complaint_tier_set
from notifications.models import OutboundMessage
from tests.complaints.conftest import PDF


def answer(complaint: Complaint, team, text: str) -> Complaint:
    complaint_tier_set(complaint=complaint, actor=team, tier="penyelesaian", target=10)
    for action in ("identifikasi", "bahas"):
        current = Complaint.objects.select_related("case").get(pk=complaint.pk)
        complaint_act(complaint=current, actor=team, action=action, version=current.case.version)
    current = Complaint.objects.select_related("case").get(pk=complaint.pk)
    return complaint_act(
        complaint=current, actor=team, action="sampaikan-hasil", version=current.case.version, answer=text
    )


@pytest.mark.django_db
def test_a_web_complaint_and_a_box_slip_are_answered_each_on_its_own_channel(
    bangli, officer, channels, client, django_capture_on_commit_callbacks
):
    page = client.get("/pengaduan/dpmptsp-bangli/")
    sent = client.post(
        "/pengaduan/dpmptsp-bangli/",
        {
            "kunci": page.context["form"].initial["kunci"], "kind": "pengaduan",
            "content": "Izin usaha saya belum terbit setelah 2 bulan.", "name": "I Made Sudarsana",
            "address": "Jl. Merdeka 1, Bangli", "email": "Made@Example.id",
            "identity": SimpleUploadedFile("ktp.pdf", PDF, content_type="application/pdf"),
            "file_1": SimpleUploadedFile("bukti.pdf", PDF, content_type="application/pdf"),
        },
    )  # fmt: skip
    assert sent.status_code == 302
    web = Complaint.objects.select_related("case").get()
    petugas = officer("dpmptsp-bangli.petugas-pengaduan")
    opening = box_opening_record(
        agency=bangli, actor=petugas, opened_at=web.received_at, slips=1, location="Lobi"
    )
    slip = complaint_create(
        agency=bangli, kind="saran", channel="complaint_box", content="Mohon kursi tunggu ditambah.",
        name="Ni Luh Ayu", address="Kintamani", created_by=petugas, received_at=opening.opened_at,
    )  # fmt: skip

    for complaint, receiver in (
        (web, "dpmptsp-bangli.operator-it"),
        (slip, "dpmptsp-bangli.petugas-pengaduan"),
    ):
        current = Complaint.objects.select_related("case").get(pk=complaint.pk)
        complaint_act(
            complaint=current, actor=officer(receiver), action="teruskan", version=current.case.version
        )
    team = officer("dpmptsp-bangli.tim-pengaduan")
    assert {c.pk for c in inbox_for_user(user=team)} == {web.case_id, slip.case_id}

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        web_done = answer(web, team, "Izin Anda terbit hari ini.")
        slip_done = answer(slip, team, "Kursi tunggu sudah ditambah sepuluh.")

    assert web_done.answered_via == "email"
    [emailed] = mail.outbox
    assert emailed.to == ["made@example.id"] and web.reference in emailed.subject
    assert slip_done.answered_via == "letter"
    assert not OutboundMessage.objects.filter(case=slip.case).exists()
    client.force_login(team)
    letter = client.get(f"/kerja/pengaduan/{slip.pk}/surat/")
    assert letter.status_code == 200
    assert "Kursi tunggu sudah ditambah sepuluh." in letter.content.decode()
    assert "Ni Luh Ayu" in letter.content.decode()

    rows = register_rows(agency=bangli, year=web.register_year)
    assert [(r["number"], r["channel"], r["name"]) for r in rows] == [
        (1, "Daring (situs web)", "I Made Sudarsana"),
        (2, "Kotak pengaduan", "Ni Luh Ayu"),
    ]
    assert [r["follow_up"] for r in rows] == [
        "Izin Anda terbit hari ini.",
        "Kursi tunggu sudah ditambah sepuluh.",
    ]
