"""Standard versions: the one in force for a service, any version by id, and its compliance report."""

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Path, Router

from accounts.access import can_administer, mark_private
from api.conditional import public_standard_response
from api.errors import NotFound, error_responses
from api.presenters import standard_body
from api.schemas import ComplianceOut, StandardOut
from pelayan.lib.compliance import Severity
from standards.models import Standard, StandardStatus
from standards.selectors import service_get, standard_compliance, standard_get, standard_published

router = Router(tags=["Standar"])

StandardId = Path[int]


def _is_public(standard: Standard) -> bool:
    return standard.status != StandardStatus.DRAFT and standard.service.is_active


def _visible_standard(request: HttpRequest, pk: int) -> Standard:
    """A draft, or any version of a switched-off service, is its agency admins' alone (else 404);
    the session is consulted only then, so public answers do not vary by cookie."""
    standard = standard_get(pk=pk)
    if standard is not None and _is_public(standard):
        return standard
    if standard is None or not can_administer(request, standard.service.agency_id):
        raise NotFound(_("Standar pelayanan tidak ditemukan."))
    mark_private(request)
    return standard


@router.get(
    "/agencies/{slug}/services/{service_slug}/standard",
    response={200: StandardOut, 304: None, **error_responses(400, 404, 500)},
    by_alias=True,
    summary="Standar pelayanan yang berlaku",
    operation_id="service_standard_get",
)
def get_published_standard(
    request: HttpRequest, response: HttpResponse, slug: Path[str], service_slug: Path[str]
):
    """Versi standar yang sedang berlaku beserta keempat belas komponennya.

    Jawaban membawa `ETag` (kuat) dan `Last-Modified`, serta `Cache-Control: public, max-age=300`.
    Kirim `If-None-Match` atau `If-Modified-Since` untuk menerima 304 bila tidak ada perubahan.
    Layanan yang tidak aktif hanya terlihat oleh admin instansinya (selain itu 404), seperti
    rincian layanan."""
    service = service_get(agency_slug=slug, service_slug=service_slug)
    standard = standard_published(service=service) if service is not None else None
    # The session is consulted only for an inactive service, so public answers do not vary by cookie.
    if standard is None or (not service.is_active and not can_administer(request, service.agency_id)):
        raise NotFound(_("Standar pelayanan yang berlaku untuk layanan ini tidak ditemukan."))
    if not service.is_active:
        mark_private(request)
        return standard_body(standard)
    not_modified = public_standard_response(request, standard, response)
    if not_modified is not None:
        return not_modified
    return standard_body(standard)


@router.get(
    "/standards/{id}",
    response={200: StandardOut, 304: None, **error_responses(400, 404, 500)},
    by_alias=True,
    summary="Satu versi standar",
    operation_id="standard_get",
)
def get_standard(request: HttpRequest, response: HttpResponse, id: StandardId):
    """Versi mana pun yang berlaku atau sudah diganti; draf dan standar layanan yang tidak aktif
    hanya untuk admin instansinya (selain itu 404). Versi publik membawa `ETag`/`Last-Modified` seperti standar yang berlaku."""
    standard = _visible_standard(request, id)
    if _is_public(standard):
        not_modified = public_standard_response(request, standard, response)
        if not_modified is not None:
            return not_modified
    return standard_body(standard)


@router.get(
    "/standards/{id}/compliance",
    response={200: ComplianceOut, **error_responses(400, 404, 500)},
    summary="Laporan kepatuhan satu versi standar",
    operation_id="standard_compliance",
)
def get_compliance(request: HttpRequest, response: HttpResponse, id: StandardId):
    """Temuan pemeriksaan keempat belas komponen terhadap PermenPAN-RB 15/2014.

    `publishable` benar bila tidak ada temuan bertingkat `error` (syarat penerbitan)."""
    standard = _visible_standard(request, id)
    items = standard_compliance(standard=standard)
    errors = sum(1 for item in items if item.severity == Severity.ERROR)
    return {
        "standard_id": standard.pk,
        "version": standard.version,
        "status": standard.status,
        "publishable": errors == 0,
        "errors": errors,
        "warnings": len(items) - errors,
        "items": [item.as_dict() for item in items],
    }
