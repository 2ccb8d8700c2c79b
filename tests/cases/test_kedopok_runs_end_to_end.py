"""Surat pengantar izin keramaian, as the Kedopok standard writes it, through the services."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from calendars.models import SlaClock, SlaPhase
from calendars.selectors import clock_status_now
from cases.models import CaseEventKind, CaseStatus
from cases.services import Actor, Applicant, Conflict, case_act, case_create, case_file_add
from documents.services import case_act_with_documents

WIB = ZoneInfo("Asia/Jakarta")
# Wednesday 4 November 2026, office hours.
T0 = dt.datetime(2026, 11, 4, 9, 0, tzinfo=WIB)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@pytest.mark.django_db
def test_it_returns_incomplete_file_to_kelurahan_and_finishes_within_fifteen_minutes(
    kedopok_service, kelurahan_operator, kecamatan_operator, camat
):
    created = case_create(
        service=kedopok_service,
        actor=kelurahan_operator,
        applicant=Applicant(name="Karang Taruna RW 03", phone="0812 3456 7890"),
        channel="website",
        files=[("formulir", pdf("formulir.pdf")), ("ktp", pdf("ktp.pdf"))],
        now=T0,
    )
    case = created.case
    assert created.pin and len(created.pin) == 6
    assert case.unit.slug == "kedopok"
    assert case.step == "teliti"

    returned = case_act(
        case=case,
        actor=Actor(kecamatan_operator),
        action="kembalikan",
        version=case.version,
        missing=["kk"],
        note="Fotokopi KK belum dilampirkan",
        now=T0 + dt.timedelta(minutes=3),
    )
    assert returned.step == "ajukan" and returned.missing == ["kk"]
    clock = SlaClock.objects.get(target_id=str(case.pk), step_id="penyelesaian")
    assert clock.phase == SlaPhase.PAUSED

    case_file_add(
        case=returned, actor=Actor(kelurahan_operator), requirement="kk", upload=pdf("kk.pdf"),
        now=T0 + dt.timedelta(hours=1),
    )  # fmt: skip
    returned.refresh_from_db()
    steps = [
        (kelurahan_operator, "ajukan", 60),
        (kecamatan_operator, "lengkap", 62),
        (kecamatan_operator, "ajukan-camat", 63),
        (camat, "tandatangani", 66),
        (camat, "kembalikan-kecamatan", 67),
        (kecamatan_operator, "kirim-kelurahan", 70),
    ]
    current = returned
    for user, action, minute in steps:
        # The sign step signs the camat's letter first (documents.services), as the workspace does.
        current = case_act_with_documents(
            case=current, actor=Actor(user), action=action, version=current.version,
            now=T0 + dt.timedelta(minutes=minute),
        )  # fmt: skip
    assert current.status == CaseStatus.COMPLETED
    clock.refresh_from_db()
    status = clock_status_now(clock=clock, now=T0 + dt.timedelta(hours=3))
    # 3 minutes before the return, 10 after the resubmission; the hour with the kelurahan is paused.
    assert status.elapsed == dt.timedelta(minutes=13)
    assert clock.state == "met"
    kinds = list(current.events.values_list("kind", flat=True))
    assert CaseEventKind.RETURNED in kinds and CaseEventKind.RESUBMITTED in kinds
    assert kinds[-1] == CaseEventKind.ENDED

    with pytest.raises(Conflict):
        case_act(case=current, actor=Actor(kecamatan_operator), action="lengkap", version=1)
