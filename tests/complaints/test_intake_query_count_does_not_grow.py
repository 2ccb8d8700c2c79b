"""Taking in a website complaint costs a fixed number of queries: the same with three complaints
in the Buku Pengaduan as with fifty more and forty more services in the agency."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from complaints.models import Complaint
from complaints.services import Upload, complaint_create
from standards.services import service_create
from tests.complaints.conftest import PDF, T0

# The duplicate check, the complaint service, its published process, the tracking number's check,
# the case with its two timeline events, the calendar (one statement), the SLA clock and interval,
# the register number (one UPDATE … RETURNING), the complaint, two stored attachments and three
# audit events; savepoints included (the test runs inside a transaction). A new case reads back
# neither its events nor its clocks.
QUERIES = 24


def _intake(agency, n: int) -> Complaint:
    return complaint_create(
        agency=agency,
        kind="pengaduan",
        channel="website",
        content="Izin usaha belum selesai setelah tiga minggu.",
        name="Komang",
        address="Bangli",
        files=[Upload(name="ktp.pdf", content=PDF), Upload(name="bukti.pdf", content=PDF)],
        source_ref=f"web:{n}",
        now=T0,
    )


def _queries_of_one(agency, n: int) -> int:
    with CaptureQueriesContext(connection) as captured:
        complaint = _intake(agency, n)
    assert complaint.register_number == Complaint.objects.filter(agency=agency).count()
    assert complaint.case.due_at is not None  # Bangli's clock runs from receipt
    return len(captured)


@pytest.mark.django_db
def test_one_intake_costs_the_same_queries_with_many_more_complaints_and_services(bangli):
    for n in range(3):
        _intake(bangli, n)
    few = _queries_of_one(bangli, 3)

    for n in range(4, 54):
        _intake(bangli, n)
    for n in range(40):
        service_create(agency=bangli, name=f"Layanan tambahan {n}")
    many = _queries_of_one(bangli, 54)

    assert few == many == QUERIES
