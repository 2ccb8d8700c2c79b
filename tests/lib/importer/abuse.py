"""Abusive uploads, built in memory: each is what an attacker would send to slow the importer or
exhaust its memory. Shared by the tests and bench/bench_import_abuse.py; nothing here is committed
as a binary file."""

from __future__ import annotations

import io
import zipfile
import zlib

from tests.lib.importer import corpus
from tests.lib.importer.support import make_docx

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def unclosed_tags(size: int = 270_000) -> tuple[bytes, str]:
    """Repeated unclosed <script>, comments, attributes and <pre>: quadratic for lazy regexes and
    for the standard library's html.parser."""
    unit = b"<script><!--<a b='<pre><p "
    return unit * (size // len(unit)), "serangan.html"


def repeated_script(size: int = 270_000) -> tuple[bytes, str]:
    return b"<script>" * (size // 8), "skrip.html"


def docx_bomb(expanded: int = 90 * 1024 * 1024) -> tuple[bytes, str]:
    """A .docx whose document body expands to ``expanded`` bytes (written in chunks, so building it
    costs no more memory than the compressed file)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        head = f'<?xml version="1.0"?><w:document xmlns:w="{_W}"><w:body>'.encode()
        para = b"<w:p><w:r><w:t>Persyaratan Pelayanan</w:t></w:r></w:p>" * 1000
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(head)
            written = len(head)
            while written < expanded:
                member.write(para)
                written += len(para)
            member.write(b"</w:body></w:document>")
    return buffer.getvalue(), "bom.docx"


def docx_lying_sizes() -> tuple[bytes, str]:
    """A small real .docx whose archive declares its document body as 100 bytes: a reader that
    trusts the declared size would allocate for one thing and receive another."""
    data = bytearray(make_docx(["KEPUTUSAN"], [("1", "Persyaratan", "KTP")]))
    name = b"word/document.xml"
    # Central directory entry: signature, then uncompressed size at offset 24.
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_len = int.from_bytes(data[at + 28 : at + 30], "little")
        if bytes(data[at + 46 : at + 46 + name_len]) == name:
            data[at + 24 : at + 28] = (100).to_bytes(4, "little")
        at = data.find(b"PK\x01\x02", at + 4)
    return bytes(data), "bohong.docx"


def docx_entity_bomb(levels: int = 10) -> tuple[bytes, str]:
    """Billion laughs in the document body: each entity expands to ten of the one before."""
    entities = ['<!ENTITY lol0 "lol">']
    for level in range(1, levels):
        previous = f"&lol{level - 1};"
        entities.append(f'<!ENTITY lol{level} "{previous * 10}">')
    xml = (
        '<?xml version="1.0"?><!DOCTYPE w:document [' + "".join(entities) + "]>"
        f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>&lol{levels - 1};</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    return buffer.getvalue(), "tawa.docx"


def pdf_shared_stream(pages: int = 200, stream_bytes: int = 2 * 1024 * 1024) -> tuple[bytes, str]:
    """Many pages drawing one compressed content stream of ``stream_bytes``: a few kilobytes on
    disk, ``pages`` times the stream for a reader that decodes it per page."""
    line = b"BT /F1 9 Tf 40 800 Td (Persyaratan Pelayanan) Tj ET\n"
    content = line * (stream_bytes // len(line))
    packed = zlib.compress(content, 9)
    first_page = 4
    kids = " ".join(f"{first_page + i} 0 R" for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
    ]
    font = first_page + pages
    for _ in range(pages):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R "
            f"/Resources << /Font << /F1 {font} 0 R >> >> >>".encode()
        )
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return _pdf(objects), "halaman-kembar.pdf"


def _pdf(objects: list[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def million_lines() -> tuple[bytes, str]:
    return b"KTP.\n" * 1_000_000, "sejuta-baris.txt"


def oversized(size: int = 50 * 1024 * 1024) -> tuple[bytes, str]:
    return b"Persyaratan Pelayanan. " * (size // 23 + 1), "besar.txt"


def polyglot_pdf_zip() -> tuple[bytes, str]:
    """Starts as a PDF and ends as a zip archive holding a Word body: both readers accept it."""
    pdf = _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])
    return pdf + make_docx(["KEPUTUSAN"], [("1", "Persyaratan", "KTP")]), "dokumen.docx"


def polyglot_zip_html() -> tuple[bytes, str]:
    """A zip archive whose stored member is HTML, named .html: a browser-ish sniffer sees markup."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("index.html", "<html><body><p>Persyaratan</p><script>x</script></body></html>")
    return buffer.getvalue(), "halaman.html"


def slow_emphasis() -> tuple[bytes, str]:
    """A real standard whose supervision component holds 95 lines of 10,000 characters, each a run
    of unclosed Markdown emphasis: within every size limit, but seconds of work for the emphasis
    pass (bounded per asterisk, still costly). The time limit of the bounded parse is what stops it."""
    text = corpus.text_typos()[0].decode()
    line = ("*a " * 3334)[:9999]
    text = text.replace("Kepala Dinas\n", "Kepala Dinas\n" + (line + "\n") * 95, 1)
    return text.encode(), "penekanan.txt"


ALL = {
    "unclosed_tags": unclosed_tags,
    "repeated_script": repeated_script,
    "docx_bomb": docx_bomb,
    "docx_lying_sizes": docx_lying_sizes,
    "docx_entity_bomb": docx_entity_bomb,
    "pdf_shared_stream": pdf_shared_stream,
    "million_lines": million_lines,
    "oversized": oversized,
    "polyglot_pdf_zip": polyglot_pdf_zip,
    "polyglot_zip_html": polyglot_zip_html,
    "slow_emphasis": slow_emphasis,
}
