"""Every demo login signs in at /kerja/masuk/ and lands on its own inbox."""

from __future__ import annotations

import pytest
from django.urls import reverse

from standards.demo import DEMO_PASSWORD, load_demo


@pytest.mark.django_db
def test_every_demo_login_signs_in_and_lands_on_an_inbox(client):
    logins = load_demo(with_users=True).logins
    assert len(logins) >= 36 + 5  # one per role, and the unit logins
    for login in logins:
        client.logout()
        response = client.post(
            reverse("workspace:login"), {"username": login.username, "password": DEMO_PASSWORD}, follow=True
        )
        assert response.redirect_chain[-1][0] == reverse("workspace:inbox"), login.username
        assert response.status_code == 200
        assert "workspace/inbox.html" in [t.name for t in response.templates], login.username
        assert login.role_name.split(" — ")[0] in response.content.decode()


@pytest.mark.django_db
def test_a_wrong_password_stays_on_the_login_page(client, demo):
    response = client.post(reverse("workspace:login"), {"username": "kec-kedopok.camat", "password": "salah"})
    assert response.status_code == 200
    assert "workspace/login.html" in [t.name for t in response.templates]
    assert not response.wsgi_request.user.is_authenticated


@pytest.mark.django_db
def test_a_user_without_a_role_is_told_they_have_none(client, django_user_model):
    user = django_user_model.objects.create_user(username="baru", password="rahasia-baru-123")
    client.force_login(user)
    response = client.get(reverse("workspace:inbox"))
    assert response.status_code == 200
    assert "Anda belum memiliki peran" in response.content.decode()


@pytest.mark.django_db
def test_the_workspace_asks_a_visitor_to_sign_in(client):
    response = client.get(reverse("workspace:inbox"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("workspace:login"))


@pytest.mark.django_db
def test_signing_out_is_a_post_and_returns_to_the_login_page(client, demo, kelurahan_operator):
    client.force_login(kelurahan_operator)
    assert client.get(reverse("workspace:logout")).status_code == 405
    response = client.post(reverse("workspace:logout"))
    assert response["Location"] == reverse("workspace:login")
    assert client.get(reverse("workspace:inbox")).status_code == 302
