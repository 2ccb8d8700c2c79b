import pytest
from django.urls import reverse

from audit.models import AuditAction, AuditEvent
from standards.models import Unit
from tests.standards.admin_forms import agency_form


@pytest.fixture
def change_url(agency):
    return reverse("admin:standards_agency_change", args=[agency.pk])


def _errors(response, field):
    return [str(e) for e in response.context["adminform"].form.errors.get(field, [])]


def test_saving_an_agency_records_which_fields_changed(client, agency_admin, agency, change_url):
    client.force_login(agency_admin)

    response = client.post(change_url, agency_form(agency, head_name="Budi Santoso"))

    assert response.status_code == 302
    agency.refresh_from_db()
    assert agency.head_name == "Budi Santoso"
    event = AuditEvent.objects.get(action=AuditAction.AGENCY_UPDATED, target_id=str(agency.pk))
    assert event.actor == agency_admin
    assert event.data == {"fields": ["head_name"]}


def test_it_refuses_contact_channels_that_are_not_a_list(client, agency_admin, agency, change_url):
    client.force_login(agency_admin)

    response = client.post(change_url, agency_form(agency, contact_channels="5"))

    assert response.status_code == 200
    assert _errors(response, "contact_channels") == [
        "Kanal kontak harus berupa daftar (JSON array) objek kanal."
    ]
    agency.refresh_from_db()
    assert agency.contact_channels == []
    assert not AuditEvent.objects.filter(action=AuditAction.AGENCY_UPDATED).exists()


def test_it_refuses_a_contact_channel_of_unknown_kind(client, agency_admin, agency, change_url):
    client.force_login(agency_admin)

    response = client.post(change_url, agency_form(agency, contact_channels='[{"kind": "pigeon"}]'))

    [message] = _errors(response, "contact_channels")
    assert message.startswith("Kanal kontak tidak sah: kanal ke-1 (kind)")


def test_it_refuses_a_reserved_agency_slug(client, superuser, agency, change_url):
    client.force_login(superuser)

    response = client.post(change_url, agency_form(agency, slug="admin"))

    assert _errors(response, "slug") == ["Kode 'admin' dipakai oleh halaman lain; pilih kode instansi lain."]
    agency.refresh_from_db()
    assert agency.slug == "kec-contoh"


def test_adding_a_unit_on_the_agency_page_records_unit_created(client, agency_admin, agency, change_url):
    client.force_login(agency_admin)
    row = {
        "id": "",
        "agency": agency.pk,
        "name": "Seksi Pelayanan",
        "slug": "seksi-pelayanan",
        "kind": "seksi",
    }

    response = client.post(change_url, agency_form(agency, units=[row]))

    assert response.status_code == 302
    unit = Unit.objects.get(agency=agency, slug="seksi-pelayanan")
    event = AuditEvent.objects.get(action=AuditAction.UNIT_CREATED, target_id=str(unit.pk))
    assert event.actor == agency_admin


def test_a_superuser_adding_an_agency_records_agency_created(client, superuser, agency):
    client.force_login(superuser)
    data = agency_form(agency, slug="kel-baru", name="Kelurahan Baru")
    data.update({"units-TOTAL_FORMS": "0", "units-INITIAL_FORMS": "0"})

    response = client.post(reverse("admin:standards_agency_add"), data)

    assert response.status_code == 302
    event = AuditEvent.objects.get(action=AuditAction.AGENCY_CREATED, data__slug="kel-baru")
    assert event.actor == superuser
