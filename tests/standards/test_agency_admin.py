import json

import pytest
from django.urls import reverse

from standards.models import Standard, StandardStatus
from standards.services import service_create, standard_draft_create, standard_publish
from tests.factories import complete_components


@pytest.fixture
def other_draft(other_agency):
    service = service_create(agency=other_agency, name="Konsultasi")
    return standard_draft_create(service=service, actor=None, components=complete_components())


def test_an_agency_admin_sees_only_their_own_standards(client, agency_admin, draft, other_draft):
    client.force_login(agency_admin)

    response = client.get(reverse("admin:standards_standard_changelist"))

    assert response.status_code == 200
    assert list(response.context["cl"].queryset) == [draft]


def test_an_agency_admin_cannot_open_another_agencys_standard(client, agency_admin, other_draft):
    client.force_login(agency_admin)

    response = client.get(reverse("admin:standards_standard_change", args=[other_draft.pk]))

    # Django admin redirects to the index with a "does not exist" message for objects outside the queryset.
    assert response.status_code == 302
    assert response.url == reverse("admin:index")


def test_an_operator_without_the_admin_role_cannot_reach_the_admin(client, operator, draft):
    client.force_login(operator)

    response = client.get(reverse("admin:standards_standard_changelist"))

    assert response.status_code == 302
    assert reverse("admin:login") in response.url


def test_the_change_page_shows_the_compliance_check(client, agency_admin, service):
    draft = standard_draft_create(service=service, actor=None, components=complete_components(facilities=[]))
    client.force_login(agency_admin)

    response = client.get(reverse("admin:standards_standard_change", args=[draft.pk]))

    content = response.content.decode()
    assert "Sarana, prasarana, dan/atau fasilitas" in content
    assert "Komponen ini belum diisi." in content
    assert "belum dapat diterbitkan" in content


def test_the_publish_button_publishes_a_compliant_draft(client, agency_admin, draft):
    client.force_login(agency_admin)

    response = client.post(reverse("admin:standards_standard_publish", args=[draft.pk]))

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == StandardStatus.PUBLISHED
    assert draft.published_by == agency_admin


def test_the_publish_button_explains_why_a_draft_cannot_be_published(client, agency_admin, service):
    draft = standard_draft_create(service=service, actor=None, components=complete_components(products=[]))
    client.force_login(agency_admin)

    response = client.post(reverse("admin:standards_standard_publish", args=[draft.pk]), follow=True)

    assert "Produk pelayanan: Komponen ini belum diisi." in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == StandardStatus.DRAFT


def test_posting_to_a_published_versions_change_page_changes_nothing(client, agency_admin, draft):
    published = standard_publish(standard=draft, actor=None)
    client.force_login(agency_admin)

    response = client.post(
        reverse("admin:standards_standard_change", args=[published.pk]),
        {"decree_number": "BARU", "components": "{}"},
    )

    assert response.status_code == 403
    published.refresh_from_db()
    assert published.decree_number == ""
    assert published.components["products"] == ["Surat pengantar izin keramaian"]


def test_a_published_version_is_shown_read_only_with_a_new_draft_button(client, agency_admin, draft):
    published = standard_publish(standard=draft, actor=None)
    client.force_login(agency_admin)

    response = client.get(reverse("admin:standards_standard_change", args=[published.pk]))

    content = response.content.decode()
    assert response.status_code == 200
    assert 'name="components"' not in content
    assert reverse("admin:standards_standard_new_draft", args=[published.pk]) in content


def test_editing_a_draft_with_a_bad_field_names_the_field(client, agency_admin, draft):
    client.force_login(agency_admin)
    bad = complete_components(fee={"amount": -5, "text": "Rp -5"})

    response = client.post(
        reverse("admin:standards_standard_change", args=[draft.pk]), {"components": json.dumps(bad)}
    )

    assert response.status_code == 200
    assert "fee.amount" in response.content.decode()
    draft.refresh_from_db()
    assert draft.components["fee"]["amount"] == 0


def test_a_new_draft_can_be_started_from_a_published_version(client, agency_admin, draft):
    published = standard_publish(standard=draft, actor=None)
    client.force_login(agency_admin)

    response = client.post(reverse("admin:standards_standard_new_draft", args=[published.pk]))

    new = Standard.objects.get(service=draft.service, version=2)
    assert response.url == reverse("admin:standards_standard_change", args=[new.pk])
    assert new.status == StandardStatus.DRAFT
