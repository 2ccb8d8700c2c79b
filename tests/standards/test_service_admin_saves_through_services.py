from django.urls import reverse

from audit.models import AuditAction, AuditEvent
from standards.models import Service


def _form(agency, **overrides):
    data = {
        "agency": agency.pk,
        "unit": "",
        "slug": "legalisir",
        "name": "Legalisir Dokumen",
        "kind": "application",
        "summary": "",
        "is_active": "on",
    }
    data.update(overrides)
    return data


def _errors(response, field):
    return [str(e) for e in response.context["adminform"].form.errors.get(field, [])]


def test_it_refuses_a_reserved_service_slug(client, agency_admin, agency):
    client.force_login(agency_admin)

    response = client.post(reverse("admin:standards_service_add"), _form(agency, slug="maklumat"))

    assert response.status_code == 200
    assert _errors(response, "slug") == [
        "Kode 'maklumat' dipakai oleh halaman lain; pilih kode layanan lain."
    ]
    assert not Service.objects.filter(slug="maklumat").exists()


def test_it_refuses_a_unit_of_another_agency(client, superuser, agency, other_agency):
    from standards.services import unit_create

    foreign = unit_create(actor=None, agency=other_agency, name="Bidang Lain")
    client.force_login(superuser)

    response = client.post(reverse("admin:standards_service_add"), _form(agency, unit=foreign.pk))

    assert _errors(response, "unit") == ["Unit kerja harus berada di instansi yang sama dengan layanan."]


def test_adding_a_service_records_service_created(client, agency_admin, agency):
    client.force_login(agency_admin)

    response = client.post(reverse("admin:standards_service_add"), _form(agency))

    assert response.status_code == 302
    service = Service.objects.get(agency=agency, slug="legalisir")
    event = AuditEvent.objects.get(action=AuditAction.SERVICE_CREATED, target_id=str(service.pk))
    assert event.actor == agency_admin


def test_switching_a_service_off_records_service_updated(client, agency_admin, service):
    client.force_login(agency_admin)
    data = _form(service.agency, slug=service.slug, name=service.name)
    del data["is_active"]
    del data["agency"]

    response = client.post(reverse("admin:standards_service_change", args=[service.pk]), data)

    assert response.status_code == 302
    service.refresh_from_db()
    assert service.is_active is False
    event = AuditEvent.objects.get(action=AuditAction.SERVICE_UPDATED, target_id=str(service.pk))
    assert event.data == {"fields": ["is_active"]}
