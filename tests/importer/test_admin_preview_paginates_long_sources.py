"""A long source is shown a page of lines at a time, with links from the draft to the right page."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from importer.admin import SOURCE_PAGE_LINES
from importer.models import PendingUpload
from tests.lib.importer import corpus


@pytest.mark.django_db
def test_it_shows_one_page_of_source_lines_and_links_to_the_others(client, agency, agency_admin):
    client.force_login(agency_admin)
    data, name = corpus.text_typos()
    # A long legal basis: many lines between the labels, as in a real decree with its regulations.
    filler = "".join(f"Peraturan Daerah Nomor {n} Tahun 2020;\n" for n in range(1, 2 * SOURCE_PAGE_LINES))
    marker = b"tentang Penyelenggaraan Reklame\n"
    assert marker in data
    data = data.replace(marker, marker + filler.encode(), 1)
    response = client.post(
        reverse("admin:importer_upload"), {"agency": agency.pk, "document": SimpleUploadedFile(name, data)}
    )
    page = response.content.decode()
    upload = PendingUpload.objects.get()
    pending = reverse("admin:importer_pending", args=[upload.pk])
    assert page.count('<span class="n">') == SOURCE_PAGE_LINES
    assert f'href="{pending}?page=3"' in page
    second = client.get(pending + "?page=2").content.decode()
    assert f'<span class="n">{SOURCE_PAGE_LINES}</span>' in second
    assert '<span class="n">0</span>' not in second
    assert "Halaman 2 dari" in second
