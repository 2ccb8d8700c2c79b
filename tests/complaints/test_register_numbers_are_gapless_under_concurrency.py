"""Complaints taken in at once on PostgreSQL get distinct, gapless register numbers, including the
year's first ones (the counter row is created by both and locked by each in turn), and an intake
that rolls back gives its number back."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections, transaction

from complaints.models import Complaint
from complaints.services import complaint_create, register_number_next
from standards.models import Agency

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")


class _RolledBack(Exception):
    pass


@pytest.mark.django_db(transaction=True)
def test_concurrent_intakes_get_distinct_gapless_register_numbers(demo):
    agency = Agency.objects.get(slug="dpmptsp-bangli")
    errors: list[BaseException] = []
    start = threading.Barrier(16)

    def intake(index: int):
        try:
            start.wait()
            if index % 4 == 0:
                # A quarter of the intakes fail after drawing their number: it must come back.
                try:
                    with transaction.atomic():
                        register_number_next(agency=agency, year=2026)
                        raise _RolledBack
                except _RolledBack:
                    pass
            complaint_create(
                agency=agency,
                kind="pengaduan",
                channel="website",
                content=f"Pengaduan {index}",
                name=f"Warga {index}",
            )
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=intake, args=(i,)) for i in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    numbers = sorted(Complaint.objects.filter(agency=agency).values_list("register_number", flat=True))
    assert numbers == list(range(1, 17))
