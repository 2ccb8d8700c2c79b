from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from audit.models import AuditAction, AuditEvent
from open311.models import Open311Client
from open311.services import open311_client_authenticate, open311_client_revoke, open311_key_hash

pytestmark = pytest.mark.django_db


def _create(name: str) -> str:
    out = StringIO()
    call_command("open311_key", "create", name, stdout=out)
    return out.getvalue().split()[-1]


def test_the_key_is_the_last_word_and_only_its_hash_is_kept():
    key = _create("peta-warga")
    row = Open311Client.objects.get(name="peta-warga")
    assert row.key_hash == open311_key_hash(key)
    assert key not in (row.key_hash, row.prefix)
    assert key.startswith(row.prefix)
    assert AuditEvent.objects.filter(action=AuditAction.OPEN311_CLIENT_CREATED).count() == 1


def test_the_key_authenticates_its_client_until_it_is_revoked():
    key = _create("peta-warga")
    client = open311_client_authenticate(key=key)
    assert client is not None and client.name == "peta-warga"
    assert open311_client_authenticate(key=key + "x") is None
    open311_client_revoke(client=client)
    assert open311_client_authenticate(key=key) is None


def test_a_second_client_with_the_same_name_is_refused():
    _create("peta-warga")
    with pytest.raises(CommandError, match="already exists"):
        _create("peta-warga")


def test_revoke_by_name_stops_the_key_and_list_says_so():
    key = _create("aplikasi-desa")
    call_command("open311_key", "revoke", "aplikasi-desa", stdout=StringIO())
    assert open311_client_authenticate(key=key) is None
    out = StringIO()
    call_command("open311_key", "list", stdout=out)
    assert "aplikasi-desa" in out.getvalue() and "revoked" in out.getvalue()
