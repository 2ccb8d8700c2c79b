"""Paper forms typed in by staff (blanks allowed) and CSV/XLSX files imported into a day of the
period; a file with a bad row is refused whole, its errors listed by row and column."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from audit.models import AuditEvent
from surveys.models import ResponseChannel, SurveyResponse

ENTRY = "/kerja/skm/kec-kedopok/surat-pengantar-izin-keramaian/isi/"
IMPORT = "/kerja/skm/kec-kedopok/surat-pengantar-izin-keramaian/impor/"
DAY = (dt.date.today() - dt.timedelta(days=3)).isoformat()


def csv_file(text: str, name: str = "skm.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


@pytest.mark.django_db
def test_a_paper_form_with_a_skipped_question(as_kecamatan):
    sent = as_kecamatan.post(ENTRY, {"answered_on": DAY, "u1": "4", "u2": "3", "education": "sma"})
    assert sent.status_code == 302
    response = SurveyResponse.objects.get()
    assert (response.channel, response.u1, response.u3, response.answered_on.isoformat()) == (
        ResponseChannel.PAPER, 4, None, DAY,
    )  # fmt: skip
    assert response.recorded_by is not None


@pytest.mark.django_db
def test_a_paper_form_dated_tomorrow_is_refused(as_kecamatan):
    tomorrow = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    assert as_kecamatan.post(ENTRY, {"answered_on": tomorrow, "u1": "4"}).status_code == 400


@pytest.mark.django_db
def test_a_csv_file_is_imported_with_one_audit_event(as_kecamatan):
    text = "U1;U2;U3;U4;U5;U6;U7;U8;U9\n4;4;4;4;4;4;4;4;4\n3;3;;3;3;3;3;3;3\n"
    sent = as_kecamatan.post(IMPORT, {"answered_on": DAY, "file": csv_file(text)})
    assert sent.status_code == 302
    assert SurveyResponse.objects.filter(channel=ResponseChannel.IMPORT).count() == 2
    event = AuditEvent.objects.get(action="skm.responses_imported")
    assert event.data["count"] == 2 and event.data["source"] == "skm.csv"


@pytest.mark.django_db
def test_an_xlsx_file_is_imported(as_kecamatan):
    book = Workbook()
    sheet = book.active
    sheet.append(["Responden", "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"])
    sheet.append([1, 4, 3, 3, 4, 3, 3, 4, 2, 3])
    buffer = io.BytesIO()
    book.save(buffer)
    upload = SimpleUploadedFile("skm.xlsx", buffer.getvalue())
    assert as_kecamatan.post(IMPORT, {"answered_on": DAY, "file": upload}).status_code == 302
    assert SurveyResponse.objects.get().u8 == 2


@pytest.mark.django_db
def test_a_file_with_a_five_is_refused_and_the_cell_named(as_kecamatan):
    text = "U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,4,4,4,4,4,4,4\n4,4,4,4,5,4,4,4,4\n"
    page = as_kecamatan.post(IMPORT, {"answered_on": DAY, "file": csv_file(text)})
    assert page.status_code == 400
    html = page.content.decode()
    assert "<td>3</td><td>U5</td>" in html
    assert not SurveyResponse.objects.exists()


@pytest.mark.django_db
def test_a_file_over_two_megabytes_is_refused(as_kecamatan):
    big = "U1,U2,U3,U4,U5,U6,U7,U8,U9\n" + "4,4,4,4,4,4,4,4,4\n" * 130_000
    assert as_kecamatan.post(IMPORT, {"answered_on": DAY, "file": csv_file(big)}).status_code == 400
    assert not SurveyResponse.objects.exists()


@pytest.mark.django_db
def test_an_officer_of_another_agency_gets_404(demo, client):
    client.force_login(_bangli_officer())
    assert client.get(ENTRY).status_code == 404


def _bangli_officer():
    from accounts.models import Membership

    return Membership.objects.filter(role__agency__slug="dpmptsp-bangli").select_related("user").first().user
