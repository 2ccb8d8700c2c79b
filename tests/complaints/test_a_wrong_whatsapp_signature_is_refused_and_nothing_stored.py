"""The WhatsApp webhook takes only what Meta signed with the app secret: a wrong or missing
X-Hub-Signature-256, or no secret configured, is a 403 naming the reason, and nothing is stored.
The subscription check echoes the challenge only for our verify token."""

from __future__ import annotations

import pytest

from complaints.models import Complaint
from notifications.models import InboundMessageRecord
from tests.channels import WA_VERIFY, wa_payload, wa_post
from tests.complaints.conftest import T0


def payload() -> dict:
    return wa_payload(wamid="wamid.SIGNED01", sender="6281234567890", text="Bantuan belum cair", at=T0)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("signature", "code"),
    [
        ("sha256=" + "0" * 64, "signature_invalid"),
        ("", "signature_missing"),
        ("md5=abc", "signature_invalid"),
    ],
)
def test_a_bad_signature_is_refused_and_nothing_is_stored(kalbar, channels, client, signature, code):
    answer = wa_post(client, payload(), signature=signature)

    assert answer.status_code == 403
    assert answer.json()["error"]["code"] == code
    assert InboundMessageRecord.objects.count() == 0 and Complaint.objects.count() == 0


@pytest.mark.django_db
def test_a_body_signed_with_another_secret_is_refused(kalbar, channels, client):
    answer = wa_post(client, payload(), secret="not-the-app-secret")

    assert answer.status_code == 403 and answer.json()["error"]["code"] == "signature_invalid"
    assert InboundMessageRecord.objects.count() == 0


@pytest.mark.django_db
def test_without_an_app_secret_nothing_is_accepted(kalbar, channels, client):
    channels.PELAYAN_WHATSAPP_APP_SECRET = ""

    answer = wa_post(client, payload(), secret="")

    assert answer.status_code == 403 and answer.json()["error"]["code"] == "not_configured"
    assert InboundMessageRecord.objects.count() == 0


@pytest.mark.django_db
def test_the_subscription_check_echoes_the_challenge_only_for_our_token(channels, client):
    ok = client.get("/hooks/whatsapp/", {"hub.mode": "subscribe", "hub.verify_token": WA_VERIFY,
                                         "hub.challenge": "1158201444"})  # fmt: skip
    wrong = client.get("/hooks/whatsapp/", {"hub.mode": "subscribe", "hub.verify_token": "guess",
                                            "hub.challenge": "1158201444"})  # fmt: skip

    assert (ok.status_code, ok.content) == (200, b"1158201444")
    assert wrong.status_code == 403 and wrong.json()["error"]["code"] == "verification_failed"


@pytest.mark.django_db
def test_a_body_over_the_bound_is_refused_before_it_is_read(kalbar, channels, client):
    channels.PELAYAN_INBOUND_WEBHOOK_MAX_BYTES = 100

    answer = wa_post(client, payload())

    assert answer.status_code == 413 and answer.json()["error"]["code"] == "too_large"
    assert InboundMessageRecord.objects.count() == 0


@pytest.mark.django_db
def test_a_signed_body_of_the_wrong_shape_names_what_is_wrong(kalbar, channels, client):
    answer = wa_post(client, {"entry": [{"changes": [{"value": {"messages": [{"type": "text"}]}}]}]})

    assert answer.status_code == 400
    assert answer.json()["error"] == {
        "code": "bad_payload", "message": "a message without id or from", "field": "messages",
    }  # fmt: skip
