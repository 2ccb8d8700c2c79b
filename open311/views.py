"""Open311 GeoReport v2 under /open311/v2/: services, a service's definition, requests, tokens.

Every path ends in ``.json`` or ``.xml``. ``jurisdiction_id`` is the agency's slug and is
required (one server answers for every agency). Reads are public; ``POST requests`` needs the
``api_key`` of a client made with ``pelayan open311-key create NAME``. Refusals use the
specification's error list (``[{"code": …, "description": …}]``), naming the parameter at fault.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from cases.models import CaseStatus, Channel
from cases.services import CaseError
from complaints.models import Complaint, ComplaintKind
from complaints.services import complaint_create
from open311 import render
from open311.selectors import (
    REQUESTS_DEFAULT_LIMIT,
    complaint_service,
    complaint_services,
    public_request,
    public_requests,
)
from open311.services import open311_client_authenticate
from pelayan.lib import tracking
from standards.models import Agency, Service
from standards.selectors import agency_get

# GeoReport v2: without dates, the last 90 days; a range may not span more than 90 days.
DEFAULT_RANGE = timedelta(days=90)
MAX_REQUEST_IDS = 100
DESCRIPTION_MAX = 4000  # the request schema's maxLength
PARAM_MAX = 500
_YES = {"1", "true", "ya", "yes", "y"}
_ATTRIBUTES = ("kind", "anonymous", "confidential")


class Refusal(Exception):
    def __init__(self, status: int, *descriptions: str):
        super().__init__(descriptions[0] if descriptions else "")
        self.status = status
        self.descriptions = list(descriptions)


def _param(request: HttpRequest, name: str, *, source: Any = None) -> str:
    data = source if source is not None else request.GET
    value = (data.get(name) or "").strip()
    if len(value) > PARAM_MAX and name != "description":
        raise Refusal(400, f"{name}: at most {PARAM_MAX} characters")
    return value


def _agency(request: HttpRequest, source: Any = None) -> Agency:
    slug = _param(request, "jurisdiction_id", source=source)
    if not slug:
        raise Refusal(400, "jurisdiction_id: required (the agency's code, e.g. kec-kedopok)")
    agency = agency_get(slug=slug)
    if agency is None:
        raise Refusal(404, f"jurisdiction_id: no agency {slug!r}")
    return agency


def _when(value: datetime | None, zone: ZoneInfo) -> str | None:
    if value is None:
        return None
    return value.astimezone(zone).isoformat(timespec="seconds")


def _service_json(service: Service) -> dict[str, Any]:
    return {
        "service_code": service.slug,
        "service_name": service.name,
        "description": service.summary or None,
        "metadata": True,
        "type": "realtime",
        "keywords": "pengaduan,saran,masukan",
        "group": service.agency.name,
    }


def _yes_no(code: str, description: str, order: int) -> dict[str, Any]:
    return {
        "variable": True,
        "code": code,
        "datatype": "singlevaluelist",
        "required": False,
        "datatype_description": "ya / tidak",
        "order": order,
        "description": description,
        "values": [{"key": "tidak", "name": "Tidak"}, {"key": "ya", "name": "Ya"}],
    }


def _definition_json(service: Service) -> dict[str, Any]:
    return {
        "service_code": service.slug,
        "attributes": [
            {
                "variable": True,
                "code": "kind",
                "datatype": "singlevaluelist",
                "required": False,
                "datatype_description": "pengaduan (default), saran atau masukan",
                "order": 1,
                "description": "Jenis",
                "values": [{"key": value, "name": str(label)} for value, label in ComplaintKind.choices],
            },
            _yes_no("anonymous", "Anonim: identitas pelapor tidak ditampilkan kepada siapa pun", 2),
            _yes_no("confidential", "Rahasia: hanya dilihat tim pengaduan, tidak pernah tampil publik", 3),
        ],
    }


def _status_notes(complaint: Complaint) -> str:
    case = complaint.case
    if case.status == CaseStatus.OPEN:
        return "Sedang ditangani" if complaint.tier == "" else f"Sedang ditangani (tingkat {complaint.tier})"
    if case.status == CaseStatus.COMPLETED:
        return "Selesai: jawaban telah disampaikan" if complaint.answered_at else "Selesai"
    return str(case.get_status_display())


def _request_json(complaint: Complaint) -> dict[str, Any]:
    case = complaint.case
    zone = ZoneInfo(complaint.agency.timezone)
    location = case.details.get("location") if isinstance(case.details, dict) else None
    location = location if isinstance(location, dict) else {}
    description = complaint.content[:DESCRIPTION_MAX]
    return {
        "service_request_id": case.display_number,
        "status": "open" if case.status == CaseStatus.OPEN else "closed",
        "status_notes": _status_notes(complaint),
        "service_name": case.service.name,
        "service_code": case.service.slug,
        "description": description,
        "agency_responsible": complaint.agency.name,
        "service_notice": None,
        "requested_datetime": _when(complaint.received_at, zone),
        "updated_datetime": _when(case.ended_at or case.step_entered_at, zone),
        "expected_datetime": _when(case.due_at, zone),
        "address": location.get("address") or None,
        "address_id": None,
        "zipcode": None,
        "lat": location.get("lat"),
        "long": location.get("long"),
        "media_url": None,
    }


def _guarded(view):  # type: ignore[no-untyped-def]
    def wrapper(request: HttpRequest, fmt: str, **kwargs: Any) -> HttpResponse:
        if fmt not in render.FORMATS:
            return render.errors("json", 404, ["format: use .json or .xml"])
        try:
            return view(request, fmt, **kwargs)
        except Refusal as refusal:
            return render.errors(fmt, refusal.status, refusal.descriptions)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


@require_http_methods(["GET", "HEAD"])
@_guarded
def services(request: HttpRequest, fmt: str) -> HttpResponse:
    agency = _agency(request)
    return render.respond(fmt, "services", [_service_json(s) for s in complaint_services(agency=agency)])


@require_http_methods(["GET", "HEAD"])
@_guarded
def service_definition(request: HttpRequest, fmt: str, code: str) -> HttpResponse:
    agency = _agency(request)
    service = complaint_service(agency=agency, code=code)
    if service is None:
        raise Refusal(404, f"service_code: no service {code!r} takes complaints in {agency.slug}")
    return render.respond(fmt, "service_definition", _definition_json(service))


def _date(request: HttpRequest, name: str) -> datetime | None:
    value = _param(request, name)
    if not value:
        return None
    parsed = parse_datetime(value.replace(" ", "+"))
    if parsed is None:
        raise Refusal(400, f"{name}: not a W3C date-time such as 2026-11-30T08:00:00Z")
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed, ZoneInfo("UTC"))
    return parsed


def _list_param(request: HttpRequest, name: str) -> list[str]:
    return [part.strip() for part in _param(request, name).split(",") if part.strip()]


def _requests_get(request: HttpRequest, fmt: str) -> HttpResponse:
    agency = _agency(request)
    ids = _list_param(request, "service_request_id")
    if len(ids) > MAX_REQUEST_IDS:
        raise Refusal(400, f"service_request_id: at most {MAX_REQUEST_IDS} at once")
    numbers = []
    for value in ids:
        number = tracking.normalize(value)
        if number is not None:
            numbers.append(number)
    statuses = _list_param(request, "status")
    unknown = [s for s in statuses if s not in ("open", "closed")]
    if unknown:
        raise Refusal(400, f"status: {unknown[0]!r} is not open or closed")
    start, end = _date(request, "start_date"), _date(request, "end_date")
    now = timezone.now()
    if start is None and end is None:
        end, start = now, now - DEFAULT_RANGE
    elif start is None:
        start = end - DEFAULT_RANGE  # type: ignore[operator]
    elif end is None:
        end = min(now, start + DEFAULT_RANGE)
    if end < start:  # type: ignore[operator]
        raise Refusal(400, "end_date: before start_date")
    if end - start > DEFAULT_RANGE:  # type: ignore[operator]
        raise Refusal(400, "start_date/end_date: the range may not span more than 90 days")
    rows = public_requests(
        agency=agency,
        numbers=numbers if ids else (),
        service_codes=_list_param(request, "service_code"),
        start=start,  # type: ignore[arg-type]
        end=end,  # type: ignore[arg-type]
        statuses=statuses,
        limit=REQUESTS_DEFAULT_LIMIT,
    )
    if ids and not numbers:
        rows = []
    return render.respond(fmt, "service_requests", [_request_json(c) for c in rows])


def _float(value: str, name: str, low: float, high: float) -> float | None:
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        raise Refusal(400, f"{name}: not a number") from None
    if not low <= number <= high:
        raise Refusal(400, f"{name}: must be between {low:g} and {high:g}")
    return number


def _requests_post(request: HttpRequest, fmt: str) -> HttpResponse:
    data = request.POST
    client = open311_client_authenticate(key=_param(request, "api_key", source=data))
    if client is None:
        raise Refusal(403, "api_key: missing, unknown or revoked")
    agency = _agency(request, data)
    code = _param(request, "service_code", source=data)
    if not code:
        raise Refusal(400, "service_code: required")
    service = complaint_service(agency=agency, code=code)
    if service is None:
        raise Refusal(404, f"service_code: no service {code!r} takes complaints in {agency.slug}")
    description = (data.get("description") or "").strip()
    if not description:
        raise Refusal(400, "description: required (what the complaint is about)")
    if len(description) > DESCRIPTION_MAX:
        raise Refusal(400, f"description: at most {DESCRIPTION_MAX} characters")
    attributes = {name: _param(request, f"attribute[{name}]", source=data).lower() for name in _ATTRIBUTES}
    kind = attributes["kind"] or ComplaintKind.COMPLAINT
    if kind not in ComplaintKind.values:
        raise Refusal(400, "attribute[kind]: use pengaduan, saran or masukan")
    anonymous = attributes["anonymous"] in _YES
    confidential = attributes["confidential"] in _YES
    lat = _float(_param(request, "lat", source=data), "lat", -90, 90)
    long = _float(_param(request, "long", source=data), "long", -180, 180)
    name = " ".join(
        p
        for p in (_param(request, "first_name", source=data), _param(request, "last_name", source=data))
        if p
    )
    email = _param(request, "email", source=data)
    phone = _param(request, "phone", source=data)
    try:
        complaint = complaint_create(
            agency=agency,
            service=service,
            kind=kind,
            channel=Channel.WEBSITE,
            content=description,
            name="" if anonymous else name,
            email="" if anonymous else email,
            phone="" if anonymous else phone,
            reply_address=email or phone,
            anonymous=anonymous,
            confidential=confidential,
            public=not confidential,
            details={
                "location": {
                    "address": _param(request, "address_string", source=data),
                    "lat": lat,
                    "long": long,
                },
                "via": f"open311:{client.name}",
            },
        )
    except CaseError as error:
        fields = [f"{field}: {reason}" for field, reason in error.fields.items()]
        raise Refusal(error.status, *(fields or [error.message])) from None
    body = [
        {
            "service_request_id": complaint.case.display_number,
            "token": complaint.case.display_number,
            "service_notice": "Simpan nomor ini untuk melacak pengaduan Anda.",
            "account_id": None,
        }
    ]
    return render.respond(fmt, "service_requests", body)


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
@_guarded
def requests(request: HttpRequest, fmt: str) -> HttpResponse:
    if request.method == "POST":
        return _requests_post(request, fmt)
    return _requests_get(request, fmt)


@require_http_methods(["GET", "HEAD"])
@_guarded
def request_detail(request: HttpRequest, fmt: str, request_id: str) -> HttpResponse:
    agency = _agency(request)
    complaint = public_request(agency=agency, request_id=request_id)
    if complaint is None:
        raise Refusal(404, f"service_request_id: no public request {request_id!r}")
    return render.respond(fmt, "service_requests", [_request_json(complaint)])


@require_http_methods(["GET", "HEAD"])
@_guarded
def token(request: HttpRequest, fmt: str, token_id: str) -> HttpResponse:
    """A request is made at once, so its token is its number: the token resolves to itself."""
    agency = _agency(request)
    complaint = public_request(agency=agency, request_id=token_id)
    if complaint is None:
        raise Refusal(404, f"token_id: no request {token_id!r}")
    number = complaint.case.display_number
    return render.respond(fmt, "service_requests", [{"service_request_id": number, "token": token_id}])
