from __future__ import annotations

import pytest

from notifications.models import OutboundMessage
from notifications.services import OutboxError, message_send


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"channel": "letter", "to": "x@example.org"}, "channel"),
        ({"channel": "email", "to": "bukan-alamat"}, "to"),
        ({"channel": "sms", "to": "12"}, "to"),
        ({"channel": "email", "to": "x@example.org", "body": "  "}, "body"),
        ({"channel": "email", "to": "x@example.org", "body": "x" * 20_001}, "body"),
        ({"channel": "email", "to": "x@example.org", "subject": "a\nBcc: y@example.org"}, "subject"),
        ({"channel": "email", "to": "x@example.org", "attachments": [("a.pdf", "application/pdf", b"x")] * 6},
         "attachments"),
    ],
)  # fmt: skip
def test_it_names_the_argument_at_fault_and_stores_nothing(agency, kwargs, field):
    kwargs.setdefault("body", "Isi")
    with pytest.raises(OutboxError) as caught:
        message_send(agency=agency, **kwargs)
    assert caught.value.field == field
    assert str(caught.value)
    assert not OutboundMessage.objects.exists()
