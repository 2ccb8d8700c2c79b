import io

from django.core.management import call_command
from django.urls import reverse

from audit.models import AuditAction, AuditEvent

LOGIN = reverse("admin:login")


def _lock(client, username):
    for _ in range(5):
        client.post(LOGIN, {"username": username, "password": "salah"}, REMOTE_ADDR="203.0.113.7")


def test_the_unlock_command_lets_the_account_in_again_and_is_audited(client, agency_admin):
    _lock(client, "admin-contoh")

    call_command("unlock_login", username="admin-contoh", ip="203.0.113.7", stdout=io.StringIO())

    response = client.post(
        LOGIN, {"username": "admin-contoh", "password": "rahasia-contoh-123"}, REMOTE_ADDR="203.0.113.7"
    )
    assert response.status_code == 302
    event = AuditEvent.objects.get(action=AuditAction.LOGIN_UNLOCKED)
    assert event.data["username"] == "admin-contoh"
    assert event.data["attempts"] >= 1


def test_a_superuser_unlocks_from_the_admin_and_is_recorded_as_the_actor(client, agency_admin, superuser):
    from axes.models import AccessAttempt

    _lock(client, "admin-contoh")
    staff = client.__class__()
    staff.force_login(superuser)

    response = staff.post(
        reverse("admin:axes_accessattempt_changelist"),
        {
            "action": "unlock_selected",
            "_selected_action": list(AccessAttempt.objects.values_list("pk", flat=True)),
        },
    )

    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()
    assert AuditEvent.objects.get(action=AuditAction.LOGIN_UNLOCKED).actor == superuser


def test_an_agency_admin_cannot_see_the_login_attempts(client, agency_admin):
    client.force_login(agency_admin)

    assert client.get(reverse("admin:axes_accessattempt_changelist")).status_code == 403
