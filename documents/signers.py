"""Signers behind one interface: ``signer_for(identity).sign(pdf, request)`` returns the PAdES-signed
PDF or raises ``SigningFailed`` with a reason for people. The passphrase is passed through and
never stored or logged.

- ``Pkcs12Signer``: a PKCS#12 file under ``PELAYAN_SIGNING_DIR`` (the demo CA issues these).
- ``RemoteSigner``: a BSrE-shaped service (``POST`` the PDF with NIK and passphrase, receive the
  signed PDF) through a transport; ``LocalFakeBsre`` is the transport used locally and in tests.
- ``Pkcs11Signer``: a key on a PKCS#11 token (``locator`` = ``module#token label#key label``),
  unlocked with the PIN given as passphrase; tested against SoftHSM2. Needs ``python-pkcs11``.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.utils.translation import gettext as _

from cases.services import InvalidInput
from documents.models import SignerKind, SigningIdentity

FIELD_NAME = "TandaTanganElektronik"


class SigningFailed(InvalidInput):
    """The signature could not be made; ``reason`` is shown to the official and kept on the
    document. An ``InvalidInput`` of the case engine (400, field ``passphrase``), so the workspace
    and the API report it as they report any refused input."""

    def __init__(self, reason: str):
        super().__init__(reason, {"passphrase": "signing_failed"})
        self.reason = reason


@dataclass(frozen=True)
class SignRequest:
    signer_name: str
    signer_title: str
    location: str
    reason: str
    page: int
    box: tuple[int, int, int, int]
    passphrase: str | None = None
    # The zone the signing time is shown in on the visible block (the agency's).
    time_zone: str = "Asia/Jakarta"


class Signer(Protocol):
    def sign(self, pdf: bytes, request: SignRequest) -> bytes: ...


def signing_dir() -> Path:
    return Path(settings.PELAYAN_SIGNING_DIR)


def pades_sign(pdf: bytes, request: SignRequest, *, pkcs12: bytes, passphrase: bytes | None) -> bytes:
    """Sign ``pdf`` as PAdES B-B with a visible block (name, title, time) at ``request.box``."""
    from pyhanko.sign import signers

    try:
        signer = signers.SimpleSigner.load_pkcs12_data(pkcs12, other_certs=None, passphrase=passphrase)
    except (ValueError, TypeError):
        signer = None
    if signer is None:
        raise SigningFailed(_("Passphrase salah atau berkas sertifikat rusak."))
    return pades_sign_with(pdf, request, signer)


class _StampPage:
    """The stamp PDF (bytes, not a file) imported as the signature field's appearance."""

    @staticmethod
    def content(stamp_pdf: bytes):
        from pyhanko.pdf_utils.content import ImportedPdfPage
        from pyhanko.pdf_utils.reader import PdfFileReader

        class FromBytes(ImportedPdfPage):
            def render(self) -> bytes:
                import binascii
                import uuid

                from pyhanko.pdf_utils.layout import BoxConstraints

                xobj = self._ensure_writer.import_page_as_xobject(
                    PdfFileReader(BytesIO(stamp_pdf)), page_ix=0
                )
                name = b"/Import" + binascii.hexlify(uuid.uuid4().bytes)
                self.resources.xobject[name.decode("ascii")] = xobj
                x1, y1, x2, y2 = xobj.get_object()["/BBox"]
                self.box = BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
                return name + b" Do"

        return FromBytes("")


def pades_sign_with(pdf: bytes, request: SignRequest, signer) -> bytes:
    """PAdES B-B with any pyHanko signer (PKCS#12 in memory, PKCS#11 session), with the visible
    block (name, title, time) drawn by WeasyPrint so its font is embedded and a PDF/A letter stays
    PDF/A (the signature is an incremental update of the file)."""
    import datetime as dt
    from zoneinfo import ZoneInfo

    from pyhanko import stamp
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    from documents.rendering import render_stamp

    writer = IncrementalPdfFileWriter(BytesIO(pdf))
    fields.append_signature_field(
        writer, fields.SigFieldSpec(sig_field_name=FIELD_NAME, on_page=request.page, box=request.box)
    )
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        name=request.signer_name,
        location=request.location,
        reason=request.reason,
    )
    x1, y1, x2, y2 = request.box
    when = dt.datetime.now(ZoneInfo(request.time_zone))
    stamp_pdf = render_stamp(
        name=request.signer_name, title=request.signer_title, time=when.strftime("%d-%m-%Y %H:%M:%S %Z"),
        width=abs(x2 - x1), height=abs(y2 - y1),
    )  # fmt: skip
    from pyhanko.pdf_utils import layout

    style = stamp.StaticStampStyle(
        background=_StampPage.content(stamp_pdf), border_width=0,
        background_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MIN, y_align=layout.AxisAlignment.ALIGN_MIN,
            margins=layout.Margins.uniform(0), inner_content_scaling=layout.InnerScaling.STRETCH_FILL,
        ),
    )  # fmt: skip
    out = signers.PdfSigner(meta, signer=signer, stamp_style=style).sign_pdf(writer)
    return out.getvalue()


