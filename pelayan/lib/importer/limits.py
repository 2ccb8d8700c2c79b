"""How much of a document the importer will read before it stops.

A real Standar Pelayanan is a few dozen kilobytes of text; every limit here is far above that and
far below what an abusive file needs to slow the server. The defaults are the named constants; the
Django side may pass other values (read from the environment, see docs/configuration.md).
"""

from __future__ import annotations

from dataclasses import dataclass

# Bytes of the file as uploaded or read from disk (the admin form has the same limit).
MAX_INPUT_BYTES = 10 * 1024 * 1024
# Entries in a .docx archive (a Word file has a few dozen) and bytes its document body
# (word/document.xml, the only member read) may expand to: checked on the size the archive declares
# and again while decompressing, since a crafted archive can declare less than it holds. The same
# bytes are all the XML parser ever sees.
MAX_DOCX_MEMBERS = 2_000
MAX_XML_BYTES = 8 * 1024 * 1024
# Pages of a PDF, and bytes of page content streams decoded over all pages (pages may share one
# stream, so a stream is counted once per page that draws it).
MAX_PDF_PAGES = 300
MAX_PDF_CONTENT_BYTES = 8 * 1024 * 1024
# Characters and lines of text extracted from any format.
MAX_TEXT_CHARS = 1_000_000
MAX_LINES = 20_000
# Characters of one line: some passes over a line are not linear in its length, and no component of
# a standard is written as one paragraph of this size.
MAX_LINE_CHARS = 10_000
# Bytes of the parsed components (all services of the document, as JSON) kept for the preview.
MAX_COMPONENTS_BYTES = 2 * 1024 * 1024
# Seconds and megabytes of address space the parse may use in its own process.
PARSE_TIMEOUT_SECONDS = 4.0
PARSE_MEMORY_MB = 1024


@dataclass(frozen=True)
class Limits:
    max_input_bytes: int = MAX_INPUT_BYTES
    max_docx_members: int = MAX_DOCX_MEMBERS
    max_xml_bytes: int = MAX_XML_BYTES
    max_pdf_pages: int = MAX_PDF_PAGES
    max_pdf_content_bytes: int = MAX_PDF_CONTENT_BYTES
    max_text_chars: int = MAX_TEXT_CHARS
    max_lines: int = MAX_LINES
    max_line_chars: int = MAX_LINE_CHARS
    max_components_bytes: int = MAX_COMPONENTS_BYTES
    timeout_seconds: float = PARSE_TIMEOUT_SECONDS
    memory_mb: int = PARSE_MEMORY_MB


DEFAULT_LIMITS = Limits()


def megabytes(size: int) -> str:
    """A size as staff read it in a message: "10 MB", "0,5 MB"."""
    value = size / (1024 * 1024)
    text = f"{value:.0f}" if value >= 1 or value == 0 else f"{value:.1f}"
    return text.replace(".", ",") + " MB"


def thousands(number: int) -> str:
    """Indonesian digit grouping: 1.000.000."""
    return f"{number:,}".replace(",", ".")
