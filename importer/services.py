"""Turn parsed decrees into draft standard versions. The parsing itself is pure (pelayan.lib.importer)
and always runs bounded in time and memory (pelayan.lib.importer.sandbox)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from audit.services import audit_event_record
from importer.models import PendingUpload, PendingUploadStatus
from pelayan.lib.importer import DocumentError, ImportResult, Limits, results_from_dict, results_to_dict
from pelayan.lib.importer.sandbox import parse_services_bounded
from standards.models import Agency, Service, Standard
from standards.services import service_create, standard_draft_create

PENDING_DIR = "importer/pending"


@dataclass
class ImportedDraft:
    standard: Standard
    result: ImportResult


def import_limits() -> Limits:
    """The importer's limits with the time and memory ceilings from the settings."""
    return Limits(
        timeout_seconds=float(settings.IMPORTER_TIMEOUT_SECONDS), memory_mb=settings.IMPORTER_MEMORY_MB
    )


def _clip(value: str | None, limit: int) -> str:
    value = (value or "").strip()
    return value if len(value) <= limit else value[: limit - 1] + "…"


def import_result_save(
    *, agency: Agency, result: ImportResult, actor: Any | None, service_name: str | None = None
) -> ImportedDraft:
    """A draft under the agency's service of that name; the service is created when new."""
    name = (
        service_name or result.service or result.title or result.source_name or "Layanan tanpa nama"
    ).strip()
    name = _clip(name, 250)
    service = Service.objects.filter(agency=agency, name__iexact=name).first()
    if service is None:
        service = service_create(actor=actor, agency=agency, name=name)
    standard = standard_draft_create(
        service=service,
        actor=actor,
        components=result.components,
        decree_number=_clip(result.decree, 200),
        decree_date_text=_clip(result.decree_date, 100),
        decree_title=_clip(result.decree_title, 500),
        signed_by_name=_clip(result.signed_by, 200),
        signed_by_title=_clip(result.signer_title, 200),
        source_text=result.source_text,
        source_name=_clip(result.source_name, 255),
    )
    return ImportedDraft(standard=standard, result=result)


def _name_services(results: list[ImportResult], service_name: str | None) -> list[ImportResult]:
    if service_name and len(results) == 1:
        results[0].service = service_name
    return results


def document_preview(*, data: bytes, filename: str, service_name: str | None = None) -> list[ImportResult]:
    """The services of a document as they would be imported; nothing is saved.

    A service name given by hand only makes sense for a single-service document: it then replaces
    the name read from the document, and is ignored when the document holds several services.
    Raises DocumentError for bad input, including every limit (pelayan.lib.importer.limits).
    """
    return _name_services(parse_services_bounded(data, filename, import_limits()), service_name)


def document_import(
    *, agency: Agency, data: bytes, filename: str, actor: Any | None, service_name: str | None = None
) -> list[ImportedDraft]:
    """One draft per service in the document; all or nothing. Raises DocumentError for bad input."""
    # Parsing (bounded) happens before the transaction opens; only the saving is atomic.
    results = document_preview(data=data, filename=filename, service_name=service_name)
    with transaction.atomic():
        return [import_result_save(agency=agency, result=r, actor=actor) for r in results]


# --- pending uploads -----------------------------------------------------------------------------


@transaction.atomic
def pending_upload_store(
    *, actor: Any | None, agency: Agency, data: bytes, filename: str, service_name: str = ""
) -> PendingUpload:
    """Keep an uploaded document in the default storage until it is parsed, imported or expired."""
    upload = PendingUpload(
        agency=agency,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        filename=_clip(filename, 255),
        service_name=service_name,
        size=len(data),
        expires_at=timezone.now() + dt.timedelta(hours=settings.IMPORTER_PENDING_HOURS),
    )
    upload.source_path = default_storage.save(f"{PENDING_DIR}/{upload.pk}/source", ContentFile(data))
    try:
        upload.save()
        audit_event_record(
            actor=actor,
            agency=agency,
            action="import.upload_stored",
            target=upload,
            data={"filename": upload.filename, "size": upload.size},
        )
    except Exception:
        # No row, no expiry: the file would never be cleaned up.
        default_storage.delete(upload.source_path)
        raise
    return upload


