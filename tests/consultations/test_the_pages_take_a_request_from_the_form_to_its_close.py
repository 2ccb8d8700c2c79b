"""Every consultation page renders and every form submits, in Banten's order: the citizen's
request on the website form (receipt, number and PIN at once), the front office records the
letter, the leadership disposes it to the officer, the officer accepts it face to face in the
aula at an offered slot, the citizen confirms on the tracking page (or asks for another slot and
gets a new offer), the front office checks the visitor in with the health protocol, and the
officer closes it with notes and outcome. A bad form is a 400 naming the field."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from consultations.models import Booking, BookingStatus, ConsultationRequest, RequestState, Room
from frontdesk.models import ChecklistItem
from tests.consultations.conftest import WIB, login

NOW = dt.datetime(2026, 11, 30, 9, 0, tzinfo=WIB)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def clock(monkeypatch):
    moment = {"now": NOW}
    monkeypatch.setattr(timezone, "now", lambda: moment["now"])
    return moment


def _public_request(client) -> tuple[str, str]:
    url = reverse("consultations:request_form", args=["perkim-banten", "konsultasi"])
    assert client.get(url).status_code == 200
    refused = client.post(url, {"name": "Rina", "topic": "", "applicant_type": "lsm"})
    assert refused.status_code == 400
    assert "topic" in refused.context["form"].errors and "email" in refused.context["form"].errors
    sent = client.post(url, {
        "applicant_type": "lsm", "name": "Rina Wulandari", "institution": "LSM Rumah Layak",
        "phone": "0812 3456 7890", "email": "rina@example.org", "address": "Serang",
        "topic": "Program bedah rumah 2027", "purpose": "Menyiapkan usulan warga", "requested_time": "Selasa pagi",
        "id_card": SimpleUploadedFile("ktp.png", PNG, content_type="image/png"),
    })  # fmt: skip
    assert sent.status_code == 302, sent.content
    done = client.get(sent["Location"])
    receipt = done.context["receipt"]
    assert receipt["due"] == "01-12-2026 16:00"
    return receipt["number"], receipt["pin"]


@pytest.mark.django_db
def test_a_request_goes_from_the_website_form_to_its_close(client, banten, clock):
    service_page = client.get(reverse("public:service", args=["perkim-banten", "konsultasi"]))
    assert "Kirim surat permohonan konsultasi" in service_page.content.decode()
    number, pin = _public_request(client)
    request = ConsultationRequest.objects.get()
    case = request.case
    detail = reverse("consultations:detail", args=[case.number])

    client.force_login(login("perkim-banten.front-office"))
    home = client.get(reverse("consultations:home"))
    assert case.display_number in home.content.decode()
    assert "receive_form" in client.get(detail).context
    assert (
        client.post(
            reverse("consultations:receive", args=[case.number]), {"version": case.version}
        ).status_code
        == 302
    )

    client.force_login(login("perkim-banten.pimpinan"))
    assert case.display_number in client.get(reverse("consultations:home")).content.decode()
    page = client.get(detail)
    assert page.status_code == 200 and page.context["disposition_form"] is not None
    refused = client.post(
        reverse("consultations:dispose", args=[case.number]), {"version": page.context["case"].version}
    )
    assert refused.status_code == 400 and "officer" in refused.context["disposition_form"].errors
    officer = login("perkim-banten.petugas-konsultasi")
    assert client.post(reverse("consultations:dispose", args=[case.number]), {
        "version": page.context["case"].version, "officer": officer.pk, "instruction": "Mohon dilayani",
    }).status_code == 302  # fmt: skip

    client.force_login(officer)
    page = client.get(detail)
    form = page.context["decision_form"]
    slot = form.fields["slot"].choices[1][0]
    aula = Room.objects.get(agency=banten, name="Aula")
    version = page.context["case"].version
    refused = client.post(reverse("consultations:decide", args=[case.number]), {
        "version": version, "decision": "accept", "mode": "face_to_face", "slot": slot, "contact_person": "Andi",
    })  # fmt: skip
    assert refused.status_code == 400 and "room" in refused.context["decision_form"].errors
    accepted = client.post(reverse("consultations:decide", args=[case.number]), {
        "version": version, "decision": "accept", "mode": "face_to_face", "room": aula.pk, "slot": slot,
        "contact_person": "Andi, 0812 1111 2222",
    })  # fmt: skip
    assert accepted.status_code == 302, accepted.content
    request.refresh_from_db()
    assert request.state == RequestState.ACCEPTED

    client.logout()
    client.post(reverse("public:track"), {"nomor": number, "pin": pin})
    tracking = client.get(reverse("public:track_case"))
    assert "Konfirmasi jadwal ini" in tracking.content.decode()
    booking = Booking.objects.get(request=request)
    client.post(reverse("consultations:track_reschedule"), {"booking": booking.pk, "note": "Sore lebih baik"})
    booking.refresh_from_db()
    assert booking.status == BookingStatus.RESCHEDULE

    client.force_login(officer)
    page = client.get(detail)
    new_slot = page.context["propose_form"].fields["slot"].choices[-1][0]
    assert (
        client.post(reverse("consultations:propose", args=[case.number]), {"slot": new_slot}).status_code
        == 302
    )
    offered = Booking.objects.get(request=request, status=BookingStatus.PROPOSED)
    assert offered.room == aula

    client.logout()
    client.post(reverse("public:track"), {"nomor": number, "pin": pin})
    client.post(reverse("consultations:track_confirm"), {"booking": offered.pk})
    offered.refresh_from_db()
    assert offered.status == BookingStatus.CONFIRMED

    clock["now"] = offered.starts_at - dt.timedelta(minutes=10)
    client.force_login(login("perkim-banten.front-office"))
    check_in = client.get(reverse("frontdesk:check_in", args=["perkim-banten"]))
    assert "Rina Wulandari" in check_in.content.decode()
    protocol = list(ChecklistItem.objects.filter(agency=banten, is_active=True).values_list("pk", flat=True))
    arrived = client.post(reverse("frontdesk:check_in", args=["perkim-banten"]), {
        "appointment": str(offered.pk), "name": "Rina Wulandari", "purpose": "Konsultasi terjadwal",
        "checklist": protocol,
    })  # fmt: skip
    assert arrived.status_code == 302, arrived.content
    offered.refresh_from_db()
    assert offered.status == BookingStatus.CHECKED_IN
    request.refresh_from_db()
    assert request.case.step == "surat-6"

    client.force_login(officer)
    refused = client.post(reverse("consultations:close", args=[case.number]), {"notes": "x", "outcome": ""})
    assert refused.status_code == 400 and "outcome" in refused.context["close_form"].errors
    closed = client.post(reverse("consultations:close", args=[case.number]), {
        "notes": "Dibahas syarat program", "outcome": "Usulan diajukan Januari",
    })  # fmt: skip
    assert closed.status_code == 302
    request.refresh_from_db()
    assert request.state == RequestState.CLOSED


@pytest.mark.django_db
def test_staff_enter_a_letter_and_an_officer_rejects_it_with_reasons(client, banten, clock):
    client.force_login(login("perkim-banten.front-office"))
    url = reverse("consultations:entry", args=["perkim-banten", "konsultasi"])
    assert client.get(url).status_code == 200
    entered = client.post(url, {
        "channel": "letter", "applicant_type": "partai_politik", "name": "DPW Partai Contoh",
        "topic": "Rumah susun", "purpose": "Audiensi", "received_at": "2026-11-30 08:30",
    })  # fmt: skip
    assert entered.status_code == 302, entered.content
    request = ConsultationRequest.objects.get()
    assert request.case.step == "surat-3"  # received at once: straight to the leadership
    client.force_login(login("perkim-banten.pimpinan"))
    client.post(reverse("consultations:dispose", args=[request.case.number]), {
        "version": request.case.version, "officer": login("perkim-banten.petugas-konsultasi").pk,
    })  # fmt: skip
    request.refresh_from_db()
    client.force_login(login("perkim-banten.petugas-konsultasi"))
    refused = client.post(reverse("consultations:decide", args=[request.case.number]), {
        "version": request.case.version, "decision": "reject", "reason": "",
    })  # fmt: skip
    assert refused.status_code == 400 and "reason" in refused.context["decision_form"].errors
    rejected = client.post(reverse("consultations:decide", args=[request.case.number]), {
        "version": request.case.version, "decision": "reject", "reason": "Materi di luar kewenangan dinas",
    })  # fmt: skip
    assert rejected.status_code == 302
    request.refresh_from_db()
    assert request.state == RequestState.REJECTED and request.case.status == "rejected"
    assert request.case.documents.filter(kind="reply_letter").exists()
