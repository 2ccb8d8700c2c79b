"""Bytes of a text, HTML, Markdown, .docx or .pdf file -> normalised lines.

Every format ends as the same thing: one logical line per paragraph, list item or table cell, with
mermaid flowcharts lifted out into placeholders. Pure Python; lxml and pypdf are imported only when
such a file arrives, so reading plain text stays fast.

Every step is linear in the size of its input (no backtracking regex over unbounded text, HTML read
by a scanner that never looks at a character twice) and stops at the limits in ``limits.py``, so an
abusive file costs at most a bounded amount of time and memory before it is refused.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field

from pelayan.lib.importer.errors import (
    EmptyDocumentError,
    LimitExceededError,
    NotADocumentError,
    ScannedPdfError,
)
from pelayan.lib.importer.limits import DEFAULT_LIMITS, Limits, megabytes, thousands
from pelayan.lib.importer.mermaid import looks_like_mermaid, parse_mermaid
from pelayan.lib.standard_schema import Flow

FLOW_TOKEN = "\x00FLOW{}\x00"
FLOW_TOKEN_RE = re.compile(r"\x00FLOW(\d+)\x00")


@dataclass
class Source:
    lines: list[str]
    kind: str  # text | html | markdown | docx | pdf
    flows: list[Flow] = field(default_factory=list)
    flow_texts: list[str] = field(default_factory=list)
    # PDF text wraps inside table cells, so broken lines must be joined back.
    reflow: bool = False

    def display_text(self) -> str:
        """The source as staff read it beside the draft (flowcharts shown as written)."""

        def back(match: re.Match[str]) -> str:
            return self.flow_texts[int(match.group(1))]

        return "\n".join(FLOW_TOKEN_RE.sub(back, line) for line in self.lines)


# Extensions that promise a text format; a file carrying one of them must not start like a zip or PDF.
_TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".tsv", ".csv")


def read_source(data: bytes, filename: str = "", limits: Limits = DEFAULT_LIMITS) -> Source:
    name = filename or "(tanpa nama)"
    read_source_size_check(data, name, limits)
    if not data or not data.strip():
        raise EmptyDocumentError(name)
    lower = filename.lower()
    # The first bytes decide the format; a name that promises another one is a polyglot or a mistake,
    # and reading it as either could surprise the staff who check the preview.
    if data.startswith(b"%PDF"):
        if lower.endswith((".docx", *_TEXT_SUFFIXES)):
            raise NotADocumentError(name, "isinya PDF tetapi namanya tidak berakhiran .pdf")
        return _bounded(_read_pdf(data, name, limits), name, limits)
    if data.startswith(b"PK\x03\x04"):
        if lower.endswith((".pdf", *_TEXT_SUFFIXES)):
            raise NotADocumentError(name, "isinya arsip ZIP tetapi namanya tidak berakhiran .docx")
        return _bounded(_read_docx(data, name, limits), name, limits)
    if lower.endswith(".pdf"):
        raise NotADocumentError(name, "bukan berkas PDF")
    if lower.endswith(".docx"):
        raise NotADocumentError(name, "berkas .docx rusak")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise NotADocumentError(name, "format Word 97-2003 (.doc) belum didukung, simpan sebagai .docx")
    if data.lstrip().startswith(b"{\\rtf"):
        raise NotADocumentError(name, "format RTF belum didukung, simpan sebagai .docx")
    # Counted on the bytes, before any work: a million short lines are refused in milliseconds.
    _check_lines(data.count(b"\n"), name, limits)
    text = _decode(data, name)
    if not text.strip():
        raise EmptyDocumentError(name)
    _check_chars(len(text), name, limits)
    kind = "html" if lower.endswith((".html", ".htm")) or _TAG_RE.search(text) else "text"
    if kind == "text" and (lower.endswith((".md", ".markdown")) or "\n|" in text or "```" in text):
        kind = "markdown"
    return _bounded(text_to_source(text, kind), name, limits)


def read_source_size_check(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> None:
    if len(data) > limits.max_input_bytes:
        raise LimitExceededError(
            name, "MAX_INPUT_BYTES", "ukuran berkas", "the file size", megabytes(limits.max_input_bytes)
        )


def _check_chars(count: int, name: str, limits: Limits) -> None:
    if count > limits.max_text_chars:
        raise LimitExceededError(
            name,
            "MAX_TEXT_CHARS",
            "jumlah karakter teks",
            "the number of text characters",
            thousands(limits.max_text_chars),
        )


def _check_lines(count: int, name: str, limits: Limits) -> None:
    if count > limits.max_lines:
        raise LimitExceededError(
            name, "MAX_LINES", "jumlah baris teks", "the number of text lines", thousands(limits.max_lines)
        )


def _bounded(source: Source, name: str, limits: Limits) -> Source:
    """The same caps on what was read, whatever the format (HTML tags and PDF pages add lines)."""
    _check_lines(len(source.lines), name, limits)
    _check_chars(sum(len(line) for line in source.lines), name, limits)
    longest = max((len(line) for line in source.lines), default=0)
    if longest > limits.max_line_chars:
        raise LimitExceededError(
            name,
            "MAX_LINE_CHARS",
            "panjang satu baris teks",
            "the length of one text line",
            thousands(limits.max_line_chars) + " karakter",
        )
    return source


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _decode(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        if b"\x00" in data[:8192]:
            raise NotADocumentError(name, "berisi data biner")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    sample = text[:8192]
    controls = len(_CONTROL_RE.findall(sample))
    replaced = sample.count("\ufffd")
    if (controls + replaced) > max(8, len(sample) // 50):
        raise NotADocumentError(name, "berisi data biner")
    return text


# --- text, HTML and Markdown -------------------------------------------------------------------

_TAG_RE = re.compile(
    r"</?(?:p|div|ol|ul|li|br|table|tr|td|th|i|u|b|em|strong|span|pre|h[1-6]|a)\b[^>]{0,400}>", re.I
)
_FENCE_HEAD_RE = re.compile(r"```\s*mermaid\s*\n", re.I)
_BARE_GRAPH_RE = re.compile(
    r"^[ \t]*(?:graph|flowchart)[ \t]+(?:LR|RL|TD|TB|BT)\b.*?(?=\n[ \t]*\n|\Z)", re.I | re.S | re.M
)
_ANY_TAG_RE = re.compile(r"<[^>\n]{0,400}>")
_MD_SEPARATOR_RE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{1,}:?\s*)*\|?\s*$")
_DASH_ROW_RE = re.compile(r"^[\s\-|:\t—–]*$")
# Bounded span: an unbounded lazy group retried from every asterisk of a long line is quadratic.
_MD_EMPHASIS_RE = re.compile(r"(\*\*|\*|__)(?=\S)(.{1,300}?)(?<=\S)\1")
_MD_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_BULLET_BEFORE_MARKER_RE = re.compile(r"^\s*[-*+]\s+(?=(?:\d{1,2}|[a-zA-Z])[.)]\s)")
_SPACES_RE = re.compile(r"[ \u00a0\u2007\u202f\u200b]+")


def text_to_source(text: str, kind: str = "text") -> Source:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    flows: list[Flow] = []
    flow_texts: list[str] = []

    def lift(raw: str) -> str:
        body = html.unescape(_ANY_TAG_RE.sub(" ", raw))
        if not looks_like_mermaid(body):
            return "\n" + body + "\n"
        flows.append(parse_mermaid(body))
        flow_texts.append(" ".join(body.split()))
        return "\n" + FLOW_TOKEN.format(len(flows) - 1) + "\n"

    if "|" in text:
        # Pipe rows are split before anything else: a cell often holds a whole HTML list or chart.
        text = "\n".join(_pipe_row(raw) for raw in text.split("\n"))
    if "graph" in text or "flowchart" in text:
        text = _sub_fences(text, lift)
        text = _sub_pre(text, lambda inner, whole: lift(inner))
        text = _BARE_GRAPH_RE.sub(lambda m: lift(m.group(0)), text)
    if "<" in text:
        text = html_to_text(text)
    if "&" in text:
        text = html.unescape(text)
    lines: list[str] = []
    for raw in text.split("\n"):
        for cell in raw.split("\t"):
            lines.append(_clean(cell))
    return Source(lines=_squeeze_blanks(lines), kind=kind, flows=flows, flow_texts=flow_texts)


def _sub_fences(text: str, replace) -> str:
    """```mermaid fenced blocks -> replace(body). A scan instead of a lazy regex: when a fence is
    never closed, no later one can be, so the scan stops instead of retrying from every fence."""
    out: list[str] = []
    last = pos = 0
    while (start := text.find("```", pos)) >= 0:
        head = _FENCE_HEAD_RE.match(text, start)
        if head is None:
            pos = start + 3
            continue
        end = text.find("```", head.end())
        if end < 0:
            break
        out.append(text[last:start])
        out.append(replace(text[head.end() : end]))
        last = pos = end + 3
    out.append(text[last:])
    return "".join(out)


