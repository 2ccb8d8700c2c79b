"""An agency admin reviews an imported draft against the version in force and publishes it with the
decree's number and effective date."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from accounts.models import StaffRole
from standards.models import StandardOrigin, StandardStatus
from standards.services import standard_draft_create, standard_publish
from tests.factories import complete_components
from tests.workspace.conftest import signed_in


@pytest.fixture
def in_force(service):
    draft = standard_draft_create(service=service, actor=None, components=complete_components())
    return standard_publish(standard=draft, actor=None, effective_date=dt.date(2024, 1, 2))


def _imported(service, **changes):
    components = complete_components(**changes)
    return standard_draft_create(
        service=service,
        actor=None,
        components=components,
        decree_number="470/12/KEC/2026",
        decree_date=dt.date(2026, 2, 14),
        decree_date_text="14 Februari 2026",
        origin=StandardOrigin.IMPORT,
        review_marks=[
            {
                "severity": "warning",
                "code": "decree_date_incomplete",
                "component": "decree",
                "path": "decree.date",
                "params": {"date": "Februari 2026"},
            },
        ],
    )


@pytest.mark.django_db
def test_the_review_screen_shows_each_changed_component_and_the_import_marks(agency_admin, service, in_force):
    facilities = [*complete_components()["facilities"], "Ruang laktasi"]
    draft = _imported(service, facilities=facilities)
    page = signed_in(agency_admin).get(reverse("workspace:standard_review", args=[draft.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Perubahan terhadap versi 1 yang berlaku" in html
    assert "Sarana, prasarana, dan/atau fasilitas" in html
    assert "Butir ditambahkan</strong>: Ruang laktasi" in html
    assert "Tanggal keputusan &#x27;Februari 2026&#x27; tidak lengkap" in html
    # Prefilled from what the importer read.
    assert 'value="470/12/KEC/2026"' in html
    assert 'value="2026-02-14"' in html


@pytest.mark.django_db
def test_publishing_stores_the_decree_number_and_effective_date_and_supersedes(
    agency_admin, service, in_force
):
    draft = _imported(service, facilities=["Ruang tunggu"])
    response = signed_in(agency_admin).post(
        reverse("workspace:standard_review", args=[draft.pk]),
        {"decree_number": "470/15/KEC/2026", "effective_date": "2026-03-01"},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    in_force.refresh_from_db()
    assert draft.status == StandardStatus.PUBLISHED
    assert draft.decree_number == "470/15/KEC/2026"
    assert draft.effective_date == dt.date(2026, 3, 1)
    assert in_force.status == StandardStatus.SUPERSEDED


@pytest.mark.django_db
def test_a_confirmed_role_proposal_becomes_a_role_on_its_step(agency_admin, service):
    components = complete_components()
    step = next(s for s in components["procedure"]["steps"] if s.get("performer") == "staff")
    old_role = step["role"]
    for s in components["procedure"]["steps"]:
        if s.get("role") == old_role:
            s["role"] = None
    draft = standard_draft_create(
        service=service,
        actor=None,
        components=components,
        origin=StandardOrigin.IMPORT,
        role_proposals=[
            {
                "code": "pengolah-data",
                "name": "Pengolah Data",
                "steps": [
                    s["id"]
                    for s in components["procedure"]["steps"]
                    if s.get("role") is None and s.get("performer") == "staff"
                ],
            }
        ],
    )
    client = signed_in(agency_admin)
    page = client.get(reverse("workspace:standard_review", args=[draft.pk])).content.decode()
    assert "Pengolah Data (pengolah-data)" in page
    client.post(
        reverse("workspace:standard_review", args=[draft.pk]),
        {"decree_number": "1/2026", "effective_date": "2026-03-01", "create_roles": ["pengolah-data"]},
    )
    draft.refresh_from_db()
    assert draft.status == StandardStatus.PUBLISHED
    assert StaffRole.objects.filter(agency=service.agency, code="pengolah-data").exists()
    assert step["id"] in {
        s["id"] for s in draft.components["procedure"]["steps"] if s["role"] == "pengolah-data"
    }


@pytest.mark.django_db
def test_the_draft_list_links_each_draft_to_its_review(agency_admin, service):
    draft = _imported(service)
    page = signed_in(agency_admin).get(reverse("workspace:standard_list")).content.decode()
    assert reverse("workspace:standard_review", args=[draft.pk]) in page


@pytest.mark.django_db
def test_another_agencys_admin_gets_404(other_agency_admin, service):
    draft = _imported(service)
    response = signed_in(other_agency_admin).get(reverse("workspace:standard_review", args=[draft.pk]))
    assert response.status_code == 404


@pytest.mark.django_db
def test_an_officer_who_administers_nothing_gets_404(django_user_model, service):
    draft = _imported(service)
    officer = django_user_model.objects.create_user(username="petugas", password="rahasia-petugas-123")
    assert signed_in(officer).get(reverse("workspace:standard_review", args=[draft.pk])).status_code == 404
    assert signed_in(officer).get(reverse("workspace:standard_list")).status_code == 404
