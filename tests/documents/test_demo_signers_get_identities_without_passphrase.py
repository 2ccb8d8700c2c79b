"""`pelayan signing init-demo` (make seed) gives every demo official who signs a passphrase-free
identity from the demo CA; `pelayan signing ca-cert` prints the CA certificate."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from documents.models import SigningIdentity


@pytest.mark.django_db
def test_init_demo_issues_the_camat_an_identity_once(demo):
    call_command("signing", "init-demo", stdout=io.StringIO())
    call_command("signing", "init-demo", stdout=io.StringIO())

    identity = SigningIdentity.objects.get(user__username="kec-kedopok.camat")
    assert identity.needs_passphrase is False and identity.title == "Camat Kedopok"
    out = io.StringIO()
    call_command("signing", "ca-cert", stdout=out)
    assert out.getvalue().startswith("-----BEGIN CERTIFICATE-----")
