"""Turn parsed decrees into draft standard versions. The parsing itself is pure (pelayan.lib.importer)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction

from pelayan.lib.importer import ImportResult, parse_services
from standards.models import Agency, Service, Standard
from standards.services import service_create, standard_draft_create


@dataclass
class ImportedDraft:
    standard: Standard
    result: ImportResult


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


def document_preview(*, data: bytes, filename: str, service_name: str | None = None) -> list[ImportResult]:
    """The services of a document as they would be imported; nothing is saved.

    A service name given by hand only makes sense for a single-service document: it then replaces
    the name read from the document, and is ignored when the document holds several services.
    Raises DocumentError for bad input.
    """
    results = parse_services(data, filename)
    if service_name and len(results) == 1:
        results[0].service = service_name
    return results


def document_import(
    *, agency: Agency, data: bytes, filename: str, actor: Any | None, service_name: str | None = None
) -> list[ImportedDraft]:
    """One draft per service in the document; all or nothing. Raises DocumentError for bad input."""
    # Parsing (up to the upload limit) happens before the transaction opens; only the saving is atomic.
    results = document_preview(data=data, filename=filename, service_name=service_name)
    with transaction.atomic():
        return [import_result_save(agency=agency, result=r, actor=actor) for r in results]
