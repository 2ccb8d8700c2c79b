"""Read an existing Standar Pelayanan decree and return the fourteen components as structured drafts.

Pure Python, no Django. ``parse_document`` reads one service; ``parse_services`` returns one result
per service when a decree holds several (one attachment per service). Every passage that could not be
structured is kept verbatim under its component and reported in ``warnings``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from pelayan.lib.compliance import Finding, Severity
from pelayan.lib.importer.channels import find_channels
from pelayan.lib.importer.decree_dates import parse_decree_date
from pelayan.lib.importer.errors import (
    DocumentError,
    EmptyDocumentError,
    LimitExceededError,
    NotADocumentError,
    NotAStandardError,
    ScannedPdfError,
)
from pelayan.lib.importer.executable import bind_time_limits, build_procedure, review
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
    find_action,
    find_actor,
)
from pelayan.lib.importer.items import split_lines
from pelayan.lib.importer.limits import DEFAULT_LIMITS, Limits, megabytes
from pelayan.lib.importer.readers import Source, read_source
from pelayan.lib.importer.roles import RoleProposal, RoleRef, UnitRef, bind_roles
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
    "finding_to_json",
    "parse_decree_date",
    "parse_document",
    "parse_services",
    "proposal_to_json",
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
    # What the importer left for review, as codes (importer.findings turns them into sentences).
    findings: list[Finding] = field(default_factory=list)
    role_proposals: list[RoleProposal] = field(default_factory=list)
    # The agency as the decree's letterhead and contact lines give it: name, address, phone, fax,
    # email, website; and the attachment ("lampiran") the standard sits in.
    agency_details: dict[str, str] = field(default_factory=dict)
    lampiran: str | None = None

    def bind_roles(self, *, roles: list[RoleRef] | None, units: list[UnitRef] = ()) -> None:  # type: ignore[assignment]
        """Match the procedure's officers to the agency's roles (see importer.roles)."""
        self.findings = [f for f in self.findings if not f.code.startswith("step_role_")]
        binding = bind_roles(self.components, roles=roles, units=list(units))
        self.findings.extend(binding.findings)
        self.role_proposals = binding.proposals

    @property
    def review_paths(self) -> list[str]:
        return [f.path for f in self.findings]

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
            "signer_title": self.signer_title,
            "lampiran": self.lampiran,
            "agency_details": self.agency_details,
            "review": [_finding_to_json(f) for f in self.findings],
            "role_proposals": [_proposal_to_json(p) for p in self.role_proposals],
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
                "findings": [_finding_to_json(f) for f in r.findings],
                "role_proposals": [_proposal_to_json(p) for p in r.role_proposals],
                "agency_details": r.agency_details,
                "lampiran": r.lampiran,
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
        fields["findings"] = [_finding_from_json(f) for f in fields.get("findings", [])]
        fields["role_proposals"] = [RoleProposal(**p) for p in fields.get("role_proposals", [])]
        out.append(ImportResult(**fields, source_text=source_text))
    return out


def _finding_to_json(finding: Finding) -> dict[str, Any]:
    return {
        "severity": finding.severity.value,
        "code": finding.code,
        "component": finding.component,
        "path": finding.path,
        "params": finding.params,
    }


def _finding_from_json(data: dict[str, Any]) -> Finding:
    return Finding(Severity(data["severity"]), data["code"], data["component"], data["path"], data["params"])


def _proposal_to_json(proposal: RoleProposal) -> dict[str, Any]:
    return {"code": proposal.code, "name": proposal.name, "steps": proposal.steps}


# What a draft keeps of the importer's review marks and role proposals.
finding_to_json = _finding_to_json
proposal_to_json = _proposal_to_json


def _agency_details(layout: Layout, components: Components) -> dict[str, str]:
    """The agency as the decree gives it: the letterhead, else the complaint channels' addresses."""
    details = {"name": layout.agency} if layout.agency else {}
    details.update({k: v for k, v in layout.agency_details.items() if k != "letterhead"})
    if "name" not in details and "letterhead" in layout.agency_details:
        details["name"] = layout.agency_details["letterhead"]
    channels = components.complaint_handling.channels
    for kind, key in (("phone", "phone"), ("email", "email"), ("website", "website"), ("fax", "fax")):
        if key not in details:
            value = next((c.value for c in channels if c.kind.value == kind and c.value), None)
            if value:
                details[key] = value
    return details


_FULL_DATE_RE = re.compile(r"\b\d{1,2}\s+\w+\s+\d{4}\b|\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b")


def _header_findings(layout: Layout, agency: dict[str, str]) -> list[Finding]:
    """What the decree's header and signature leave unsaid, for the reviewer to fill in."""
    out = []
    if not agency.get("name"):
        out.append(review("agency_not_stated", "agency", "agency.name"))
    if not layout.decree_number:
        out.append(review("decree_number_not_stated", "decree", "decree.number"))
    elif re.search(r"\.{3,}|/\s+/|\.\s+/", layout.decree_number):
        out.append(review("decree_number_blank", "decree", "decree.number", number=layout.decree_number))
    if not layout.decree_date:
        out.append(review("decree_date_not_stated", "decree", "decree.date"))
    elif not _FULL_DATE_RE.search(layout.decree_date):
        out.append(review("decree_date_incomplete", "decree", "decree.date", date=layout.decree_date))
    if not layout.decree_title:
        out.append(review("decree_title_not_stated", "decree", "decree.title"))
    if not layout.signed_by:
        out.append(review("signatory_not_stated", "decree", "decree.signed_by_name"))
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
    findings = []
    if "procedure" in values:
        built = build_procedure(
            values["procedure"],
            find_actor=find_actor,
            find_action=find_action,
            extra_channels=ctx.elsewhere_channels,
        )
        values["procedure"] = built.procedure
        findings.extend(built.findings)
        findings.extend(bind_time_limits(values.get("time_limits", []), built.procedure))
    components = Components(**values, notes=ctx.notes) if ctx.notes else Components(**values)
    agency_details = _agency_details(layout, components)
    findings.extend(_header_findings(layout, agency_details))
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
        findings=findings,
        agency_details=agency_details,
        lampiran=layout.lampiran,
        labels={key: section.label for key, section in block.sections.items()},
        label_lines={key: section.start for key, section in block.sections.items()},
    )