def pending_upload_parse(*, upload_id: str) -> PendingUpload | None:
    """Parse a stored upload (bounded) and keep the preview beside it. Run by the importer task."""
    upload = PendingUpload.objects.filter(pk=upload_id, status=PendingUploadStatus.PARSING).first()
    if upload is None:
        return None
    with default_storage.open(upload.source_path, "rb") as source:
        data = source.read()
    try:
        results = _name_services(
            parse_services_bounded(data, upload.filename, import_limits()), upload.service_name or None
        )
    except DocumentError as exc:
        return _pending_upload_finish(upload, error=str(exc))
    payload = json.dumps(results_to_dict(results), ensure_ascii=False).encode()
    result_path = default_storage.save(f"{PENDING_DIR}/{upload.pk}/result.json", ContentFile(payload))
    return _pending_upload_finish(upload, result_path=result_path, services=len(results))


def pending_upload_fail(*, upload: PendingUpload, error: str) -> PendingUpload:
    """Mark an upload whose parse task itself failed (not the document), so its page stops waiting."""
    if upload.status != PendingUploadStatus.PARSING:
        return upload
    return _pending_upload_finish(upload, error=error)


@transaction.atomic
def _pending_upload_finish(
    upload: PendingUpload, *, error: str = "", result_path: str = "", services: int = 0
) -> PendingUpload:
    upload.status = PendingUploadStatus.FAILED if error else PendingUploadStatus.READY
    upload.error = error
    upload.result_path = result_path
    upload.services = services
    upload.save(update_fields=["status", "error", "result_path", "services"])
    audit_event_record(
        actor=None,
        agency=upload.agency,
        action="import.upload_failed" if error else "import.upload_parsed",
        target=upload,
        data={"error": error} if error else {"services": services},
    )
    return upload


def pending_upload_results(upload: PendingUpload) -> list[ImportResult]:
    """The parsed preview of a ready upload."""
    with default_storage.open(upload.result_path, "rb") as stored:
        return results_from_dict(json.loads(stored.read()))


def pending_upload_import(*, upload: PendingUpload, actor: Any | None) -> list[ImportedDraft]:
    """One draft per service of a ready upload, all or nothing; the upload is then deleted."""
    results = pending_upload_results(upload)
    with transaction.atomic():
        drafts = [import_result_save(agency=upload.agency, result=r, actor=actor) for r in results]
        audit_event_record(
            actor=actor,
            agency=upload.agency,
            action="import.upload_imported",
            target=upload,
            data={"standards": [d.standard.pk for d in drafts]},
        )
        paths = _pending_upload_delete(upload)
        transaction.on_commit(lambda: _storage_delete(paths))
    return drafts


def pending_uploads_expire(*, now: dt.datetime | None = None) -> int:
    """Delete uploads past their expiry, with their files. Returns how many were deleted."""
    now = now or timezone.now()
    count = 0
    for upload in PendingUpload.objects.filter(expires_at__lte=now).select_related("agency"):
        with transaction.atomic():
            audit_event_record(
                actor=None,
                agency=upload.agency,
                action="import.upload_expired",
                target=upload,
                data={"filename": upload.filename},
            )
            paths = _pending_upload_delete(upload)
            transaction.on_commit(lambda paths=paths: _storage_delete(paths))
        count += 1
    return count


def _pending_upload_delete(upload: PendingUpload) -> list[str]:
    paths = [p for p in (upload.source_path, upload.result_path) if p]
    upload.delete()
    return paths


def _storage_delete(paths: list[str]) -> None:
    for path in paths:
        default_storage.delete(path)
