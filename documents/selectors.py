"""Reads of documents: by public code, per case, the verdict of validating a stored file, the
check of an uploaded copy, and the archive check."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.db.models import QuerySet

from documents.models import Document, DocumentStatus


def document_by_code(code: str) -> Document | None:
    if not code or len(code) > 32:
        return None
    return Document.objects.select_related("agency", "case").filter(public_code=code).first()


def may_replace(*, document: Document, user) -> bool:
    """Only an official holding the role of the step that made the letter (the camat for
    Kedopok's) may replace it: the corrected letter is signed again by them."""
    from accounts.models import Membership

    case = document.case
    if case is None or document.status != "signed":
        return False
    step = case.compiled().steps.get(document.step)
    role_id = case.process.role_bindings.get(step.role) if step and step.role else None
    return role_id is not None and Membership.objects.filter(user=user, role_id=role_id).exists()


def case_documents(*, case) -> QuerySet[Document]:
    return Document.objects.filter(case=case).order_by("created_at", "id")


def sha256_of(chunks: Iterable[bytes]) -> str:
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(chunk)
    return digest.hexdigest()


def trust_roots() -> list[Path]:
    roots = [Path(p) for p in settings.PELAYAN_SIGNING_TRUST_ROOTS]
    demo = Path(settings.PELAYAN_SIGNING_DIR) / "demo-ca" / "ca.cert.pem"
    if demo.is_file():
        roots.append(demo)
    return [p for p in roots if p.is_file()]


@dataclass(frozen=True)
class SignatureCheck:
    """pyHanko's verdict on a signed PDF."""

    signed: bool
    intact: bool = False
    valid: bool = False
    trusted: bool = False
    covers_whole_file: bool = False
    signer: str = ""
    signing_time: object = None
    summary: str = ""

    @property
    def ok(self) -> bool:
        return self.signed and self.intact and self.valid and self.trusted and self.covers_whole_file


def signature_check(pdf: bytes) -> SignatureCheck:
    from asn1crypto import pem, x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    try:
        reader = PdfFileReader(BytesIO(pdf), strict=False)
        signatures = reader.embedded_signatures
    except Exception:
        return SignatureCheck(signed=False, summary="not a readable PDF")
    if not signatures:
        return SignatureCheck(signed=False, summary="no signature")
    roots = []
    for path in trust_roots():
        data = path.read_bytes()
        if pem.detect(data):
            _type, _headers, data = pem.unarmor(data)
        roots.append(x509.Certificate.load(data))
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    status = validate_pdf_signature(signatures[-1], context)
    return SignatureCheck(
        signed=True,
        intact=status.intact,
        valid=status.valid,
        trusted=status.trusted,
        covers_whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
        signer=status.signing_cert.subject.human_friendly if status.signing_cert else "",
        signing_time=status.signer_reported_dt,
        summary=status.summary(),
    )


@dataclass(frozen=True)
class Verdict:
    document: Document
    stored_hash_ok: bool
    signature: SignatureCheck | None

    @property
    def revoked(self) -> bool:
        return self.document.status == DocumentStatus.REVOKED

    @property
    def genuine(self) -> bool:
        if self.revoked or not self.stored_hash_ok:
            return False
        if self.document.status == DocumentStatus.SIGNED:
            return self.signature is not None and self.signature.ok
        return self.document.status == DocumentStatus.RENDERED


def _stored_bytes(document: Document) -> bytes | None:
    try:
        with document.file.open("rb") as handle:
            return handle.read()
    except (FileNotFoundError, OSError, ValueError):
        return None


def document_verdict(document: Document) -> Verdict:
    data = _stored_bytes(document)
    ok = data is not None and hashlib.sha256(data).hexdigest() == document.sha256
    signature = (
        signature_check(data) if data is not None and document.status != DocumentStatus.RENDERED else None
    )
    return Verdict(document=document, stored_hash_ok=ok, signature=signature)


@dataclass(frozen=True)
class UploadCheck:
    sha256: str
    matches: bool  # byte for byte the file we issued under this code


def upload_check(*, document: Document, chunks: Iterable[bytes]) -> UploadCheck:
    digest = sha256_of(chunks)
    return UploadCheck(sha256=digest, matches=digest == document.sha256)


@dataclass(frozen=True)
class ArchiveProblem:
    number: str
    code: str
    reason: str


@dataclass
class ArchiveReport:
    checked: int = 0
    problems: list[ArchiveProblem] = field(default_factory=list)


def archive_verify() -> ArchiveReport:
    report = ArchiveReport()
    for document in Document.objects.order_by("id").iterator(chunk_size=500):
        report.checked += 1
        try:
            with document.file.open("rb") as handle:
                digest = sha256_of(iter(lambda h=handle: h.read(1 << 16), b""))
        except (FileNotFoundError, OSError, ValueError):
            report.problems.append(ArchiveProblem(document.number, document.public_code, "file missing"))
            continue
        if digest != document.sha256:
            report.problems.append(
                ArchiveProblem(document.number, document.public_code, f"sha256 {digest} != {document.sha256}")
            )
    return report


@dataclass(frozen=True)
class TimelineEntry:
    at: object
    kind: str  # rendered | signed | failed | revoked | delivery
    text: str
    document: Document


def case_document_timeline(*, case) -> list[TimelineEntry]:
    """The documents' part of a case's timeline (the case engine's own timeline holds the moves):
    made, signed, failed with the reason, revoked, and deliveries of replacements."""
    from documents.models import Delivery

    entries: list[TimelineEntry] = []
    for document in case_documents(case=case):
        entries.append(TimelineEntry(document.created_at, "rendered", document.number, document))
        if document.signed_at:
            entries.append(TimelineEntry(document.signed_at, "signed", document.signer_name, document))
        if document.status == DocumentStatus.FAILED:
            entries.append(TimelineEntry(document.created_at, "failed", document.failure_reason, document))
        if document.revoked_at:
            entries.append(TimelineEntry(document.revoked_at, "revoked", document.revoked_reason, document))
    for delivery in Delivery.objects.filter(case=case).select_related("document"):
        entries.append(TimelineEntry(delivery.created_at, "delivery", delivery.address, delivery.document))
    return sorted(entries, key=lambda e: (e.at, e.kind))
