"""Only one version of a service is in force, so only one publish may say so."""

from django.contrib.messages import get_messages
from django.urls import reverse

from standards.models import StandardStatus
from standards.services import standard_draft_create
from tests.factories import complete_components


def test_publishing_two_drafts_of_one_service_at_once_is_refused(client, agency_admin, draft, service):
    second = standard_draft_create(service=service, actor=None, components=complete_components())
    client.force_login(agency_admin)

    response = client.post(
        reverse("admin:standards_standard_changelist"),
        {"action": "publish_selected", "_selected_action": [draft.pk, second.pk]},
    )

    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert messages == [
        "Pilih satu draf per layanan: hanya satu versi dapat berlaku. Tidak ada yang diterbitkan."
    ]
    draft.refresh_from_db()
    second.refresh_from_db()
    assert {draft.status, second.status} == {StandardStatus.DRAFT}


def test_publishing_drafts_of_different_services_publishes_each(client, agency_admin, draft, agency):
    from standards.services import service_create

    other = service_create(agency=agency, name="Legalisir")
    second = standard_draft_create(service=other, actor=None, components=complete_components())
    client.force_login(agency_admin)

    client.post(
        reverse("admin:standards_standard_changelist"),
        {"action": "publish_selected", "_selected_action": [draft.pk, second.pk]},
    )

    draft.refresh_from_db()
    second.refresh_from_db()
    assert {draft.status, second.status} == {StandardStatus.PUBLISHED}
