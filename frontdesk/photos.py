"""The ID photo taken at the kiosk: bounded in size and pixels, its type read from its bytes, and
stored re-encoded as JPEG so nothing of the camera's file (location, maker notes) is kept."""

from __future__ import annotations

import io
import secrets
import warnings

import filetype
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

ACCEPTED = {"image/jpeg", "image/png", "image/webp"}
# A phone camera gives 12–50 megapixels; more is not a photo of an ID card.
MAX_PIXELS = 60_000_000
# Kept large enough to read the card, small enough for a guest book.
STORED_EDGE = 1600


class PhotoRefused(ValueError):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def id_photo_prepare(upload: UploadedFile) -> ContentFile:
    limit = settings.PELAYAN_FRONTDESK_PHOTO_MAX_BYTES
    if not upload.size:
        raise PhotoRefused(_("Foto identitas kosong."))
    if upload.size > limit:
        raise PhotoRefused(_("Foto identitas lebih dari %(mb)s MB.") % {"mb": limit // (1024 * 1024)})
    head = upload.read(262)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.mime not in ACCEPTED:
        raise PhotoRefused(_("Foto identitas harus berupa gambar JPEG, PNG, atau WebP."))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload)
            if image.width * image.height > MAX_PIXELS:
                raise PhotoRefused(_("Foto identitas terlalu besar ukurannya."))
            # verify() reads the whole file's structure: load() alone accepts a cut-off file once
            # WeasyPrint is imported, since it sets PIL's LOAD_TRUNCATED_IMAGES for the process.
            image.verify()
            upload.seek(0)
            image = Image.open(upload)
            image.load()
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        Image.DecompressionBombWarning,
        Image.DecompressionBombError,
    ):
        raise PhotoRefused(_("Foto identitas tidak dapat dibaca.")) from None
    finally:
        upload.seek(0)
    image = image.convert("RGB")
    image.thumbnail((STORED_EDGE, STORED_EDGE))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85)
    return ContentFile(out.getvalue(), name=f"{secrets.token_hex(12)}.jpg")
