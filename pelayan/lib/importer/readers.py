"""Bytes of a text, HTML, Markdown, .docx or .pdf file -> normalised lines.

Every format ends as the same thing: one logical line per paragraph, list item or table cell, with
mermaid flowcharts lifted out into placeholders. Pure Python; python-docx and pypdf are imported only
when such a file arrives, so reading plain text stays fast.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from dataclasses import dataclass, field

from pelayan.lib.importer.errors import EmptyDocumentError, NotADocumentError, ScannedPdfError
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


def read_source(data: bytes, filename: str = "") -> Source:
    name = filename or "(tanpa nama)"
    if not data or not data.strip():
        raise EmptyDocumentError(name)
    lower = filename.lower()
    if data.startswith(b"%PDF") or lower.endswith(".pdf"):
        return _read_pdf(data, name)
    if data.startswith(b"PK\x03\x04") or lower.endswith(".docx"):
        return _read_docx(data, name)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise NotADocumentError(name, "format Word 97-2003 (.doc) belum didukung, simpan sebagai .docx")
    if data.lstrip().startswith(b"{\\rtf"):
        raise NotADocumentError(name, "format RTF belum didukung, simpan sebagai .docx")
    text = _decode(data, name)
    if not text.strip():
        raise EmptyDocumentError(name)
    kind = "html" if lower.endswith((".html", ".htm")) or _TAG_RE.search(text) else "text"
    if kind == "text" and (lower.endswith((".md", ".markdown")) or "\n|" in text or "```" in text):
        kind = "markdown"
    return text_to_source(text, kind)


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
    r"</?(?:p|div|ol|ul|li|br|table|tr|td|th|i|u|b|em|strong|span|pre|h[1-6]|a)\b[^>]*>", re.I
)
_PRE_RE = re.compile(r"<pre\b[^>]*>(.*?)</pre>", re.I | re.S)
_FENCE_RE = re.compile(r"```\s*mermaid\s*\n(.*?)```", re.I | re.S)
_BARE_GRAPH_RE = re.compile(
    r"^[ \t]*(?:graph|flowchart)[ \t]+(?:LR|RL|TD|TB|BT)\b.*?(?=\n[ \t]*\n|\Z)", re.I | re.S | re.M
)
_DROP_BLOCK_RE = re.compile(r"<(script|style|head)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_BLOCK_TAG_RE = re.compile(
    r"<br\s*/?>|</?(?:p|div|ol|ul|li|tr|table|thead|tbody|tfoot|h[1-6]|blockquote|section|article|"
    r"dl|dt|dd|caption|body|html)\b[^>]*>",
    re.I,
)
_CELL_TAG_RE = re.compile(r"<t[dh]\b[^>]*>", re.I)
_ANY_TAG_RE = re.compile(r"<[^>\n]{0,400}>")
_MD_SEPARATOR_RE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{1,}:?\s*)*\|?\s*$")
_DASH_ROW_RE = re.compile(r"^[\s\-|:\t—–]*$")
_MD_EMPHASIS_RE = re.compile(r"(\*\*|\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_BULLET_BEFORE_MARKER_RE = re.compile(r"^\s*[-*+]\s+(?=(?:\d{1,2}|[a-zA-Z])[.)]\s)")
_SPACES_RE = re.compile(r"[ \u00a0\u2007\u202f\u200b]+")


def text_to_source(text: str, kind: str = "text") -> Source:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    flows: list[Flow] = []
    flow_texts: list[str] = []

    def lift(match: re.Match[str]) -> str:
        body = html.unescape(_ANY_TAG_RE.sub(" ", match.group(1) if match.groups() else match.group(0)))
        if not looks_like_mermaid(body):
            return "\n" + body + "\n"
        flows.append(parse_mermaid(body))
        flow_texts.append(" ".join(body.split()))
        return "\n" + FLOW_TOKEN.format(len(flows) - 1) + "\n"

    if "|" in text:
        # Pipe rows are split before anything else: a cell often holds a whole HTML list or chart.
        text = "\n".join(_pipe_row(raw) for raw in text.split("\n"))
    if "graph" in text or "flowchart" in text:
        text = _FENCE_RE.sub(lift, text)
        text = _PRE_RE.sub(lift, text)
        text = _BARE_GRAPH_RE.sub(lift, text)
    if "<" in text:
        text = _DROP_BLOCK_RE.sub(" ", text)
        text = _BLOCK_TAG_RE.sub("\n", text)
        text = _CELL_TAG_RE.sub("\t", text)
        text = _ANY_TAG_RE.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    lines: list[str] = []
    for raw in text.split("\n"):
        for cell in raw.split("\t"):
            lines.append(_clean(cell))
    return Source(lines=_squeeze_blanks(lines), kind=kind, flows=flows, flow_texts=flow_texts)


def _pipe_row(raw: str) -> str:
    stripped = raw.strip()
    if not (stripped.startswith("|") or (stripped.endswith("|") and stripped.count("|") >= 2)):
        return raw
    if _MD_SEPARATOR_RE.match(stripped):
        return ""
    kept: list[str] = []

    def keep(match: re.Match[str]) -> str:
        kept.append(match.group(0))
        return f"\x01{len(kept) - 1}\x01"

    # Mermaid edge labels ("-->|ya|") use pipes too.
    protected = _PRE_RE.sub(keep, stripped)
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


def _read_docx(data: bytes, name: str) -> Source:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "word/document.xml" not in archive.namelist():
                raise NotADocumentError(name, "arsip ZIP tanpa isi dokumen Word")
    except zipfile.BadZipFile as exc:
        raise NotADocumentError(name, "berkas .docx rusak") from exc
    import docx
    from docx.oxml.ns import qn

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds for a broken package
        raise NotADocumentError(name, "berkas .docx rusak") from exc

    p_tag, tbl_tag, tr_tag, tc_tag, t_tag = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:t")
    tab_tag, br_tag = qn("w:tab"), qn("w:br")
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
            elif child.tag.endswith("}sdt") or child.tag.endswith("}sdtContent"):
                walk(child)

    walk(document.element.body)
    source = Source(lines=_squeeze_blanks(lines), kind="docx")
    if not any(source.lines):
        raise EmptyDocumentError(name)
    return _lift_flows(source)


def _lift_flows(source: Source) -> Source:
    """Mermaid written as plain paragraphs inside Word or PDF files."""
    if not any("graph" in line or "flowchart" in line for line in source.lines):
        return source
    rebuilt = text_to_source("\n".join(source.lines), source.kind)
    rebuilt.reflow = source.reflow
    return rebuilt


# --- PDF ----------------------------------------------------------------------------------------


def _read_pdf(data: bytes, name: str) -> Source:
    if not data.startswith(b"%PDF"):
        raise NotADocumentError(name, "bukan berkas PDF")
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise NotADocumentError(name, "berkas PDF rusak atau terkunci") from exc
    text = "\n\n".join(pages)
    if len(re.sub(r"\s+", "", text)) < 20:
        raise ScannedPdfError(name)
    source = text_to_source(text, "pdf")
    source.reflow = True
    return source
