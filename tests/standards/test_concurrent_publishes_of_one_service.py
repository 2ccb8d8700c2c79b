"""Two drafts of one service published at the same moment: both publishes succeed one after the
other, and exactly one version ends in force."""

import threading

import pytest
from django.db import connection, connections

from standards.models import Standard, StandardStatus
from standards.services import standard_draft_create, standard_publish
from tests.factories import complete_components

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need a server database; SQLite writers queue"
)


@pytest.mark.django_db(transaction=True)
def test_two_publishes_at_once_leave_one_version_in_force(service):
    drafts = [
        standard_draft_create(service=service, actor=None, components=complete_components()) for _ in range(2)
    ]
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def publish(draft):
        try:
            # Connect first, so both transactions start together after the barrier.
            connection.ensure_connection()
            start.wait()
            standard_publish(standard=draft, actor=None)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=publish, args=(d,)) for d in drafts]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)

    assert errors == []
    statuses = sorted(Standard.objects.filter(service=service).values_list("status", flat=True))
    assert statuses == [StandardStatus.PUBLISHED, StandardStatus.SUPERSEDED]
