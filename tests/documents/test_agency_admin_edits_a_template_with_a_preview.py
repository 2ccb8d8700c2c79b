"""An agency admin writes a new version of a template in the admin, previews it as a PDF and
publishes it; a published version cannot be edited."""

from __future__ import annotations

import pytest

from documents.models import DocumentKind, DocumentTemplate, TemplateStatus
from documents.services import template_published
from standards.models import Agency


@pytest.fixture
def banten_admin(demo, django_user_model):
    from accounts.services import membership_grant

    user = django_user_model.objects.create_user(username="admin-banten", password="x", is_staff=True)
    membership_grant(actor=None, user=user, agency=Agency.objects.get(slug="perkim-banten"), role_code="admin",
                     role_name="Admin Instansi")  # fmt: skip
    return user


@pytest.mark.django_db
def test_the_admin_saves_a_draft_previews_and_cannot_edit_the_published_one(banten_admin, client):
    agency = Agency.objects.get(slug="perkim-banten")
    published = template_published(agency=agency, kind=DocumentKind.RECEIPT)
    client.force_login(banten_admin)

    response = client.post(
        "/admin/documents/documenttemplate/add/",
        {
            "agency": agency.pk,
            "kind": DocumentKind.RECEIPT,
            "title": "Tanda Terima",
            "body": "<p>Diterima.</p>",
        },
    )

    assert response.status_code == 302
    draft = DocumentTemplate.objects.get(
        agency=agency, kind=DocumentKind.RECEIPT, status=TemplateStatus.DRAFT
    )
    assert draft.version == 2
    preview = client.get(f"/admin/documents/documenttemplate/{draft.pk}/preview/")
    assert preview["Content-Type"] == "application/pdf" and preview.content.startswith(b"%PDF")
    client.post(f"/admin/documents/documenttemplate/{published.pk}/change/", {"title": "x", "body": "y"})
    published.refresh_from_db()
    assert published.body != "y" and published.status == TemplateStatus.PUBLISHED
