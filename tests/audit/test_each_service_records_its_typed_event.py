"""Each registry and staff service records exactly its own typed event, with the acting user."""

import pytest

from accounts.models import StaffRole
from accounts.services import (
    membership_create,
    membership_revoke,
    staff_role_create,
    staff_role_update,
)
from audit.models import AuditAction, AuditEvent
from standards.services import (
    agency_update,
    service_create,
    service_update,
    standard_draft_create,
    standard_draft_from,
    standard_draft_update,
    standard_publish,
    unit_create,
    unit_delete,
    unit_update,
)
from tests.factories import complete_components


@pytest.fixture
def actor(superuser):
    return superuser


def _only_new_event(before: set[int]) -> AuditEvent:
    [event] = AuditEvent.objects.exclude(pk__in=before)
    return event


@pytest.fixture
def seen(db):
    return lambda: set(AuditEvent.objects.values_list("pk", flat=True))


def test_agency_created(agency):
    event = AuditEvent.objects.get(action=AuditAction.AGENCY_CREATED)

    assert event.target_id == str(agency.pk)
    assert event.data == {"slug": "kec-contoh"}


def test_agency_updated(agency, actor, seen):
    before = seen()

    agency_update(actor=actor, agency=agency, head_name="Budi", regency="Kota Baru")

    event = _only_new_event(before)
    assert (event.action, event.actor, event.data) == (
        AuditAction.AGENCY_UPDATED,
        actor,
        {"fields": ["head_name", "regency"]},
    )


def test_an_update_that_changes_nothing_records_nothing(agency, actor, seen):
    before = seen()

    agency_update(actor=actor, agency=agency, name=agency.name)

    assert seen() == before


def test_unit_created_updated_and_deleted(agency, actor, seen):
    before = seen()
    unit = unit_create(actor=actor, agency=agency, name="Seksi Umum")
    assert _only_new_event(before).action == AuditAction.UNIT_CREATED

    before = seen()
    unit_update(actor=actor, unit=unit, name="Seksi Umum dan Kepegawaian")
    assert _only_new_event(before).action == AuditAction.UNIT_UPDATED

    before = seen()
    unit_delete(actor=actor, unit=unit)
    event = _only_new_event(before)
    assert (event.action, event.data) == (
        AuditAction.UNIT_DELETED,
        {"slug": "seksi-umum", "name": "Seksi Umum dan Kepegawaian"},
    )


def test_service_created_and_updated(agency, actor, seen):
    before = seen()
    service = service_create(actor=actor, agency=agency, name="Legalisir")
    assert _only_new_event(before).action == AuditAction.SERVICE_CREATED

    before = seen()
    service_update(actor=actor, service=service, is_active=False)
    event = _only_new_event(before)
    assert (event.action, event.data) == (AuditAction.SERVICE_UPDATED, {"fields": ["is_active"]})


def test_staff_role_created_and_updated(agency, actor, seen):
    before = seen()
    role = staff_role_create(actor=actor, agency=agency, code="loket", name="Petugas Loket")
    assert _only_new_event(before).action == AuditAction.STAFF_ROLE_CREATED

    before = seen()
    staff_role_update(actor=actor, role=role, aliases=["Front Office"])
    event = _only_new_event(before)
    assert (event.action, event.data) == (
        AuditAction.STAFF_ROLE_UPDATED,
        {"code": "loket", "fields": ["aliases"]},
    )


def test_membership_granted_and_revoked(agency, operator, actor, seen):
    role = StaffRole.objects.get(agency=agency, code="operator-kecamatan")
    other = staff_role_create(actor=None, agency=agency, code="sekcam", name="Sekretaris Kecamatan")

    before = seen()
    membership = membership_create(actor=actor, user=operator, role=other)
    event = _only_new_event(before)
    assert (event.action, event.data) == (
        AuditAction.MEMBERSHIP_GRANTED,
        {"role": "sekcam", "user": "operator-contoh", "made_staff": False},
    )

    before = seen()
    membership_revoke(actor=actor, membership=membership)
    assert _only_new_event(before).action == AuditAction.MEMBERSHIP_REVOKED
    assert role.memberships.filter(user=operator).exists()


def test_standard_draft_created_updated_published_and_superseded(service, actor, seen):
    before = seen()
    draft = standard_draft_create(service=service, actor=actor, components=complete_components())
    assert _only_new_event(before).action == AuditAction.STANDARD_DRAFT_CREATED

    before = seen()
    standard_draft_update(standard=draft, actor=actor, decree_number="800/1/2026")
    event = _only_new_event(before)
    assert (event.action, event.data) == (AuditAction.STANDARD_DRAFT_UPDATED, {"fields": ["decree_number"]})

    before = seen()
    first = standard_publish(standard=draft, actor=actor)
    event = _only_new_event(before)
    digest = first.process.digest
    assert (event.action, event.data) == (
        AuditAction.STANDARD_PUBLISHED,
        {"version": 1, "superseded": [], "process": digest},
    )

    second = standard_draft_from(standard=first, actor=actor)
    before = seen()
    standard_publish(standard=second, actor=actor)
    actions = sorted(AuditEvent.objects.exclude(pk__in=before).values_list("action", flat=True))
    assert actions == [AuditAction.STANDARD_PUBLISHED, AuditAction.STANDARD_SUPERSEDED]