def _sub_pre(text: str, replace) -> str:
    """<pre ...>inner</pre> -> replace(inner, whole), scanning once (see _sub_fences)."""
    lower = text.lower()
    out: list[str] = []
    last = pos = 0
    while (start := lower.find("<pre", pos)) >= 0:
        after = start + 4
        if after < len(lower) and (lower[after].isalnum() or lower[after] == "_"):
            pos = after
            continue
        open_end = lower.find(">", after)
        if open_end < 0:
            break
        close = lower.find("</pre>", open_end + 1)
        if close < 0:
            break
        out.append(text[last:start])
        out.append(replace(text[open_end + 1 : close], text[start : close + 6]))
        last = pos = close + 6
    out.append(text[last:])
    return "".join(out)


_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "ol",
        "ul",
        "li",
        "tr",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "section",
        "article",
        "dl",
        "dt",
        "dd",
        "caption",
        "body",
        "html",
        "br",
    ]
)
_CELL_TAGS = frozenset(("td", "th"))
# Elements whose content is not text for the reader.
_DROPPED_TAGS = ("script", "style", "head")
_TAG_NAME_RE = re.compile(r"[a-zA-Z][a-zA-Z0-9]{0,31}")


def html_to_text(text: str) -> str:
    """HTML -> text with a newline per block element and a tab per table cell.

    A single forward scan: every search starts where the previous one ended and an unclosed
    construct ends the scan, so repeated unclosed tags, comments or scripts cost linear time (the
    standard library's html.parser and lazy regexes are quadratic on them). Entities are left for
    the caller to unescape, as before.
    """
    lower = text.lower()
    size = len(text)
    out: list[str] = []
    pos = 0  # first character not yet copied or skipped
    while pos < size:
        lt = text.find("<", pos)
        if lt < 0:
            out.append(text[pos:])
            break
        out.append(text[pos:lt])
        nxt = text[lt + 1 : lt + 2]
        if text.startswith("<!--", lt):
            end = text.find("-->", lt + 4)
            if end < 0:
                break  # an unclosed comment hides the rest, as in a browser
            out.append(" ")
            pos = end + 3
            continue
        if nxt in ("!", "?"):
            end = text.find(">", lt + 2)
            if end < 0:
                out.append(text[lt:])
                break
            pos = end + 1
            continue
        closing = nxt == "/"
        name_match = _TAG_NAME_RE.match(text, lt + 2 if closing else lt + 1)
        if name_match is None:
            out.append("<")  # "a < b", "<5 hari": text, not a tag
            pos = lt + 1
            continue
        end = text.find(">", name_match.end())
        if end < 0:
            # No ">" anywhere after: nothing further can be a tag, so the rest is text.
            out.append(text[lt:])
            break
        name = name_match.group(0).lower()
        if name_match.end() < end and not (text[name_match.end()].isspace() or text[name_match.end()] in "/"):
            name = ""  # "<abc=1>" is not a known tag; dropped like any other
        pos = end + 1
        if not closing and name in _DROPPED_TAGS:
            stop = lower.find("</" + name, pos)
            if name == "head":
                body = lower.find("<body", pos)
                if body >= 0 and (stop < 0 or body < stop):
                    pos = body
                    out.append(" ")
                    continue
            if stop < 0:
                break  # unclosed script or style: the rest is its content
            close_end = lower.find(">", stop)
            pos = size if close_end < 0 else close_end + 1
            out.append(" ")
        elif name in _BLOCK_TAGS:
            out.append("\n")
        elif name in _CELL_TAGS and not closing:
            out.append("\t")
    return "".join(out)


