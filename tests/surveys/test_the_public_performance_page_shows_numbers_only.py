"""/<agency>/<service>/kinerja/: the last complete survey period's promised and actual time,
on-time rate, IKM, grade and number of respondents; no name, phone or suggestion."""

from __future__ import annotations

import datetime as dt

import pytest

from calendars.selectors import calendar_for
from pelayan.lib import skm
from surveys import selectors
from surveys.services import Answers, response_record_for_case
from tests.surveys.conftest import WIB, finish, kedopok_case

PAGE = "/kec-kedopok/surat-pengantar-izin-keramaian/kinerja/"


@pytest.mark.django_db
def test_the_last_semester_in_numbers(kedopok_service, kelurahan_operator, officers, client):
    today = dt.datetime.now(WIB).date()
    last = selectors.last_survey_period(service=kedopok_service, today=today)
    assert last.kind is skm.PeriodKind.SEMESTER  # Kedopok: "setiap semester"
    start = dt.datetime.combine(last.start + dt.timedelta(days=40), dt.time(9), WIB)
    calendar = calendar_for(agency=kedopok_service.agency, service=kedopok_service)
    while not calendar.is_working_day(start.date()):
        start += dt.timedelta(days=1)
    case = kedopok_case(kedopok_service, kelurahan_operator, start, name="Ibu Sumarni Rahasia")
    case = finish(case, officers=officers, at=start, minutes=12)
    response_record_for_case(
        case=case,
        answers=Answers(values={c: 4 for c in skm.CODES}, suggestion="Petugas Budi ramah sekali"),
        now=start + dt.timedelta(hours=1),
    )
    page = client.get(PAGE)
    assert page.status_code == 200
    html = page.content.decode()
    assert last.label in html
    assert "15 menit" in html and "12 menit" in html and "100,0 %" in html
    assert "100,00" in html and "(Sangat baik)" in html
    assert "Sumarni" not in html and "0812" not in html and "Budi" not in html


@pytest.mark.django_db
def test_a_service_without_figures_says_so(demo, client):
    html = client.get(PAGE).content.decode()
    assert "Belum ada" in html


@pytest.mark.django_db
def test_an_unknown_service_is_404(demo, client):
    assert client.get("/kec-kedopok/tidak-ada/kinerja/").status_code == 404
