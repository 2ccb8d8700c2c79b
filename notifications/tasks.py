"""Background tasks of the outbox and the inbound adapters, run by `pelayan worker`."""

from __future__ import annotations

from django_tasks import task

from notifications import services


@task()
def message_deliver_task(message_id: int) -> str:
    """One attempt at one message, queued with it (or once its transaction commits). Returns
    its status afterwards ("" when it was not due: another worker or the sweep had it)."""
    message = services.message_deliver(message_id=message_id)
    return message.status if message is not None else ""


@task()
def outbox_sweep() -> int:
    """Every ``PELAYAN_OUTBOX_SWEEP_SECONDS``: retries that are due and messages left queued."""
    return services.outbox_sweep()


@task()
def inbound_email_poll() -> int:
    """Every ``PELAYAN_INBOUND_POLL_SECONDS``: read the configured mailbox once; returns how many
    new messages were stored."""
    return services.inbound_email_poll().stored
