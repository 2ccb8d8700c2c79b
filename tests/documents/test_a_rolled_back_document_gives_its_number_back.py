"""Numbers are allocated in the document's own transaction: when it rolls back, so does the number."""

from __future__ import annotations

import pytest
from django.db import transaction

from documents.models import DocumentKind, NumberCounter
from documents.services import number_allocate, scheme_for
from standards.models import Agency


@pytest.mark.django_db
def test_a_rolled_back_document_gives_its_number_back(demo):
    scheme = scheme_for(agency=Agency.objects.get(slug="perkim-banten"), kind=DocumentKind.RECEIPT)
    with pytest.raises(RuntimeError), transaction.atomic():
        number_allocate(scheme=scheme, year=2026)
        raise RuntimeError("rendering failed")
    with transaction.atomic():
        number, seq = number_allocate(scheme=scheme, year=2026)
    assert (number, seq) == ("000.5/001/Perkim/2026", 1)
    assert NumberCounter.objects.get(scheme=scheme).last == 1
