"""Background work of the importer, through the tasks API (immediate backend by default: the task
then runs inside the request, still bounded by the child process's limits)."""

from __future__ import annotations

from django_tasks import task

from importer.services import pending_upload_parse, pending_uploads_expire


@task()
def pending_upload_parse_task(upload_id: str) -> str:
    upload = pending_upload_parse(upload_id=upload_id)
    return upload.status if upload is not None else "gone"


@task()
def pending_uploads_expire_task() -> int:
    return pending_uploads_expire()
