"""Background tasks of the LAPOR! adapter, run by `pelayan worker`."""

from __future__ import annotations

from django_tasks import task

from lapor.services import lapor_push_deliver as _deliver
from lapor.services import lapor_pushes_retry


@task()
def lapor_push_deliver(push_id: int) -> str:
    push = _deliver(push_id=push_id)
    return push.state if push is not None else "skipped"


@task()
def lapor_retry() -> int:
    return lapor_pushes_retry()
