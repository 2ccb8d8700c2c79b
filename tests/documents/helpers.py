"""Helpers for the documents tests: sign Kedopok's letter, read the QR from the rendered page."""

from __future__ import annotations

import datetime as dt
import subprocess
import tempfile
from pathlib import Path

from documents.services import case_sign, signing_identity_issue
from tests.documents.conftest import T0


def signed_letter(case, camat):
    signing_identity_issue(user=camat, passphrase=None)
    return case_sign(case=case, actor=camat, now=T0 + dt.timedelta(minutes=6))


def qr_texts(pdf: bytes) -> list[str]:
    """Render page 1 with pdftoppm (poppler-utils) and decode every QR code on it with zxing-cpp."""
    import zxingcpp
    from PIL import Image

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "letter.pdf"
        source.write_bytes(pdf)
        subprocess.run(  # noqa: S603
            ["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", str(source), str(Path(folder) / "page")],  # noqa: S607
            check=True,
        )
        image = Image.open(next(Path(folder).glob("page*.png")))
        return [barcode.text for barcode in zxingcpp.read_barcodes(image)]
