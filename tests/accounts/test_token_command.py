"""`pelayan token create USERNAME` prints the token once, as its last word, and stores only its hash."""

from __future__ import annotations

import hashlib
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from accounts.models import ApiToken
from accounts.services import api_token_authenticate


def run(*args: str) -> str:
    out = StringIO()
    call_command("token", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_the_token_is_the_last_word_of_the_output_and_only_its_hash_is_stored(operator):
    output = run("create", operator.username, "--name", "integrasi SIAK")

    token = output.split()[-1]
    row = ApiToken.objects.get(user=operator)
    assert row.name == "integrasi SIAK"
    assert row.prefix == token[:8]
    assert row.key_hash == hashlib.sha256(token.encode()).hexdigest()
    assert not ApiToken.objects.filter(key_hash=token).exists()
    assert api_token_authenticate(token=token) == operator


@pytest.mark.django_db
def test_an_unknown_user_is_refused_with_exit_status_1(db):
    with pytest.raises(CommandError) as refused:
        run("create", "tidak-ada")

    assert refused.value.returncode == 1
    assert "tidak-ada" in str(refused.value)
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_a_revoked_token_no_longer_authenticates(operator):
    token = run("create", operator.username).split()[-1]

    run("revoke", token[:8])

    assert api_token_authenticate(token=token) is None
    assert "revoked" in run("list", operator.username)
