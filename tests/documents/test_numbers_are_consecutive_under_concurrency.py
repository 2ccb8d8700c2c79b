"""Fifty letters numbered at once on PostgreSQL get fifty distinct consecutive numbers: the
counter row is locked with select_for_update and a rollback gives its number back."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections, transaction

from documents.models import DocumentKind
from documents.services import number_allocate, scheme_for
from standards.models import Agency

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_allocations_are_distinct_and_consecutive(demo):
    scheme = scheme_for(agency=Agency.objects.get(slug="perkim-banten"), kind=DocumentKind.REPLY_LETTER)
    numbers: list[str] = []
    errors: list[BaseException] = []
    start = threading.Barrier(50)

    def allocate():
        try:
            start.wait()
            with transaction.atomic():
                number, _seq = number_allocate(scheme=scheme, year=2026)
            numbers.append(number)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=allocate) for _ in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(numbers) == [f"600/{n:03d}/Perkim/2026" for n in range(1, 51)]
