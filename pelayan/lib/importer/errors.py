"""Reasons a document cannot become a standard draft.

Messages are Indonesian first, with English in parentheses, because they are shown to agency staff
on the command line and in the admin as they are.
"""

from __future__ import annotations


class DocumentError(ValueError):
    """The input cannot be imported; nothing should be created from it."""

    code = "invalid"


class EmptyDocumentError(DocumentError):
    code = "empty"

    def __init__(self, name: str = "") -> None:
        super().__init__(f"Berkas {name or ''} kosong (the file is empty).".replace("  ", " "))


class NotADocumentError(DocumentError):
    code = "not_a_document"

    def __init__(self, name: str = "", detail: str = "") -> None:
        reason = f": {detail}" if detail else ""
        super().__init__(
            f"Berkas {name} bukan dokumen yang dapat dibaca{reason} "
            "(not a readable text, HTML, Markdown, .docx or .pdf document)."
        )


class ScannedPdfError(DocumentError):
    code = "scanned_pdf"

    def __init__(self, name: str = "") -> None:
        super().__init__(
            f"PDF {name} tidak memiliki lapisan teks (hasil pindai); jalankan OCR terlebih dahulu "
            "atau unggah versi Word/teks (scanned PDF without a text layer)."
        )


class NotAStandardError(DocumentError):
    code = "not_a_standard"

    def __init__(self, name: str = "", found: int = 0) -> None:
        super().__init__(
            f"Dokumen {name} bukan Standar Pelayanan: hanya {found} dari 14 komponen yang dikenali "
            "(the document is not a service standard)."
        )


class LimitExceededError(DocumentError):
    """The document is larger or heavier than the importer reads.

    ``limit`` is the name of the constant in pelayan.lib.importer.limits, so an operator can find
    the setting from the message staff report.
    """

    code = "limit_exceeded"

    def __init__(self, name: str, limit: str, what_id: str, what_en: str, cap: str) -> None:
        self.limit = limit
        super().__init__(
            f"Berkas {name} ditolak: {what_id} melebihi batas {cap} [{limit}] "
            f"({what_en} exceeds the limit of {cap})."
        )
