import pytest
from django.db import IntegrityError, transaction

from audit.models import AuditAction, AuditEvent
from audit.services import UnknownAuditAction, audit_event_record


def test_it_records_an_audit_action_member(agency):
    event = audit_event_record(actor=None, agency=agency, action=AuditAction.AGENCY_UPDATED, target=agency)

    assert event.action == "agency.updated"
    assert event.target_id == str(agency.pk)


def test_it_accepts_the_value_of_a_member(agency):
    event = audit_event_record(actor=None, agency=agency, action="agency.updated")  # type: ignore[arg-type]

    assert event.action == AuditAction.AGENCY_UPDATED


def test_it_refuses_an_unknown_action(agency):
    with pytest.raises(UnknownAuditAction, match=r"sla\.on-track"):
        audit_event_record(actor=None, agency=agency, action="sla.on-track")  # type: ignore[arg-type]

    assert not AuditEvent.objects.filter(action="sla.on-track").exists()


def test_the_database_refuses_an_unknown_action(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditEvent.objects.create(action="standard.renamed")


def test_an_anonymous_actor_is_stored_as_the_system(agency):
    from django.contrib.auth.models import AnonymousUser

    event = audit_event_record(actor=AnonymousUser(), agency=agency, action=AuditAction.AGENCY_UPDATED)

    assert event.actor is None
