"""Inside ``audit_events_deferred`` the events wait and are written in one insert when the block
ends; a block left by an error writes none, and a nested block writes with the outermost."""

from __future__ import annotations

import pytest
from django.db import transaction

from audit.models import AuditAction, AuditEvent
from audit.services import audit_event_record, audit_events_deferred
from standards.models import Agency


def _record(agency: Agency, n: int) -> AuditEvent:
    return audit_event_record(actor=None, agency=agency, action=AuditAction.AGENCY_CREATED, data={"n": n})


@pytest.mark.django_db
def test_the_events_of_a_block_are_written_in_one_insert_as_it_ends(agency, django_assert_num_queries):
    AuditEvent.objects.filter(agency=agency).delete()
    with transaction.atomic():
        with audit_events_deferred():
            for n in range(3):
                _record(agency, n)
                with audit_events_deferred():  # nested: written by the outer block
                    _record(agency, 10 + n)
            assert not AuditEvent.objects.filter(agency=agency).exists()  # nothing written yet
        rows = list(AuditEvent.objects.filter(agency=agency).order_by("pk"))
    assert [e.data["n"] for e in rows] == [0, 10, 1, 11, 2, 12]

    with django_assert_num_queries(1), audit_events_deferred():
        recorded = [_record(agency, n) for n in range(20, 26)]
    assert all(e.pk for e in recorded)


@pytest.mark.django_db
def test_a_block_left_by_an_error_writes_nothing_and_recording_goes_back_to_one_by_one(agency):
    AuditEvent.objects.filter(agency=agency).delete()
    with pytest.raises(RuntimeError), audit_events_deferred():
        _record(agency, 1)
        raise RuntimeError("intake failed")

    assert not AuditEvent.objects.filter(agency=agency, data__n=1).exists()
    event = _record(agency, 2)
    assert event.pk is not None
