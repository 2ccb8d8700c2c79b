"""A template's text is an agency admin's input: it may not load server files or the network into
the PDF (as an image or an attachment); the uploaded logo is loaded."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from documents.models import DocumentKind, Letterhead
from documents.services import document_render, template_draft_save, template_publish
from standards.models import Agency
from tests.documents.conftest import T0


@pytest.mark.django_db
def test_only_the_logo_is_loaded(demo, tmp_path):
    agency = Agency.objects.get(slug="perkim-banten")
    secret = tmp_path / "secret.txt"
    secret.write_text("RAHASIA-SERVER")
    logo = tmp_path / "logo.png"
    Image.new("RGB", (40, 40), "red").save(logo)
    head = Letterhead(agency=agency, government="Pemerintah Provinsi Banten")
    head.logo.save("logo.png", ContentFile(logo.read_bytes()))
    body = (
        f'<p>Isi.</p><a rel="attachment" href="file://{secret}">x</a>'
        f'<img src="file://{secret}"><img src="http://127.0.0.1:9/x.png">'
    )
    template_publish(
        template=template_draft_save(
            agency=agency, kind=DocumentKind.RECEIPT, actor=None, title="T", body=body
        ),
        actor=None,
    )

    document = document_render(agency=agency, kind=DocumentKind.RECEIPT, case=None, now=T0)

    data = document.file.open("rb").read()
    assert b"RAHASIA-SERVER" not in data
    assert b"/EmbeddedFile" not in data
    assert b"/Subtype /Image" in data or b"/Subtype/Image" in data