def _pipe_row(raw: str) -> str:
    stripped = raw.strip()
    if not (stripped.startswith("|") or (stripped.endswith("|") and stripped.count("|") >= 2)):
        return raw
    if _MD_SEPARATOR_RE.match(stripped):
        return ""
    kept: list[str] = []

    def keep(whole: str) -> str:
        kept.append(whole)
        return f"\x01{len(kept) - 1}\x01"

    # Mermaid edge labels ("-->|ya|") use pipes too.
    protected = _sub_pre(stripped, lambda inner, whole: keep(whole))
    row = "\t".join(protected.strip("|").split("|"))
    return re.sub(r"\x01(\d+)\x01", lambda m: kept[int(m.group(1))], row)


def _clean(cell: str) -> str:
    cell = _SPACES_RE.sub(" ", cell).strip()
    if not cell:
        return ""
    if _DASH_ROW_RE.match(cell):
        return ""
    if "*" in cell or "__" in cell:
        cell = _MD_EMPHASIS_RE.sub(r"\2", cell)
    if cell.startswith("#"):
        cell = _MD_HEADING_RE.sub("", cell)
    if cell[:1] in "-*+":
        cell = _MD_BULLET_BEFORE_MARKER_RE.sub("", cell)
    return cell


def _squeeze_blanks(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


# --- Word ----------------------------------------------------------------------------------------


_W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOCX_BODY = "word/document.xml"


def _read_docx(data: bytes, name: str, limits: Limits) -> Source:
    xml = _docx_body_xml(data, name, limits)
    # A Word body never carries a DTD; one here can only declare entities that expand on parsing
    # (the "billion laughs"), so it is refused before any parser sees it.
    if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:
        raise NotADocumentError(name, "XML dokumen Word memuat deklarasi DTD/entitas")
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_blank_text=True
    )
    try:
        root = etree.fromstring(xml, parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise NotADocumentError(name, "berkas .docx rusak") from exc
    body = root.find(_W_NS + "body")
    if body is None:
        raise NotADocumentError(name, "arsip ZIP tanpa isi dokumen Word")

    p_tag, tbl_tag, tr_tag, tc_tag, t_tag = (_W_NS + t for t in ("p", "tbl", "tr", "tc", "t"))
    tab_tag, br_tag = _W_NS + "tab", _W_NS + "br"
    lines: list[str] = []

    def paragraph_text(p) -> str:
        parts: list[str] = []
        for node in p.iter():
            if node.tag == t_tag and node.text:
                parts.append(node.text)
            elif node.tag == tab_tag:
                parts.append("\t")
            elif node.tag == br_tag:
                parts.append("\n")
        return "".join(parts)

    def walk(container) -> None:
        for child in container.iterchildren():
            if child.tag == p_tag:
                text = paragraph_text(child)
                for piece in text.split("\n"):
                    lines.extend(_clean(cell) for cell in piece.split("\t"))
                if not text.strip():
                    lines.append("")
            elif child.tag == tbl_tag:
                for row in child.iterchildren(tr_tag):
                    for cell in row.iterchildren(tc_tag):
                        walk(cell)
                lines.append("")
            elif isinstance(child.tag, str) and (
                child.tag.endswith("}sdt") or child.tag.endswith("}sdtContent")
            ):
                walk(child)
            if len(lines) > limits.max_lines:
                _check_lines(len(lines), name, limits)

    walk(body)
    source = Source(lines=_squeeze_blanks(lines), kind="docx")
    if not any(source.lines):
        raise EmptyDocumentError(name)
    return _lift_flows(source)


def _docx_body_xml(data: bytes, name: str, limits: Limits) -> bytes:
    """The bytes of word/document.xml, never more than the limit however the archive is built.

    Only this member is read, so a bomb elsewhere in the archive costs nothing. Its declared size is
    checked first, then the bytes actually produced while decompressing, in chunks.
    """
    too_big = LimitExceededError(
        name,
        "MAX_XML_BYTES",
        "isi dokumen Word setelah dibuka (XML)",
        "the Word document body once decompressed",
        megabytes(limits.max_xml_bytes),
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            if len(entries) > limits.max_docx_members:
                raise LimitExceededError(
                    name,
                    "MAX_DOCX_MEMBERS",
                    "jumlah isi arsip .docx",
                    "the number of entries in the .docx archive",
                    thousands(limits.max_docx_members),
                )
            info = next((e for e in entries if e.filename == _DOCX_BODY), None)
            if info is None:
                raise NotADocumentError(name, "arsip ZIP tanpa isi dokumen Word")
            if info.file_size > limits.max_xml_bytes:
                raise too_big
            chunks: list[bytes] = []
            total = 0
            with archive.open(info) as member:
                while chunk := member.read(64 * 1024):
                    total += len(chunk)
                    if total > limits.max_xml_bytes:
                        raise too_big
                    chunks.append(chunk)
            return b"".join(chunks)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        EOFError,
        OSError,
        zlib.error,
    ) as exc:
        # Broken archives, unsupported compression methods, encrypted members, CRC mismatches.
        raise NotADocumentError(name, "berkas .docx rusak") from exc
    except RuntimeError as exc:  # zipfile: "File ... is encrypted, password required"
        raise NotADocumentError(name, "berkas .docx terkunci atau rusak") from exc


def _lift_flows(source: Source) -> Source:
    """Mermaid written as plain paragraphs inside Word or PDF files."""
    if not any("graph" in line or "flowchart" in line for line in source.lines):
        return source
    rebuilt = text_to_source("\n".join(source.lines), source.kind)
    rebuilt.reflow = source.reflow
    return rebuilt


# --- PDF ----------------------------------------------------------------------------------------


def _read_pdf(data: bytes, name: str, limits: Limits) -> Source:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    broken = "berkas PDF rusak atau terkunci"
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")
        count = len(reader.pages)
        if count > limits.max_pdf_pages:
            raise LimitExceededError(
                name,
                "MAX_PDF_PAGES",
                "jumlah halaman PDF",
                "the number of PDF pages",
                thousands(limits.max_pdf_pages),
            )
        # Decoded content is counted per page that draws it, before any text is extracted: pages
        # that share one large stream would otherwise each pay for all of it.
        content = 0
        for page in reader.pages:
            content += _page_content_bytes(page)
            if content > limits.max_pdf_content_bytes:
                raise LimitExceededError(
                    name,
                    "MAX_PDF_CONTENT_BYTES",
                    "isi halaman PDF setelah dibuka",
                    "the decoded content of the PDF pages",
                    megabytes(limits.max_pdf_content_bytes),
                )
        pages: list[str] = []
        chars = 0
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            chars += len(pages[-1])
            _check_chars(chars, name, limits)
    except LimitExceededError:
        raise
    except PyPdfError as exc:  # includes pypdf's own LimitReachedError for oversized streams
        raise NotADocumentError(name, broken) from exc
    except RecursionError as exc:
        raise NotADocumentError(name, broken) from exc
    except Exception as exc:  # pypdf raises many kinds (KeyError, TypeError, ...) on a broken file
        raise NotADocumentError(name, broken) from exc
    text = "\n\n".join(pages)
    if len(re.sub(r"\s+", "", text)) < 20:
        raise ScannedPdfError(name)
    source = text_to_source(text, "pdf")
    source.reflow = True
    return source


def _page_content_bytes(page) -> int:
    from pypdf.generic import ArrayObject

    contents = page.get("/Contents")
    if contents is None:
        return 0
    contents = contents.get_object()
    streams = contents if isinstance(contents, ArrayObject) else [contents]
    total = 0
    for stream in streams:
        stream = stream.get_object()
        get_data = getattr(stream, "get_data", None)
        if get_data is not None:
            total += len(get_data())
    return total
