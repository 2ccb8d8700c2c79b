"""message_send checks everything before it writes, so a caller may catch its refusal and go on
in the same transaction: the intake's receipt to a bad address loses no complaint."""

from __future__ import annotations

import pytest
from django.db import transaction

from notifications.models import OutboundMessage
from notifications.services import OutboxError, message_send


@pytest.mark.django_db(transaction=True)
def test_a_refusal_caught_inside_a_transaction_lets_it_commit_what_came_after(agency):
    with transaction.atomic():
        with pytest.raises(OutboxError) as refused:
            message_send(channel="email", to="bukan-alamat", body="Diterima", agency=agency)
        message_send(channel="email", to="warga@example.id", body="Diterima", agency=agency)

    assert refused.value.field == "to"
    assert list(OutboundMessage.objects.values_list("to", flat=True)) == ["warga@example.id"]


@pytest.mark.django_db
def test_a_new_key_is_not_looked_for_and_still_unique(agency, django_assert_num_queries):
    first = message_send(channel="sms", to="081234567890", body="A", agency=agency, dedupe_key="k:1")
    # Looked for: the first message comes back and nothing is written.
    with django_assert_num_queries(1):
        again = message_send(channel="sms", to="081234567890", body="B", agency=agency, dedupe_key="k:1")
    assert again.pk == first.pk
    # Said to be new, it is not looked for: the constraint still refuses a second row.
    from django.db import IntegrityError

    with pytest.raises(IntegrityError), transaction.atomic():
        message_send(
            channel="sms", to="081234567890", body="C", agency=agency, dedupe_key="k:1", new_key=True
        )
