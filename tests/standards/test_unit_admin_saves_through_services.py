from django.urls import reverse

from audit.models import AuditAction, AuditEvent
from standards.models import Unit
from standards.services import service_create, unit_create


def _errors(response, field):
    return [str(e) for e in response.context["adminform"].form.errors.get(field, [])]


def test_adding_a_unit_records_unit_created(client, agency_admin, agency):
    client.force_login(agency_admin)

    response = client.post(
        reverse("admin:standards_unit_add"),
        {"agency": agency.pk, "name": "Seksi Umum", "slug": "seksi-umum", "kind": "seksi", "parent": ""},
    )

    assert response.status_code == 302
    unit = Unit.objects.get(slug="seksi-umum")
    assert (
        AuditEvent.objects.get(action=AuditAction.UNIT_CREATED, target_id=str(unit.pk)).actor == agency_admin
    )


def test_it_refuses_a_parent_unit_of_another_agency(client, superuser, agency, other_agency):
    foreign = unit_create(actor=None, agency=other_agency, name="Bidang Lain")
    client.force_login(superuser)

    response = client.post(
        reverse("admin:standards_unit_add"),
        {
            "agency": agency.pk,
            "name": "Seksi Umum",
            "slug": "seksi-umum",
            "kind": "seksi",
            "parent": foreign.pk,
        },
    )

    assert response.status_code == 200
    assert _errors(response, "parent") == ["Unit induk harus berada di instansi yang sama."]


def test_renaming_a_unit_records_unit_updated(client, agency_admin, agency):
    unit = unit_create(actor=None, agency=agency, name="Seksi Umum")
    client.force_login(agency_admin)

    response = client.post(
        reverse("admin:standards_unit_change", args=[unit.pk]),
        {"name": "Seksi Umum dan Kepegawaian", "slug": unit.slug, "kind": unit.kind, "parent": ""},
    )

    assert response.status_code == 302
    event = AuditEvent.objects.get(action=AuditAction.UNIT_UPDATED, target_id=str(unit.pk))
    assert event.data == {"fields": ["name"]}


def test_deleting_a_unit_records_unit_deleted(client, superuser, agency):
    unit = unit_create(actor=None, agency=agency, name="Seksi Umum")
    client.force_login(superuser)

    response = client.post(reverse("admin:standards_unit_delete", args=[unit.pk]), {"post": "yes"})

    assert response.status_code == 302
    assert not Unit.objects.filter(pk=unit.pk).exists()
    assert AuditEvent.objects.get(action=AuditAction.UNIT_DELETED, target_id=str(unit.pk)).actor == superuser


def test_a_unit_with_services_is_not_deleted(agency):
    import pytest

    from standards.services import RegistryInvalid, unit_delete

    unit = unit_create(actor=None, agency=agency, name="Seksi Umum")
    service_create(agency=agency, name="Legalisir", unit=unit)

    with pytest.raises(RegistryInvalid, match="masih memiliki layanan"):
        unit_delete(actor=None, unit=unit)
