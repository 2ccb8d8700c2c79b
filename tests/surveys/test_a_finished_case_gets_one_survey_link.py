"""A finished case gets a survey link derived from it (/skm/<token>/): no link while the case is
open, one response per case, a forged token finds nothing, and no personal data is asked."""

from __future__ import annotations

import re

import pytest

from audit.models import AuditEvent
from surveys import selectors
from surveys.models import ResponseChannel, SurveyResponse
from tests.surveys.conftest import all_answers


@pytest.mark.django_db
def test_an_open_case_has_no_survey_link(open_case):
    assert selectors.survey_link_for_case(case=open_case) is None


@pytest.mark.django_db
def test_the_applicant_answers_once_through_the_link(finished_case, client):
    link = selectors.survey_link_for_case(case=finished_case)
    assert link is not None and link.startswith("/skm/")
    page = client.get(link)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Tidak sesuai" in html and "Sangat sesuai" in html and "Gratis" in html
    assert 'name="name"' not in html and 'name="phone"' not in html

    answered = client.post(
        link, {**all_answers(3), "u4": "4", "age": "34", "sex": "P", "suggestion": "Cepat"}
    )
    assert answered.status_code == 200
    response = SurveyResponse.objects.get(case=finished_case)
    assert response.channel == ResponseChannel.LINK
    assert (response.u1, response.u4, response.age, response.sex) == (3, 4, 34, "P")
    assert AuditEvent.objects.filter(action="skm.response_recorded", target_id=str(response.pk)).exists()

    again = client.post(link, all_answers(1))
    assert "sudah diisi" in again.content.decode()
    assert SurveyResponse.objects.filter(case=finished_case).count() == 1
    assert selectors.survey_link_for_case(case=finished_case) is None


@pytest.mark.django_db
def test_a_missing_answer_is_shown_beside_its_question(finished_case, client):
    link = selectors.survey_link_for_case(case=finished_case)
    answers = all_answers(3)
    del answers["u7"]
    page = client.post(link, answers)
    assert page.status_code == 400
    assert "belum dijawab" in page.content.decode()
    assert not SurveyResponse.objects.exists()


@pytest.mark.django_db
def test_a_forged_token_finds_nothing(finished_case, client):
    token = selectors.survey_token(finished_case)
    assert client.get(f"/skm/{token[:-2]}xx/").status_code == 404
    assert client.get("/skm/" + "a" * 300 + "/").status_code == 404


@pytest.mark.django_db
def test_the_link_as_a_qr_code_is_inline_svg_without_style(finished_case):
    svg = selectors.survey_qr_svg(
        url="https://pelayan.example" + selectors.survey_link_for_case(case=finished_case)
    )
    assert svg.startswith("<svg") and 'class="skm-qr"' in svg
    assert not re.search(r"\sstyle=", svg)
    assert "<script" not in svg
