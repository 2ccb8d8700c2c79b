"""The camat signs the surat pengantar: the PDF is numbered, PAdES-signed with a visible block,
validates as intact and trusted against the demo CA, and only then the case moves on."""

from __future__ import annotations

import datetime as dt

import pytest
from asn1crypto import pem, x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from audit.models import AuditEvent
from documents.ca import ca_cert_pem
from documents.models import DocumentKind, DocumentStatus
from documents.services import case_sign, signing_identity_issue
from tests.documents.conftest import T0


@pytest.mark.django_db
def test_the_camat_signs_and_the_pdf_validates_as_intact_and_trusted(case_at_signing, camat, demo_ca):
    signing_identity_issue(user=camat, passphrase=None)

    result = case_sign(case=case_at_signing, actor=camat, now=T0 + dt.timedelta(minutes=6))

    assert result.case.step == "kembali-kecamatan"
    document = result.document
    assert document.kind == DocumentKind.COVER_LETTER
    assert document.status == DocumentStatus.SIGNED
    assert document.number == "300/001/Kedopok/2026"
    assert document.signer_title == "Camat Kedopok"
    assert document.template.version == 1
    data = document.file.open("rb").read()
    _type, _headers, der = pem.unarmor(ca_cert_pem().encode())
    context = ValidationContext(trust_roots=[x509.Certificate.load(der)])
    signature = PdfFileReader(__import__("io").BytesIO(data)).embedded_signatures[0]
    status = validate_pdf_signature(signature, context)
    assert status.intact and status.valid and status.trusted
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    moved = result.case.events.get(transition="tandatangani")
    assert "300/001/Kedopok/2026" in moved.note
    assert AuditEvent.objects.filter(action="document.signed", target_id=str(document.pk)).exists()
