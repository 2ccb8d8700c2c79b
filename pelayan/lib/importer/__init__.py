"""Read an existing Standar Pelayanan decree and return the fourteen components as structured drafts.

Pure Python, no Django. ``parse_document`` reads one service; ``parse_services`` returns one result
per service when a decree holds several (one attachment per service). Every passage that could not be
structured is kept verbatim under its component and reported in ``warnings``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pelayan.lib.importer.channels import find_channels
from pelayan.lib.importer.errors import (
    DocumentError,
    EmptyDocumentError,
    NotADocumentError,
    NotAStandardError,
    ScannedPdfError,
)
from pelayan.lib.importer.extract import (
    Context,
    Issue,
    extract_competence,
    extract_complaints,
    extract_evaluation,
    extract_facilities,
    extract_fee,
    extract_legal_basis,
    extract_procedure,
    extract_requirements,
    extract_staff,
    extract_strings,
    extract_time_limits,
)
from pelayan.lib.importer.items import split_lines
from pelayan.lib.importer.readers import Source, read_source
from pelayan.lib.importer.sections import Block, Layout, split_layout
from pelayan.lib.standard_schema import COMPONENT_KEYS, Components, components_to_json

__all__ = [
    "DocumentError",
    "EmptyDocumentError",
    "ImportResult",
    "Issue",
    "NotADocumentError",
    "NotAStandardError",
    "ScannedPdfError",
    "parse_document",
    "parse_services",
]

# Fewer labels than this and the text is something else (a letter, a news item, a regulation).
MIN_COMPONENTS = 4


@dataclass
class ImportResult:
    title: str | None
    agency: str | None
    service: str | None
    decree: str | None
    components: Components
    issues: list[Issue] = field(default_factory=list)
    found: list[str] = field(default_factory=list)  # component keys whose label was found
    decree_title: str | None = None
    decree_date: str | None = None
    signed_by: str | None = None
    signer_title: str | None = None
    source_name: str = ""
    source_text: str = ""
    source_format: str = ""
    labels: dict[str, str] = field(default_factory=dict)  # component key -> label as written
    label_lines: dict[str, int] = field(default_factory=dict)  # component key -> source line index

    @property
    def warnings(self) -> list[str]:
        return [str(issue) for issue in self.issues]

    @property
    def missing(self) -> list[str]:
        return [key for key in COMPONENT_KEYS if key not in self.found]

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "agency": self.agency,
            "service": self.service,
            "decree": self.decree,
            "decree_title": self.decree_title,
            "decree_date": self.decree_date,
            "signed_by": self.signed_by,
            "source": self.source_name,
            "format": self.source_format,
            "found": self.found,
            "missing": self.missing,
            "components": components_to_json(self.components),
            "warnings": self.warnings,
            "issues": [
                {"component": i.component, "message": i.message, "passage": i.passage, "line": i.line}
                for i in self.issues
            ],
        }


def parse_document(data: bytes, filename: str = "") -> ImportResult:
    """The first (usually only) service of a document. Raises a DocumentError for bad input."""
    return parse_services(data, filename)[0]


def parse_services(data: bytes, filename: str = "") -> list[ImportResult]:
    """One result per service in the document, in document order."""
    return _parse_source(read_source(data, filename), filename)


def _parse_source(source: Source, filename: str) -> list[ImportResult]:
    layout = split_layout(source.lines)
    best = max((len(b.sections) for b in layout.blocks), default=0)
    if best < MIN_COMPONENTS:
        raise NotAStandardError(filename, best)
    display = source.display_text()
    results = []
    for block in layout.blocks:
        if len(block.sections) < MIN_COMPONENTS and len(layout.blocks) > 1:
            continue
        result = _parse_block(block, layout, source)
        result.source_name = filename
        result.source_text = display
        result.source_format = source.kind
        results.append(result)
    return results


_EXTRACTORS = {
    "requirements": extract_requirements,
    "procedure": extract_procedure,
    "time_limits": extract_time_limits,
    "fee": extract_fee,
    "products": extract_strings,
    "legal_basis": extract_legal_basis,
    "facilities": extract_facilities,
    "competence": extract_competence,
    "internal_supervision": extract_strings,
    "staff_count": extract_staff,
    "service_guarantee": extract_strings,
    "security_guarantee": extract_strings,
    "performance_evaluation": extract_evaluation,
    # last: it borrows channel addresses named elsewhere (e.g. in the procedure of a complaint service)
    "complaint_handling": extract_complaints,
}


def _parse_block(block: Block, layout: Layout, source: Source) -> ImportResult:
    ctx = Context(flows=source.flows)
    pieces = {
        key: split_lines(section.lines, reflow=source.reflow) for key, section in block.sections.items()
    }
    elsewhere = " ; ".join(
        p.text for key, ps in pieces.items() if key != "complaint_handling" for p in ps if p.kind != "flow"
    )
    ctx.elsewhere_channels = find_channels(elsewhere)
    values: dict[str, Any] = {}
    for key, extractor in _EXTRACTORS.items():
        if key not in pieces:
            continue
        if not any(p.text.strip() for p in pieces[key]):
            ctx.warn(key, "Komponen ditemukan tetapi kosong (component is empty)")
            continue
        values[key] = extractor(pieces[key], ctx)
    for key in COMPONENT_KEYS:
        if key not in block.sections:
            ctx.warn(key, "Komponen tidak ditemukan dalam dokumen (component not found)")
    for index, text in block.intro:
        ctx.issues.append(
            Issue(None, "Teks di luar komponen, tidak diimpor (text outside any component)", text, index)
        )
    components = Components(**values, notes=ctx.notes) if ctx.notes else Components(**values)
    order = {key: n for n, key in enumerate(COMPONENT_KEYS)}
    ctx.issues.sort(key=lambda issue: order.get(issue.component or "", -1))
    return ImportResult(
        title=block.title,
        agency=layout.agency,
        service=block.service,
        decree=layout.decree_number,
        components=components,
        issues=ctx.issues,
        found=[key for key in COMPONENT_KEYS if key in block.sections],
        decree_title=layout.decree_title,
        decree_date=layout.decree_date,
        signed_by=layout.signed_by,
        signer_title=layout.signer_title,
        labels={key: section.label for key, section in block.sections.items()},
        label_lines={key: section.start for key, section in block.sections.items()},
    )
