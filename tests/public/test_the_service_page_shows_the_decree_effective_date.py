"""'Mulai berlaku' on a service's public page is the decree's effective date, not the day it was loaded."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from standards.demo import load_demo
from standards.models import Standard, StandardOrigin, StandardStatus
from standards.services import standard_draft_create, standard_publish
from tests.factories import complete_components


def _page(client, service) -> str:
    return client.get(reverse("public:service", args=[service.agency.slug, service.slug])).content.decode()


@pytest.mark.django_db
def test_it_shows_the_date_the_reviewer_entered(client, service):
    draft = standard_draft_create(
        service=service, actor=None, components=complete_components(), origin=StandardOrigin.IMPORT
    )
    standard_publish(
        standard=draft, actor=None, decree_number="470/1/2026", effective_date=dt.date(2026, 3, 1)
    )
    html = _page(client, service)
    assert "Mulai berlaku</dt><dd>1 Maret 2026</dd>" in html


@pytest.mark.django_db
def test_demo_standards_are_in_force_from_their_decree_not_the_day_they_were_loaded(client):
    load_demo(with_users=False)
    today = dt.date.today()
    for standard in Standard.objects.filter(status=StandardStatus.PUBLISHED).select_related(
        "service__agency"
    ):
        assert standard.origin == StandardOrigin.DEMO
        assert standard.effective_date != today
    banten = Standard.objects.get(service__agency__slug="perkim-banten", status=StandardStatus.PUBLISHED)
    # The decree is dated by month only ("TANGGAL : Februari 2021"): the page says so, as written.
    assert "Mulai berlaku</dt><dd>Februari 2021</dd>" in _page(client, banten.service)
