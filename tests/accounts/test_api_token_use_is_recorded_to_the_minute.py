"""A token's last use is written at most once a minute, so reads do not each become a write."""

from __future__ import annotations

import datetime as dt

import pytest

from accounts.models import ApiToken
from accounts.services import api_token_authenticate, api_token_create

T0 = dt.datetime(2026, 11, 4, 2, 0, tzinfo=dt.UTC)


@pytest.mark.django_db
def test_uses_within_a_minute_leave_the_first_moment_and_a_later_use_moves_it(operator):
    row, token = api_token_create(user=operator)

    api_token_authenticate(token=token, now=T0)
    api_token_authenticate(token=token, now=T0 + dt.timedelta(seconds=59))
    row.refresh_from_db()
    assert row.last_used_at == T0

    api_token_authenticate(token=token, now=T0 + dt.timedelta(minutes=1))
    row.refresh_from_db()
    assert row.last_used_at == T0 + dt.timedelta(minutes=1)


@pytest.mark.django_db
def test_an_inactive_users_token_does_not_authenticate(operator):
    _row, token = api_token_create(user=operator)
    operator.is_active = False
    operator.save(update_fields=["is_active"])

    assert api_token_authenticate(token=token) is None
    assert ApiToken.objects.get(user=operator).revoked_at is None
