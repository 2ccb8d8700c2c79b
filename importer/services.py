"""Turn parsed decrees into draft standard versions. The parsing itself is pure (pelayan.lib.importer)
and always runs bounded in time and memory (pelayan.lib.importer.sandbox)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_event_record
from importer.models import PendingUpload, PendingUploadStatus
from importer.selectors import agency_role_refs, service_match_for
from pelayan.lib.importer import (
    DocumentError,
    ImportResult,
    Limits,
    finding_to_json,
    parse_decree_date,
    proposal_to_json,
    results_from_dict,
    results_to_dict,
)
from pelayan.lib.importer.sandbox import parse_services_bounded
from standards.models import Agency, Service, Standard, StandardOrigin
from standards.services import service_create, standard_draft_create

PENDING_DIR = "importer/pending"
# Review marks and role proposals kept on a draft: a decree of many steps stays a bounded row.
MAX_REVIEW_MARKS = 500


@dataclass
class ImportedDraft:
    standard: Standard
    result: ImportResult
    # True when the draft is a new version of a service the agency already had.
    matched: bool = False


# A reviewer's choice of where an import goes: a service's id, a new service, or "match it".
NEW_SERVICE = "new"


class ServiceChoiceRequired(DocumentError):
    """No service of the agency matches the import; the reviewer must pick one or ask for a new one."""

    code = "service_choice"

    def __init__(self, name: str) -> None:
        super().__init__(
            _(
                "Layanan: tidak ada layanan instansi ini yang cocok dengan '%(name)s'. Pilih layanan "
                "yang diperbarui dokumen ini, atau pilih buat layanan baru (--new-service)."
            )
            % {"name": name}
        )


class ServiceChoiceInvalid(DocumentError):
    code = "service_choice"


def import_limits() -> Limits:
    """The importer's limits with the time and memory ceilings from the settings."""
    return Limits(
        timeout_seconds=float(settings.IMPORTER_TIMEOUT_SECONDS), memory_mb=settings.IMPORTER_MEMORY_MB
    )


def _clip(value: str | None, limit: int) -> str:
    value = (value or "").strip()
    return value if len(value) <= limit else value[: limit - 1] + "…"


def import_service_name(result: ImportResult) -> str:
    """The name an import gives its service."""
    name = (result.service or result.title or result.source_name or "Layanan tanpa nama").strip()
    return _clip(name, 250)


def _target_service(
    *, agency: Agency, result: ImportResult, actor: Any | None, choice: str | Service | None
) -> tuple[Service, bool]:
    """The service the draft goes under, and whether it already existed."""
    name = import_service_name(result)
    if isinstance(choice, Service):
        if choice.agency_id != agency.pk:
            raise ServiceChoiceInvalid(_("Layanan: layanan yang dipilih bukan milik instansi ini."))
        return choice, True
    if choice == NEW_SERVICE:
        # Only on the reviewer's word: an import never silently becomes a second service.
        if Service.objects.filter(agency=agency, name__iexact=name).exists():
            raise ServiceChoiceInvalid(
                _("Layanan: '%(name)s' sudah ada di instansi ini; pilih layanan itu atau beri nama lain.")
                % {"name": name}
            )
        return service_create(actor=actor, agency=agency, name=name), False
    if choice:
        is_id = str(choice).isdigit() and len(str(choice)) <= 18  # a posted value, bounded
        service = Service.objects.filter(agency=agency, pk=int(choice)).first() if is_id else None
        if service is None:
            raise ServiceChoiceInvalid(_("Layanan: pilihan layanan tidak dikenal; pilih dari daftar."))
        return service, True
    named = Service.objects.filter(agency=agency, name__iexact=name).first()
    service = named or service_match_for(agency=agency, name=name, decree=result.decree)
    if service is None:
        raise ServiceChoiceRequired(name)
    return service, True


def import_result_save(
    *,
    agency: Agency,
    result: ImportResult,
    actor: Any | None,
    service: str | Service | None = None,
) -> ImportedDraft:
    """A draft version of the service the import is for.

    ``service``: None (or "") matches the import to the agency's services (same name, same decree
    number, a similar name) and refuses when nothing matches; a Service or a service id says which;
    ``NEW_SERVICE`` creates the service. The procedure's officers are matched to the agency's roles;
    roles it lacks are kept as proposals for the reviewer, not created here.
    """
    target, matched = _target_service(agency=agency, result=result, actor=actor, choice=service)
    roles, units = agency_role_refs(agency=agency)
    result.bind_roles(roles=roles, units=units)
    standard = standard_draft_create(
        service=target,
        actor=actor,
        components=result.components,
        decree_number=_clip(result.decree, 200),
        decree_date=parse_decree_date(result.decree_date),
        decree_date_text=_clip(result.decree_date, 100),
        decree_title=_clip(result.decree_title, 500),
        signed_by_name=_clip(result.signed_by, 200),
        signed_by_title=_clip(result.signer_title, 200),
        source_text=result.source_text,
        source_name=_clip(result.source_name, 255),
        origin=StandardOrigin.IMPORT,
        review_marks=[finding_to_json(f) for f in result.findings][:MAX_REVIEW_MARKS],
        role_proposals=[proposal_to_json(p) for p in result.role_proposals][:MAX_REVIEW_MARKS],
    )
    return ImportedDraft(standard=standard, result=result, matched=matched)


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
    *,
    agency: Agency,
    data: bytes,
    filename: str,
    actor: Any | None,
    service_name: str | None = None,
    new_service: bool = False,
) -> list[ImportedDraft]:
    """One draft per service in the document; all or nothing. Raises DocumentError for bad input,
    and ServiceChoiceRequired when a service matches none of the agency's and ``new_service`` is
    not set."""
    # Parsing (bounded) happens before the transaction opens; only the saving is atomic.
    results = document_preview(data=data, filename=filename, service_name=service_name)
    choice = NEW_SERVICE if new_service else None
    with transaction.atomic():
        return [import_result_save(agency=agency, result=r, actor=actor, service=choice) for r in results]


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


def pending_upload_import(
    *, upload: PendingUpload, actor: Any | None, choices: Sequence[str | None] = ()
) -> list[ImportedDraft]:
    """One draft per service of a ready upload, all or nothing; the upload is then deleted.

    ``choices``: per service of the document, in order, where the reviewer put it (a service id,
    ``NEW_SERVICE``, or empty to match it); missing entries are matched."""
    results = pending_upload_results(upload)
    if len(choices) > len(results):
        raise ServiceChoiceInvalid(_("Layanan: pilihan layanan lebih banyak daripada layanan dokumen."))
    picked = [*choices, *[None] * (len(results) - len(choices))]
    with transaction.atomic():
        drafts = [
            import_result_save(agency=upload.agency, result=r, actor=actor, service=choice)
            for r, choice in zip(results, picked, strict=True)
        ]
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
