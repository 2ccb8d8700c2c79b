"""Repeated wrong passwords lock the login, by account and by address; the right password no
longer gets in, the lockout costs no password hashing, is explained in Indonesian and audited."""

import pytest
from django.contrib.auth.hashers import check_password
from django.urls import reverse

from audit.models import AuditAction, AuditEvent

LOGIN = reverse("admin:login")


def _login(client, username, password, ip="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


@pytest.fixture
def after_five_failures(client, agency_admin, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    for _ in range(5):
        _login(client, "admin-contoh", "salah")
    return client


def test_the_right_password_is_refused_after_five_wrong_ones(after_five_failures):
    response = _login(after_five_failures, "admin-contoh", "rahasia-contoh-123")

    assert response.status_code == 429
    assert "_auth_user_id" not in after_five_failures.session


def test_the_lockout_page_is_in_indonesian_and_says_when_to_retry(after_five_failures):
    response = _login(after_five_failures, "admin-contoh", "rahasia-contoh-123")

    body = response.content.decode()
    assert "Login dikunci sementara" in body
    assert "Silakan coba lagi setelah 15 menit." in body
    assert response["Retry-After"] == "900"


def test_the_account_stays_locked_from_another_address(after_five_failures):
    response = _login(after_five_failures, "admin-contoh", "rahasia-contoh-123", ip="198.51.100.9")

    assert response.status_code == 429


def test_the_address_is_locked_for_other_accounts_too(after_five_failures, operator):
    response = _login(after_five_failures, "operator-contoh", "rahasia-operator-123")

    assert response.status_code == 429


def test_a_locked_attempt_hashes_no_password(after_five_failures, monkeypatch):
    calls = []
    monkeypatch.setattr(
        "django.contrib.auth.base_user.check_password",
        lambda *a, **k: calls.append(a) or check_password(*a, **k),
    )

    _login(after_five_failures, "admin-contoh", "rahasia-contoh-123")

    assert calls == []


def test_the_lockout_is_audited_once(after_five_failures):
    _login(after_five_failures, "admin-contoh", "salah")

    events = AuditEvent.objects.filter(action=AuditAction.LOGIN_LOCKED_OUT)
    assert events.count() == 1, list(events.values("data", "at"))
    assert events.get().data == {"username": "admin-contoh", "ip_address": "203.0.113.7"}


def test_fewer_failures_than_the_limit_still_let_the_right_password_in(client, agency_admin):
    for _ in range(4):
        _login(client, "admin-contoh", "salah")

    response = _login(client, "admin-contoh", "rahasia-contoh-123")

    assert response.status_code == 302
