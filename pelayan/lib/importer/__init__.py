"""Read an existing Standar Pelayanan decree and return the fourteen components as structured drafts.

Pure Python, no Django. ``parse_document`` reads one service; ``parse_services`` returns one result
per service when a decree holds several (one attachment per service). Every passage that could not be
structured is kept verbatim under its component and reported in ``warnings``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from pelayan.lib.importer.channels import find_channels
from pelayan.lib.importer.errors import (
    DocumentError,
    EmptyDocumentError,
    LimitExceededError,
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
from pelayan.lib.importer.limits import DEFAULT_LIMITS, Limits, megabytes
from pelayan.lib.importer.readers import Source, read_source
from pelayan.lib.importer.sections import Block, Layout, split_layout
from pelayan.lib.standard_schema import (
    COMPONENT_KEYS,
    Components,
    components_from_json,
    components_to_json,
)

__all__ = [
    "DocumentError",
    "EmptyDocumentError",
    "ImportResult",
    "Issue",
    "LimitExceededError",
    "Limits",
    "NotADocumentError",
    "NotAStandardError",
    "ScannedPdfError",
    "parse_document",
    "parse_services",
    "results_from_dict",
    "results_to_dict",
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


def parse_document(data: bytes, filename: str = "", limits: Limits = DEFAULT_LIMITS) -> ImportResult:
    """The first (usually only) service of a document. Raises a DocumentError for bad input."""
    return parse_services(data, filename, limits)[0]


def parse_services(data: bytes, filename: str = "", limits: Limits = DEFAULT_LIMITS) -> list[ImportResult]:
    """One result per service in the document, in document order.

    Linear in the input and bounded by ``limits`` (LimitExceededError names the limit reached);
    the time and memory limits apply only through pelayan.lib.importer.sandbox.
    """
    results = _parse_source(read_source(data, filename, limits), filename)
    size = sum(len(json.dumps(components_to_json(r.components), ensure_ascii=False)) for r in results)
    if size > limits.max_components_bytes:
        raise LimitExceededError(
            filename or "(tanpa nama)",
            "MAX_COMPONENTS_BYTES",
            "ukuran komponen hasil baca",
            "the size of the parsed components",
            megabytes(limits.max_components_bytes),
        )
    return results


def results_to_dict(results: list[ImportResult]) -> dict[str, Any]:
    """Results as JSON-ready data, for keeping a preview until staff confirm it. The source text is
    the same for every service of a document, so it is stored once."""
    return {
        "source_text": results[0].source_text if results else "",
        "results": [
            {
                "title": r.title,
                "agency": r.agency,
                "service": r.service,
                "decree": r.decree,
                "components": components_to_json(r.components),
                "issues": [[i.component, i.message, i.passage, i.line] for i in r.issues],
                "found": r.found,
                "decree_title": r.decree_title,
                "decree_date": r.decree_date,
                "signed_by": r.signed_by,
                "signer_title": r.signer_title,
                "source_name": r.source_name,
                "source_format": r.source_format,
                "labels": r.labels,
                "label_lines": r.label_lines,
            }
            for r in results
        ],
    }


def results_from_dict(data: dict[str, Any]) -> list[ImportResult]:
    source_text = data.get("source_text", "")
    out = []
    for item in data["results"]:
        fields = dict(item)
        fields["components"] = components_from_json(fields["components"])
        fields["issues"] = [Issue(*issue) for issue in fields["issues"]]
        fields["label_lines"] = {key: int(line) for key, line in fields["label_lines"].items()}
        out.append(ImportResult(**fields, source_text=source_text))
    return out


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
