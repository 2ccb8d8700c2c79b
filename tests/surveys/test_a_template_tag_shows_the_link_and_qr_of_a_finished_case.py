"""``{% skm_case_link case %}`` puts a finished case's survey link and QR code on any page (the
workspace case page, the tracking page); nothing for an open or answered case."""

from __future__ import annotations

import re

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from surveys.services import Answers, response_record_for_case

TEMPLATE = Template("{% load skm %}{% skm_case_link case %}")


def render(case) -> str:
    request = RequestFactory().get("/kerja/")
    return TEMPLATE.render(Context({"case": case, "request": request}))


@pytest.mark.django_db
def test_a_finished_case_shows_the_absolute_link_and_an_svg_qr(finished_case):
    html = render(finished_case)
    assert "http://testserver/skm/" in html
    assert "<svg" in html and 'class="skm-qr"' in html
    assert not re.search(r"\sstyle=", html)


@pytest.mark.django_db
def test_an_open_case_shows_nothing(open_case):
    assert render(open_case).strip() == ""


@pytest.mark.django_db
def test_an_answered_case_shows_nothing(finished_case):
    response_record_for_case(case=finished_case, answers=Answers(values={f"U{i}": 4 for i in range(1, 10)}))
    assert render(finished_case).strip() == ""
