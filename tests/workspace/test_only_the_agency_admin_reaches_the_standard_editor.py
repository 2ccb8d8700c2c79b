"""The standard editor is for the agency's admins: other agencies' admins and the agency's
officers get a 404 for every page and post, and a published version is never changed."""

from __future__ import annotations

import pytest
from django.urls import reverse

from standards.models import Standard, StandardStatus
from standards.services import standard_publish
from tests.workspace.conftest import signed_in
from tests.workspace.editor_helpers import autosave, form_data, stored, url


@pytest.mark.django_db
def test_other_agencies_admins_and_officers_get_404(draft, other_agency_admin, operator):
    for user in (other_agency_admin, operator):
        client = signed_in(user)
        assert client.get(reverse("workspace:standard_edit", args=[draft.pk])).status_code == 404
        assert client.get(url(draft, "fee")).status_code == 404
        assert client.post(url(draft, "fee"), form_data(draft, "fee")).status_code == 404
        assert client.post(reverse("workspace:standard_new_draft", args=[draft.pk])).status_code == 404
        assert client.get(reverse("workspace:standard_review", args=[draft.pk])).status_code == 404
    assert signed_in(operator).get(reverse("workspace:standards")).status_code == 404


@pytest.mark.django_db
def test_the_list_offers_a_new_draft_from_the_published_version(
    draft, agency_admin, django_assert_max_num_queries
):
    published = standard_publish(standard=draft, actor=None)
    client = signed_in(agency_admin)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("workspace:standards")).content.decode()
    assert "Surat Pengantar Izin Keramaian" in page
    assert reverse("workspace:standard_new_draft", args=[published.pk]) in page
    response = client.post(reverse("workspace:standard_new_draft", args=[published.pk]))
    new = Standard.objects.get(service=published.service, status=StandardStatus.DRAFT)
    assert response.url == reverse("workspace:standard_edit", args=[new.pk])
    assert new.components == published.components
    page = client.get(reverse("workspace:standards")).content.decode()
    assert reverse("workspace:standard_edit", args=[new.pk]) in page


@pytest.mark.django_db
def test_a_published_version_is_shown_read_only_and_a_post_changes_nothing(draft, agency_admin):
    published = standard_publish(standard=draft, actor=None)
    client = signed_in(agency_admin)
    page = client.get(url(published, "fee")).content.decode()
    assert "tidak dapat diubah" in page
    assert "hx-post" not in page
    data = form_data(published, "fee")
    data["fee-amount"] = "5000"
    assert autosave(client, published, "fee", data).status_code == 409
    assert stored(published, "fee")["amount"] == 0


@pytest.mark.django_db
def test_the_editor_links_to_the_review_screen(draft, agency_admin):
    client = signed_in(agency_admin)
    review = reverse("workspace:standard_review", args=[draft.pk])
    assert review == f"/kerja/standar/{draft.pk}/tinjau/"
    assert (
        f'href="{review}"' in client.get(reverse("workspace:standard_edit", args=[draft.pk])).content.decode()
    )
    assert f'href="{review}"' in client.get(url(draft, "procedure")).content.decode()
    assert client.get(review).status_code == 200
