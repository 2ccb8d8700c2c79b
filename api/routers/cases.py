"""Cases (permohonan): open one, give its files, take the actions of its steps, read a staff
member's inbox, and let an applicant follow theirs with the tracking PIN.

Everything here is about people's applications, so every answer (errors too) carries
``Cache-Control: private, no-store`` (set for these paths in api.urls). The engine's refusals
(``cases.services.CaseError``) become the error body in api.errors.
"""

from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import UploadedFile as DjangoUpload
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Header, Path, Router, Status, UploadedFile
from ninja.pagination import paginate

from accounts.login_protection import client_ip
from api.auth import OPTIONAL_SECURITY, STAFF, STAFF_OR_PUBLIC, caller
from api.case_presenters import case_body, case_created_body, file_body, inbox_item, tracking_body
from api.case_schemas import (
    ActionIn,
    CaseCreatedOut,
    CaseIn,
    CaseOut,
    FileAddedOut,
    InboxItemOut,
    TrackingOut,
)
from api.errors import ApiError, NotFound, error_responses
from api.pagination import PagePagination
from cases.models import Case
from cases.selectors import (
    case_actions_for,
    case_checklist,
    case_clocks,
    case_get_for_user,
    case_timeline,
    inbox_for_user,
)
from cases.services import (
    Actor,
    Applicant,
    InvalidInput,
    case_create,
    case_file_add,
    case_pin_check,
)
from documents.services import case_act_with_documents
from standards.selectors import service_get, unit_get

router = Router(tags=["Permohonan"])


# Documents (documents/): the sign action carries the signer's passphrase or PIN.
class ActionWithPassphraseIn(ActionIn):
    passphrase: str | None = Field(
        None,
        max_length=200,
        description="Passphrase atau PIN penandatangan, hanya untuk tindakan `sign`; tidak disimpan.",
    )


CaseNumber = Path[str]
_MULTIPART_CASE = {
    "requestBody": {
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["payload"],
                    "properties": {
                        "payload": {"type": "string", "description": "Badan JSON `CaseIn` yang sama."}
                    },
                    "additionalProperties": {
                        "type": "string",
                        "format": "binary",
                        "description": "Berkas; nama kolomnya kunci persyaratan, mis. `ktp`.",
                    },
                }
            }
        }
    }
}


def _case_or_404(request: HttpRequest, number: str) -> Case:
    case = case_get_for_user(user=caller(request), number=number)
    if case is None:
        raise NotFound(_("Permohonan tidak ditemukan."))
    return case


def _present_case(case: Case, user: Any) -> dict[str, Any]:
    now = timezone.now()
    return case_body(
        case,
        actions=case_actions_for(case=case, user=user),
        clocks=case_clocks(case=case, now=now),
        timeline=case_timeline(case=case),
        checklist=case_checklist(case=case),
        now=now,
    )


def _uploads(request: HttpRequest) -> list[tuple[str, DjangoUpload]]:
    """One file per requirement: more would let one request fill the storage."""
    many = [key for key in request.FILES if len(request.FILES.getlist(key)) > 1]
    if many:
        raise InvalidInput(
            _("Satu berkas untuk setiap persyaratan."), {f"files.{key}": "one_file_only" for key in many}
        )
    return [(key, request.FILES[key]) for key in request.FILES]


@router.post(
    "/cases",
    auth=STAFF_OR_PUBLIC,
    response={200: CaseCreatedOut, 201: CaseCreatedOut, **error_responses(400, 401, 403, 404, 500)},
    summary="Ajukan permohonan",
    operation_id="case_create",
    openapi_extra={**OPTIONAL_SECURITY, **_MULTIPART_CASE},
)
def create_case(
    request: HttpRequest,
    payload: CaseIn,
    idempotency_key: str = Header("", alias="Idempotency-Key", max_length=200),
):
    """Buka permohonan pada standar yang berlaku dan ajukan.

    Petugas (token atau sesi) mengajukan untuk pemohon pada alur yang dikerjakan perannya;
    tanpa login hanya pada alur daring publik (kanal website, langkah pertama oleh pemohon),
    selain itu 403. Berkas dapat dikirim sekaligus sebagai `multipart/form-data`: kolom
    `payload` berisi JSON yang sama, tiap berkas pada kolom bernama kunci persyaratannya.

    `Idempotency-Key`: pengiriman ulang dengan kunci yang sama (per layanan) menjawab 200 dengan
    permohonan pertama, tanpa PIN. PIN hanya ditampilkan sekali, pada jawaban 201."""
    agency_slug, _sep, service_slug = payload.service.partition("/")
    service = service_get(agency_slug=agency_slug, service_slug=service_slug)
    if service is None:
        raise ApiError(
            404,
            "not_found",
            _("Layanan tidak ditemukan."),
            [{"field": "service", "message": _("Layanan tidak ditemukan.")}],
        )
    user = caller(request)
    person = payload.applicant
    unit = None
    if payload.unit:
        unit = unit_get(agency_id=service.agency_id, slug=payload.unit)
        if unit is None:
            raise InvalidInput(_("Unit kerja tidak ada pada instansi ini."), {"unit": "unknown"})
    created = case_create(
        service=service,
        actor=user if user.is_authenticated else None,
        applicant=Applicant(
            name=person.name,
            email=person.email,
            phone=person.phone,
            address=person.address,
            institution=person.institution,
        ),
        channel=payload.channel,
        track=payload.track,
        received_at=payload.received_at,
        idempotency_key=idempotency_key,
        details=payload.details,
        files=_uploads(request),
        unit=unit,
    )
    case = created.case
    body = case_created_body(
        case, pin=created.pin, created=created.created, clocks=case_clocks(case=case, now=timezone.now())
    )
    return Status(201 if created.created else 200, body)