class Pkcs12Signer:
    def __init__(self, identity: SigningIdentity):
        self.identity = identity

    def sign(self, pdf: bytes, request: SignRequest) -> bytes:
        path = signing_dir() / self.identity.locator
        if not self.identity.locator or not path.is_file():
            raise SigningFailed(_("Berkas sertifikat penandatangan tidak ditemukan."))
        if self.identity.needs_passphrase and not request.passphrase:
            raise SigningFailed(_("Passphrase wajib diisi."))
        passphrase = (
            request.passphrase.encode() if self.identity.needs_passphrase and request.passphrase else None
        )
        return pades_sign(pdf, request, pkcs12=path.read_bytes(), passphrase=passphrase)


# -- remote (BSrE-shaped) ------------------------------------------------------------------------


@dataclass(frozen=True)
class RemoteResponse:
    status: int
    body: bytes
    error: str = ""


class RemoteTransport(Protocol):
    def post_sign(self, *, pdf: bytes, nik: str, passphrase: str, request: SignRequest) -> RemoteResponse: ...


class LocalFakeBsre:
    """Stands in for the remote signing service: accounts by NIK with a passphrase, each holding a
    PKCS#12 issued by the demo CA. Answers as the service does: 200 with the PDF, 401 on a wrong
    passphrase, 404 for an unknown NIK."""

    def __init__(self) -> None:
        self.accounts: dict[str, tuple[bytes, bytes, str]] = {}

    def enrol(self, *, nik: str, pkcs12: bytes, passphrase: str) -> None:
        salt = hashlib.sha256(nik.encode()).digest()
        digest = hashlib.pbkdf2_hmac("sha256", passphrase.encode(), salt, 10_000)
        self.accounts[nik] = (pkcs12, digest, passphrase)

    def post_sign(self, *, pdf: bytes, nik: str, passphrase: str, request: SignRequest) -> RemoteResponse:
        account = self.accounts.get(nik)
        if account is None:
            return RemoteResponse(404, b"", "NIK tidak terdaftar")
        pkcs12, digest, stored = account
        salt = hashlib.sha256(nik.encode()).digest()
        if not hmac.compare_digest(hashlib.pbkdf2_hmac("sha256", passphrase.encode(), salt, 10_000), digest):
            return RemoteResponse(401, b"", "Passphrase salah")
        return RemoteResponse(200, pades_sign(pdf, request, pkcs12=pkcs12, passphrase=stored.encode()))


_fake = LocalFakeBsre()


def remote_transport() -> RemoteTransport:
    # No network here: the real adapter is configured by deployment; locally the fake answers.
    return _fake


class RemoteSigner:
    def __init__(self, identity: SigningIdentity, transport: RemoteTransport | None = None):
        self.identity = identity
        self.transport = transport or remote_transport()

    def sign(self, pdf: bytes, request: SignRequest) -> bytes:
        if not request.passphrase:
            raise SigningFailed(_("Passphrase wajib diisi."))
        response = self.transport.post_sign(
            pdf=pdf, nik=self.identity.nik, passphrase=request.passphrase, request=request
        )
        if response.status != 200 or not response.body.startswith(b"%PDF"):
            raise SigningFailed(
                _("Layanan tanda tangan menolak: %(error)s") % {"error": response.error or response.status}
            )
        return response.body


class Pkcs11Signer:
    def __init__(self, identity: SigningIdentity):
        self.identity = identity

    def sign(self, pdf: bytes, request: SignRequest) -> bytes:
        try:
            import pkcs11
            from asn1crypto import pem, x509
            from pyhanko.config.pkcs11 import TokenCriteria
            from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session
        except ImportError:
            raise SigningFailed(
                _("Penandatanganan dengan token PKCS#11 belum tersedia di server ini.")
            ) from None
        module, _sep, rest = self.identity.locator.partition("#")
        token, _sep, key_label = rest.partition("#")
        if not (module and token and key_label and self.identity.certificate_pem):
            raise SigningFailed(_("Token penandatangan belum dikonfigurasi."))
        if not request.passphrase:
            raise SigningFailed(_("PIN token wajib diisi."))
        _type, _headers, der = pem.unarmor(self.identity.certificate_pem.encode())
        try:
            session = open_pkcs11_session(
                module, token_criteria=TokenCriteria(label=token), user_pin=request.passphrase
            )
        except pkcs11.exceptions.PinIncorrect:
            raise SigningFailed(_("PIN token salah.")) from None
        except (pkcs11.exceptions.PKCS11Error, OSError, RuntimeError) as exc:
            raise SigningFailed(
                _("Token tidak dapat dibuka: %(error)s") % {"error": type(exc).__name__}
            ) from None
        try:
            signer = PKCS11Signer(session, signing_cert=x509.Certificate.load(der), key_label=key_label)
            return pades_sign_with(pdf, request, signer)
        finally:
            session.close()


def signer_for(identity: SigningIdentity) -> Signer:
    if identity.kind == SignerKind.PKCS12:
        return Pkcs12Signer(identity)
    if identity.kind == SignerKind.REMOTE:
        return RemoteSigner(identity)
    return Pkcs11Signer(identity)
