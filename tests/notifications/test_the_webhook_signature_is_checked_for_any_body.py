"""The WhatsApp signature check holds for any body: the HMAC-SHA256 under the app secret is
accepted, and a changed body, a changed signature or another secret is not."""

from __future__ import annotations

import hashlib
import hmac

from hypothesis import assume, given
from hypothesis import strategies as st

from notifications.inbound.whatsapp import signature_valid

secrets = st.text(min_size=1, max_size=40)


def sign(body: bytes, secret: str) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


@given(body=st.binary(max_size=2000), secret=secrets)
def test_the_body_signed_with_the_app_secret_is_accepted(body, secret):
    assert signature_valid(body=body, header=sign(body, secret), secret=secret)


@given(body=st.binary(min_size=1, max_size=2000), secret=secrets, position=st.integers(min_value=0))
def test_a_body_changed_by_one_byte_is_refused(body, secret, position):
    index = position % len(body)
    changed = body[:index] + bytes([body[index] ^ 0x01]) + body[index + 1 :]

    assert not signature_valid(body=changed, header=sign(body, secret), secret=secret)


@given(body=st.binary(max_size=500), secret=secrets, other=secrets)
def test_a_body_signed_with_another_secret_is_refused(body, secret, other):
    assume(other != secret)
    assert not signature_valid(body=body, header=sign(body, other), secret=secret)


@given(body=st.binary(max_size=500))
def test_without_a_secret_nothing_is_accepted(body):
    assert not signature_valid(body=body, header=sign(body, ""), secret="")
