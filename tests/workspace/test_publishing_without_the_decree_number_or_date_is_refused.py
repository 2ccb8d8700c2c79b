"""An imported draft is not published without the decree's number and effective date: the review
screen says which field is missing, and no other way round it publishes."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from standards.models import Standard, StandardOrigin, StandardStatus
from standards.services import PublishIncomplete, standard_draft_create, standard_publish
from tests.factories import complete_components
from tests.workspace.conftest import signed_in


@pytest.fixture
def imported(service):
    return standard_draft_create(
        service=service, actor=None, components=complete_components(), origin=StandardOrigin.IMPORT
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("posted", "message"),
    [
        ({"decree_number": "", "effective_date": "2026-03-01"}, "Nomor keputusan wajib diisi"),
        ({"decree_number": "1/2026", "effective_date": ""}, "Tanggal mulai berlaku wajib diisi"),
        ({"decree_number": "1/2026", "effective_date": "kemarin"}, "Tanggal mulai berlaku tidak dikenali"),
        ({"decree_number": "1" * 201, "effective_date": "2026-03-01"}, "Nomor keputusan paling panjang 200"),
    ],
)
def test_the_review_screen_names_the_missing_field(agency_admin, imported, posted, message):
    response = signed_in(agency_admin).post(reverse("workspace:standard_review", args=[imported.pk]), posted)
    assert response.status_code == 400
    assert message in response.content.decode()
    imported.refresh_from_db()
    assert imported.status == StandardStatus.DRAFT


@pytest.mark.django_db
def test_the_service_refuses_an_imported_draft_without_them(imported):
    with pytest.raises(PublishIncomplete) as refused:
        standard_publish(standard=imported, actor=None)
    assert set(refused.value.errors) == {"decree_number", "effective_date"}
    assert "nomor keputusan" in refused.value.errors["decree_number"]
    with pytest.raises(PublishIncomplete) as refused:
        standard_publish(
            standard=imported, actor=None, decree_number="  ", effective_date=dt.date(2026, 3, 1)
        )
    assert set(refused.value.errors) == {"decree_number"}
    assert Standard.objects.get(pk=imported.pk).status == StandardStatus.DRAFT


@pytest.mark.django_db
def test_the_admin_button_and_action_send_an_imported_draft_to_its_review(client, agency_admin, imported):
    client.force_login(agency_admin)
    response = client.post(reverse("admin:standards_standard_publish", args=[imported.pk]))
    assert response["Location"] == reverse("workspace:standard_review", args=[imported.pk])
    client.post(
        reverse("admin:standards_standard_changelist"),
        {"action": "publish_selected", "_selected_action": [imported.pk]},
    )
    imported.refresh_from_db()
    assert imported.status == StandardStatus.DRAFT
    change_page = client.get(reverse("admin:standards_standard_change", args=[imported.pk])).content.decode()
    assert reverse("workspace:standard_review", args=[imported.pk]) in change_page
    assert reverse("admin:standards_standard_publish", args=[imported.pk]) not in change_page


@pytest.mark.django_db
def test_a_draft_made_by_hand_still_publishes_from_the_admin(client, agency_admin, draft):
    client.force_login(agency_admin)
    client.post(reverse("admin:standards_standard_publish", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.status == StandardStatus.PUBLISHED


@pytest.mark.django_db
def test_a_copy_of_an_unreviewed_import_still_needs_the_review(imported):
    from standards.services import standard_draft_from

    copy = standard_draft_from(standard=imported, actor=None)
    assert copy.origin == StandardOrigin.IMPORT
    with pytest.raises(PublishIncomplete):
        standard_publish(standard=copy, actor=None)
