import html

from django.urls import reverse

from accounts.models import ADMIN_ROLE, Membership, StaffRole
from audit.models import AuditAction, AuditEvent


def _role_form(role, members, *, initial=0, **overrides):
    data = {
        "name": role.name if role else "Petugas Loket",
        "aliases": "[]",
        "memberships-TOTAL_FORMS": str(len(members)),
        "memberships-INITIAL_FORMS": str(initial),
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
    }
    for n, member in enumerate(members):
        for key, value in member.items():
            data[f"memberships-{n}-{key}"] = value
    data.update(overrides)
    return data


def test_adding_a_role_records_staff_role_created(client, agency_admin, agency):
    client.force_login(agency_admin)

    data = _role_form(None, [], agency=agency.pk, code="petugas-loket")
    response = client.post(reverse("admin:accounts_staffrole_add"), data)

    assert response.status_code == 302
    role = StaffRole.objects.get(agency=agency, code="petugas-loket")
    assert (
        AuditEvent.objects.get(action=AuditAction.STAFF_ROLE_CREATED, target_id=str(role.pk)).actor
        == agency_admin
    )


def test_it_refuses_a_role_code_that_is_not_a_slug(client, agency_admin, agency):
    client.force_login(agency_admin)

    data = _role_form(None, [], agency=agency.pk, code="Petugas Loket")
    response = client.post(reverse("admin:accounts_staffrole_add"), data)

    assert response.status_code == 200
    assert (
        "Kode peran hanya boleh berisi huruf kecil, angka, dan tanda hubung."
        in (response.context["adminform"].form.errors["code"])
    )


def test_granting_the_admin_role_gives_staff_access_and_is_audited(
    client, agency_admin, agency, django_user_model
):
    newcomer = django_user_model.objects.create_user(username="baru", password="rahasia-baru-123")
    role = StaffRole.objects.get(agency=agency, code=ADMIN_ROLE)
    existing = Membership.objects.get(role=role, user=agency_admin)
    client.force_login(agency_admin)
    members = [
        {"id": existing.pk, "role": role.pk, "user": agency_admin.pk},
        {"id": "", "role": role.pk, "user": newcomer.pk},
    ]

    response = client.post(
        reverse("admin:accounts_staffrole_change", args=[role.pk]), _role_form(role, members, initial=1)
    )

    assert response.status_code == 302
    newcomer.refresh_from_db()
    assert newcomer.is_staff is True
    event = AuditEvent.objects.get(action=AuditAction.MEMBERSHIP_GRANTED, data__user="baru")
    assert event.actor == agency_admin
    assert event.data["made_staff"] is True


def test_it_refuses_a_member_whose_account_is_inactive(client, agency_admin, agency, django_user_model):
    sleeper = django_user_model.objects.create_user(username="tidur", password="x", is_active=False)
    role = StaffRole.objects.get(agency=agency, code=ADMIN_ROLE)
    existing = Membership.objects.get(role=role, user=agency_admin)
    client.force_login(agency_admin)
    members = [
        {"id": existing.pk, "role": role.pk, "user": agency_admin.pk},
        {"id": "", "role": role.pk, "user": sleeper.pk},
    ]

    response = client.post(
        reverse("admin:accounts_staffrole_change", args=[role.pk]), _role_form(role, members, initial=1)
    )

    assert response.status_code == 200
    assert not Membership.objects.filter(user=sleeper).exists()
    assert "Akun 'tidur' tidak aktif." in html.unescape(response.content.decode())


def test_removing_a_member_records_membership_revoked(client, superuser, operator, agency):
    role = StaffRole.objects.get(agency=agency, code="operator-kecamatan")
    existing = Membership.objects.get(role=role, user=operator)
    client.force_login(superuser)
    members = [{"id": existing.pk, "role": role.pk, "user": operator.pk, "DELETE": "on"}]

    response = client.post(
        reverse("admin:accounts_staffrole_change", args=[role.pk]), _role_form(role, members, initial=1)
    )

    assert response.status_code == 302
    assert not Membership.objects.filter(pk=existing.pk).exists()
    event = AuditEvent.objects.get(action=AuditAction.MEMBERSHIP_REVOKED)
    assert event.data == {"role": "operator-kecamatan", "user": "operator-contoh"}


def test_renaming_a_role_records_staff_role_updated(client, agency_admin, agency):
    role = StaffRole.objects.get(agency=agency, code=ADMIN_ROLE)
    existing = Membership.objects.get(role=role, user=agency_admin)
    client.force_login(agency_admin)
    members = [{"id": existing.pk, "role": role.pk, "user": agency_admin.pk}]

    response = client.post(
        reverse("admin:accounts_staffrole_change", args=[role.pk]),
        _role_form(role, members, initial=1, name="Administrator Instansi"),
    )

    assert response.status_code == 302
    event = AuditEvent.objects.get(action=AuditAction.STAFF_ROLE_UPDATED)
    assert event.data == {"code": "admin", "fields": ["name"]}
