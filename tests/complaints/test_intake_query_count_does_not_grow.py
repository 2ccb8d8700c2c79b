"""Taking in a website complaint costs a fixed number of queries: the same with three complaints
in the Buku Pengaduan as with fifty more and forty more services in the agency."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.models import Q
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from audit.models import AuditEvent
from complaints.models import Complaint
from complaints.services import Upload, complaint_create
from standards.services import service_create
from tests.complaints.conftest import PDF, T0

# The complaint service, its published process, the tracking number's check with the case's id
# (one statement), the calendar (one statement), the SLA clock and its interval, the case (inserted
# once, at the step its submission leaves it on), its two timeline events (one insert), the
# register number (one UPDATE … RETURNING), the complaint, its two
# attachments (one insert), the receipt in the outbox with its delivery task (the database task
# backend, as deployed, writes it in the same transaction) and the four audit events (one
# insert); the savepoint of the intake's transaction included (the test runs inside one). A repeated message is
# caught by its constraint, not looked for; a new case reads back neither its events nor its clocks.
QUERIES = 15


def _intake(agency, n: int) -> Complaint:
    return complaint_create(
        agency=agency,
        kind="pengaduan",
        channel="website",
        content="Izin usaha belum selesai setelah tiga minggu.",
        name="Komang",
        address="Bangli",
        email="komang@example.id",
        files=[Upload(name="ktp.pdf", content=PDF), Upload(name="bukti.pdf", content=PDF)],
        source_ref=f"web:{n}",
        now=T0,
    )


def _queries_of_one(agency, n: int) -> int:
    with CaptureQueriesContext(connection) as captured:
        complaint = _intake(agency, n)
    assert complaint.register_number == Complaint.objects.filter(agency=agency).count()
    assert complaint.case.due_at is not None  # Bangli's clock runs from receipt
    assert complaint.case.events.count() == 2 and complaint.files.count() == 2
    trail = AuditEvent.objects.filter(
        Q(target_type="complaints.complaint", target_id=str(complaint.pk))
        | Q(target_type="cases.case", target_id=str(complaint.case_id))
    )
    assert sorted(trail.values_list("action", flat=True)) == ["case.created", "complaint.created"]
    return len(captured)


@pytest.mark.django_db
@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
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
