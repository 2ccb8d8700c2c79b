"""With the database queue, `pelayan worker` delivers a message whose delivery task was never run
(a crash between the commit and the task), through the periodic outbox sweep."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from notifications.models import OutboundStatus
from notifications.services import message_send
from notifications.tasks import message_deliver_task, outbox_sweep
from scheduling.schedule import periodic_tasks


def test_the_outbox_sweep_is_on_the_schedule(settings):
    settings.PELAYAN_OUTBOX_SWEEP_SECONDS = 45
    entry = next(p for p in periodic_tasks() if p.task.module_path == outbox_sweep.module_path)
    assert entry.every.total_seconds() == 45


@pytest.mark.django_db(transaction=True)
def test_a_queued_message_without_its_task_is_sent_by_the_worker(agency, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with transaction.atomic():
        message = message_send(
            channel="email", to="warga@example.org", subject="S", body="Isi", agency=agency
        )
    # The task row was queued on commit; losing it is what a crashed queue would do.
    assert DBTaskResult.objects.filter(task_path=message_deliver_task.module_path).delete()[0] == 1
    message.refresh_from_db()
    assert message.status == OutboundStatus.QUEUED

    call_command("worker", "--once", "--interval", "0", verbosity=0)

    message.refresh_from_db()
    assert message.status == OutboundStatus.SENT
    assert len(mail.outbox) == 1
