"""An agency admin edits a kind's text as a draft, previews it and publishes it; documents made
before keep the version they were made from."""

from __future__ import annotations

import datetime as dt

import pytest

from cases.services import InvalidInput
from documents.models import DocumentKind, TemplateStatus
from documents.services import document_render, template_draft_save, template_preview, template_publish
from standards.models import Agency
from tests.documents.conftest import T0


@pytest.mark.django_db
def test_a_published_version_is_kept_and_a_new_one_applies_to_new_documents(demo):
    agency = Agency.objects.get(slug="perkim-banten")
    first = document_render(agency=agency, kind=DocumentKind.RECEIPT, case=None, now=T0)

    draft = template_draft_save(agency=agency, kind=DocumentKind.RECEIPT, actor=None, title="Tanda Terima Surat",
                                body="<p>Surat dari {{ details.pengirim }} telah kami terima.</p>")  # fmt: skip
    assert draft.version == 2 and draft.status == TemplateStatus.DRAFT
    assert template_preview(template=draft).startswith(b"%PDF")
    template_publish(template=draft, actor=None)
    second = document_render(agency=agency, kind=DocumentKind.RECEIPT, case=None, details={"pengirim": "LSM"},
                             now=T0 + dt.timedelta(minutes=1))  # fmt: skip

    first.template.refresh_from_db()
    assert (first.template.version, first.template.status) == (1, TemplateStatus.RETIRED)
    assert second.template.version == 2
    assert (first.seq, second.seq) == (1, 2)


@pytest.mark.django_db
def test_a_template_with_a_syntax_error_is_refused(demo):
    agency = Agency.objects.get(slug="perkim-banten")
    with pytest.raises(InvalidInput):
        template_draft_save(agency=agency, kind=DocumentKind.RECEIPT, actor=None, title="x", body="{% if %}")
    for tag in ("{% debug %}", '{% include "base.html" %}', "{% load static %}"):
        with pytest.raises(InvalidInput):
            template_draft_save(agency=agency, kind=DocumentKind.RECEIPT, actor=None, title="x", body=tag)
