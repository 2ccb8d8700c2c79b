"""With the database task backend (the default), a message's delivery task is written in the
message's own transaction: both commit together or neither does, and nothing is left to queue
after the commit. Other backends still get the task only once the message has committed."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from notifications.models import OutboundMessage
from notifications.services import message_send

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_TASKS)
def test_the_task_is_written_with_the_message_and_rolled_back_with_it(
    agency, django_capture_on_commit_callbacks
):
    with pytest.raises(RuntimeError), transaction.atomic():
        message_send(channel="email", to="warga@example.id", body="Diterima", agency=agency)
        assert DBTaskResult.objects.count() == 1
        raise RuntimeError("the caller's transaction fails after the message")
    assert not OutboundMessage.objects.exists() and not DBTaskResult.objects.exists()

    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        message = message_send(channel="email", to="warga@example.id", body="Diterima", agency=agency)

    [task] = DBTaskResult.objects.all()
    assert task.task_path == "notifications.tasks.message_deliver_task"
    assert task.args_kwargs["args"] == [message.pk]
    assert callbacks == []  # nothing waits for the commit


@pytest.mark.django_db
def test_a_backend_outside_the_database_gets_the_task_after_the_commit(
    agency, django_capture_on_commit_callbacks
):
    # The tests' immediate backend runs a task at once: it must not run before the commit.
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        message_send(channel="email", to="warga@example.id", body="Diterima", agency=agency)
    assert len(callbacks) == 1
    assert not DBTaskResult.objects.exists()
