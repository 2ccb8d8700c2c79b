"""Kedopok's Mesin SKM: a tablet at the counter, enabled by staff, takes answers without a login
and goes back to an empty form after each one."""

from __future__ import annotations

import pytest

from surveys.models import ResponseChannel, SurveyResponse
from tests.surveys.conftest import all_answers

KIOSK = "/kec-kedopok/skm/kiosk/"


@pytest.mark.django_db
def test_a_device_nobody_enabled_is_refused(demo, client):
    page = client.get(KIOSK)
    assert page.status_code == 403
    assert (
        client.post(KIOSK, {"service": "surat-pengantar-izin-keramaian", **all_answers()}).status_code == 403
    )
    assert not SurveyResponse.objects.exists()


@pytest.mark.django_db
def test_staff_enable_the_tablet_and_each_answer_resets_the_screen(demo, as_kecamatan, kedopok_service):
    enabled = as_kecamatan.post("/kerja/skm/kec-kedopok/mesin-skm/")
    assert enabled.status_code == 302 and enabled["Location"] == KIOSK
    form = as_kecamatan.get(KIOSK)
    assert form.status_code == 200
    html = form.content.decode()
    assert "skm-choice" in html and 'name="viewport"' in html

    sent = as_kecamatan.post(KIOSK, {"service": kedopok_service.slug, **all_answers(4)})
    assert sent.status_code == 302
    thanks = as_kecamatan.get(sent["Location"])
    assert f'http-equiv="refresh" content="8;url={KIOSK}"' in thanks.content.decode()
    response = SurveyResponse.objects.get()
    assert response.channel == ResponseChannel.KIOSK and response.case is None
    assert response.service == kedopok_service
    # The next visitor sees an empty form.
    assert "checked" not in as_kecamatan.get(KIOSK).content.decode()


@pytest.mark.django_db
def test_an_answer_out_of_range_is_refused(demo, as_kecamatan, kedopok_service):
    as_kecamatan.post("/kerja/skm/kec-kedopok/mesin-skm/")
    page = as_kecamatan.post(KIOSK, {"service": kedopok_service.slug, **all_answers(4), "u3": "5"})
    assert page.status_code == 400
    assert not SurveyResponse.objects.exists()


@pytest.mark.django_db
def test_a_cookie_for_another_agency_does_not_open_this_kiosk(demo, as_kecamatan):
    as_kecamatan.post("/kerja/skm/kec-kedopok/mesin-skm/")
    assert as_kecamatan.get("/dpmptsp-bangli/skm/kiosk/").status_code == 403
