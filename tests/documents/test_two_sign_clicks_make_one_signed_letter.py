"""Two "sign" clicks at the same moment on PostgreSQL: one signs and moves the case, the other is
told the case changed; there is one document with one number."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from cases.services import CaseError
from documents.models import Document, DocumentStatus
from documents.services import case_sign, signing_identity_issue

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_signatures_give_one_signed_letter(case_at_signing, camat, demo_ca):
    signing_identity_issue(user=camat, passphrase=None)
    outcomes: list[str] = []
    start = threading.Barrier(2)

    def sign():
        try:
            start.wait()
            case_sign(case=case_at_signing, actor=camat, version=case_at_signing.version)
            outcomes.append("signed")
        except CaseError as exc:
            outcomes.append(type(exc).__name__)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sign) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["Conflict", "signed"]
    document = Document.objects.get(case=case_at_signing)
    assert document.status == DocumentStatus.SIGNED and document.number == "300/001/Kedopok/2026"