@router.get(
    "/cases/{number}",
    auth=STAFF,
    response={200: CaseOut, **error_responses(400, 401, 404, 500)},
    summary="Rincian permohonan",
    operation_id="case_get",
)
def get_case(request: HttpRequest, number: CaseNumber):
    """Status, versi, tugas terbuka, tindakan yang boleh Anda ambil, jam layanan, riwayat, dan
    daftar persyaratan. Permohonan di luar cakupan Anda (instansi atau unit lain) dijawab 404."""
    user = caller(request)
    return _present_case(_case_or_404(request, number), user)


@router.post(
    "/cases/{number}/files",
    auth=STAFF,
    response={201: FileAddedOut, **error_responses(400, 401, 403, 404, 409, 500)},
    summary="Unggah berkas persyaratan",
    operation_id="case_file_add",
)
def add_file(
    request: HttpRequest,
    number: CaseNumber,
    requirement: Form[str],
    file: File[UploadedFile],
):
    """Berkas (PDF, JPEG, PNG) untuk satu persyaratan, oleh petugas yang memegang langkahnya.
    Berkas baru menggantikan yang lama pada daftar persyaratan; keduanya disimpan."""
    case = _case_or_404(request, number)
    row = case_file_add(case=case, actor=Actor(caller(request)), requirement=requirement, upload=file)
    case.refresh_from_db(fields=["version"])
    return Status(201, {"file": file_body(row, case.agency.timezone), "version": case.version})


@router.post(
    "/cases/{number}/actions",
    auth=STAFF,
    response={200: CaseOut, **error_responses(400, 401, 403, 404, 409, 500)},
    summary="Ambil tindakan",
    operation_id="case_act",
)
def act(request: HttpRequest, number: CaseNumber, payload: ActionWithPassphraseIn):
    """Ambil satu tindakan dari `actions` pada `version` yang Anda lihat.

    409 bila permohonan sudah berubah sejak versi itu atau tindakan itu tidak terbuka sekarang
    (dua petugas menekan bersamaan: satu berhasil, satu 409); 403 bila langkah ini bukan tugas
    Anda; 400 untuk catatan, persyaratan, unit, atau petugas yang tidak sah (`fields`).
    Tindakan `sign` menandatangani dokumen langkah itu lebih dulu (`passphrase` bila identitas
    penandatangan memerlukannya); tanda tangan yang gagal dijawab 400 pada `passphrase` dan
    permohonan tetap di langkahnya."""
    user = caller(request)
    case = _case_or_404(request, number)
    assignee = None
    if payload.assignee:
        assignee = get_user_model().objects.filter(username=payload.assignee, is_active=True).first()
        if assignee is None:
            message = _("Petugas '%(name)s' tidak ditemukan.") % {"name": payload.assignee}
            raise ApiError(400, "invalid_request", message, [{"field": "assignee", "message": message}])
    acted = case_act_with_documents(
        case=case,
        actor=Actor(user),
        passphrase=payload.passphrase,
        action=payload.action,
        version=payload.version,
        note=payload.note,
        missing=payload.missing,
        assignee=assignee,
        unit=payload.unit,
    )
    return _present_case(acted, user)


@router.get(
    "/inbox",
    auth=STAFF,
    response={200: list[InboxItemOut], **error_responses(400, 401, 500)},
    summary="Kotak masuk petugas",
    operation_id="inbox",
)
@paginate(PagePagination, present=lambda case: inbox_item(case, timezone.now()))
def inbox(request: HttpRequest):
    """Permohonan terbuka yang langkahnya tugas Anda (peran Anda, dalam unit Anda, tidak ditunjuk
    kepada petugas lain), yang paling dekat jatuh tempo lebih dulu."""
    # The step's text comes from the process definition: one query for the distinct definitions
    # of the page, not one per row.
    return inbox_for_user(user=caller(request)).select_related("assignee").prefetch_related("process")


@router.get(
    "/track/{number}",
    auth=None,
    response={200: TrackingOut, **error_responses(400, 404, 429, 500)},
    summary="Lacak permohonan",
    operation_id="case_track",
)
def track(
    request: HttpRequest,
    number: CaseNumber,
    pin: str = Header(alias="X-Tracking-PIN", max_length=20),
):
    """Status publik dengan nomor registrasi dan PIN (header `X-Tracking-PIN`), tanpa data
    pribadi. Nomor atau PIN salah dijawab 404 yang sama; setelah lima PIN salah, permohonan
    terkunci 15 menit (tetap 404). Dua puluh kegagalan dari satu alamat dalam 10 menit dijawab 429."""
    case = case_pin_check(number=number, pin=pin, address=client_ip(request))
    if case is None:
        # One answer for a wrong number, a wrong PIN and a locked case: a guesser learns nothing.
        raise NotFound(_("Nomor registrasi atau PIN tidak cocok."))
    texts = {r.key or "": r.text for r in case.standard.parsed_components().requirements}
    return tracking_body(case, texts)
