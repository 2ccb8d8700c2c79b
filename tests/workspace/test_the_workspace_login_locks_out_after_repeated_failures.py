"""The staff workspace's login is protected like the admin's: five wrong passwords lock it."""

import pytest
from django.urls import reverse

from audit.models import AuditAction, AuditEvent


@pytest.fixture
def officer(django_user_model, agency):
    from accounts.services import membership_grant

    user = django_user_model.objects.create_user(username="operator-kerja", password="rahasia-kerja-123")
    membership_grant(actor=None, user=user, agency=agency, role_code="operator-kecamatan")
    return user


def _login(client, password):
    return client.post(
        reverse("workspace:login"),
        {"username": "operator-kerja", "password": password},
        REMOTE_ADDR="203.0.113.9",
    )


@pytest.mark.django_db
def test_the_right_password_is_refused_after_five_wrong_ones_at_the_workspace(client, officer):
    for _ in range(4):
        assert _login(client, "salah").status_code == 200  # the form again, with its message
    assert _login(client, "salah").status_code == 429  # the fifth failure locks

    response = _login(client, "rahasia-kerja-123")

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN_LOCKED_OUT).count() == 1
