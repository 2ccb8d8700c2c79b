"""API endpoints for a case's documents, as a router the API mounts beside the case endpoints
(``api.add_router("", documents.api.router)`` in api/urls.py; docs/documents.md):

- ``GET /cases/{number}/documents``: kind, number, status, download and verification addresses,
  SHA-256, for the staff of the case (token or session) and for the applicant with the tracking PIN
  (header ``X-Tracking-PIN``);
- ``GET /cases/{number}/documents/{code}/pdf``: the PDF (signed once signed), for the same people.
"""

from __future__ import annotations

from django.http import FileResponse, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Header, Path, Router, Schema

from api.auth import OPTIONAL_SECURITY, STAFF_OR_PUBLIC, caller
from api.errors import NotFound, error_responses
from cases.models import Case
from cases.selectors import case_get_for_user
from cases.services import case_pin_check
from documents.rendering import verify_url
from documents.selectors import case_documents, document_by_code


class CaseDocumentOut(Schema):
    kind: str = Field(description="`receipt`, `reply_letter`, `cover_letter`.")
    number: str
    status: str = Field(
        description="`rendered`, `signing` (tanda tangan sedang dibuat), `signed`, `failed` (juga "
        "percobaan yang terhenti lebih lama dari batas waktunya; boleh dicoba lagi), `revoked`."
    )
    issued_on: str
    sha256: str = Field(description="SHA-256 berkas yang berlaku (yang ditandatangani bila sudah).")
    download_url: str
    verify_url: str = Field(description="Halaman verifikasi publik yang dituju kode QR.")
    signer_name: str
    signed_at: str | None
    failure_reason: str


def _case_for(request: HttpRequest, number: str, pin: str) -> Case:
    """Staff see the documents of the cases in their scope; the applicant with the tracking PIN."""
    user = caller(request)
    case = case_get_for_user(user=user, number=number) if user.is_authenticated else None
    if case is None and not user.is_authenticated and pin:
        case = case_pin_check(number=number, pin=pin)
    if case is None:
        raise NotFound(_("Nomor registrasi atau PIN tidak cocok."))
    return case


def build_router() -> Router:
    """A new router with the endpoints (a ninja router attaches to one API only)."""
    router = Router(tags=["Dokumen"])

    @router.get(
        "/cases/{number}/documents",
        auth=STAFF_OR_PUBLIC,
        response={200: list[CaseDocumentOut], **error_responses(400, 401, 404, 500)},
        summary="Dokumen permohonan",
        operation_id="case_documents",
        openapi_extra=OPTIONAL_SECURITY,
    )
    def documents(
        request: HttpRequest, number: Path[str], pin: str = Header("", alias="X-Tracking-PIN", max_length=20)
    ):
        """Tanda terima, surat jawaban, dan surat yang diterbitkan untuk permohonan ini."""
        case = _case_for(request, number, pin)
        return [
            {
                "kind": d.kind,
                "number": d.number,
                "status": d.current_status,
                "issued_on": d.issued_on.isoformat(),
                "sha256": d.sha256,
                "download_url": f"/api/v1/cases/{case.display_number}/documents/{d.public_code}/pdf",
                "verify_url": verify_url(d.public_code),
                "signer_name": d.signer_name,
                "signed_at": d.signed_at.isoformat() if d.signed_at else None,
                "failure_reason": d.current_failure_reason,
            }
            for d in case_documents(case=case)
        ]

    @router.get(
        "/cases/{number}/documents/{code}/pdf",
        auth=STAFF_OR_PUBLIC,
        response={200: None, **error_responses(400, 401, 404, 500)},
        summary="Unduh dokumen (PDF)",
        operation_id="case_document_pdf",
        openapi_extra={
            **OPTIONAL_SECURITY,
            "responses": {"200": {"description": "Berkas PDF.", "content": {"application/pdf": {}}}},
        },
    )
    def document_pdf(
        request: HttpRequest,
        number: Path[str],
        code: Path[str],
        pin: str = Header("", alias="X-Tracking-PIN", max_length=20),
    ):
        """Berkas PDF dokumen, untuk yang boleh melihat permohonannya."""
        case = _case_for(request, number, pin)
        document = document_by_code(code)
        if document is None or document.case_id != case.pk:
            raise NotFound(_("Dokumen tidak ditemukan."))
        return FileResponse(
            document.file.open("rb"),
            content_type="application/pdf",
            as_attachment=True,
            filename=f"{document.kind}-{document.public_code}.pdf",
        )

    return router


router = build_router()
