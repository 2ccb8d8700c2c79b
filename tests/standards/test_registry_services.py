import pytest

from accounts.models import ADMIN_ROLE
from accounts.selectors import administered_agencies, agencies_for_user
from accounts.services import membership_grant
from audit.models import AuditEvent
from standards.models import AgencyKind, UnitKind
from standards.services import StandardError, agency_create, service_create, unit_create


def test_it_refuses_a_time_zone_outside_indonesia(db):
    with pytest.raises(StandardError, match="WIB, WITA, atau WIT"):
        agency_create(
            actor=None, slug="x", name="X", kind=AgencyKind.DINAS, province="Bali", timezone_name="Asia/Tokyo"
        )


def test_it_refuses_a_contact_channel_of_unknown_kind(db):
    with pytest.raises(StandardError, match="Kanal kontak tidak sah"):
        agency_create(
            actor=None,
            slug="x",
            name="X",
            kind=AgencyKind.DINAS,
            province="Bali",
            contact_channels=[{"kind": "pigeon", "value": "roof"}],
        )


def test_it_refuses_a_service_in_another_agencys_unit(agency, other_agency):
    unit = unit_create(actor=None, agency=other_agency, name="Bidang Lain", kind=UnitKind.BIDANG)

    with pytest.raises(StandardError, match="instansi yang sama"):
        service_create(agency=agency, name="Layanan", unit=unit)


def test_it_gives_two_services_with_the_same_name_distinct_slugs(agency):
    first = service_create(agency=agency, name="Konsultasi")
    second = service_create(agency=agency, name="Konsultasi")

    assert (first.slug, second.slug) == ("konsultasi", "konsultasi-2")


def test_it_records_an_audit_event_for_each_registry_change(agency):
    service = service_create(agency=agency, name="Konsultasi")

    assert AuditEvent.objects.filter(
        action="service.created", target_id=str(service.pk), agency=agency
    ).exists()
    assert AuditEvent.objects.filter(action="agency.created", target_id=str(agency.pk)).exists()


def test_an_agency_admin_administers_only_their_agency(agency, other_agency, django_user_model):
    user = django_user_model.objects.create_user(username="u", password="x-long-password-1")
    membership_grant(actor=None, user=user, agency=agency, role_code=ADMIN_ROLE, role_name="Admin")
    membership_grant(actor=None, user=user, agency=other_agency, role_code="operator", role_name="Operator")

    assert list(administered_agencies(user=user)) == [agency]
    assert set(agencies_for_user(user=user)) == {agency, other_agency}
    user.refresh_from_db()
    assert user.is_staff


def test_a_service_named_maklumat_does_not_hide_the_maklumat_page(agency):
    service = service_create(agency=agency, name="Maklumat")

    assert service.slug == "maklumat-2"


def test_it_refuses_an_agency_code_that_another_page_uses(db):
    with pytest.raises(StandardError, match="dipakai oleh halaman lain"):
        agency_create(actor=None, slug="admin", name="X", kind=AgencyKind.DINAS, province="Bali")
