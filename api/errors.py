"""One error body for every failure of the API, with a stable machine code and an Indonesian message.

    {"error": {"code": "not_found", "message": "…", "fields": [{"field": "page", "message": "…"}]}}

Clients branch on ``code``; ``message`` is for people and follows the request's language.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Schema
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import Field

from cases.services import CaseError
from config.busy import RETRY_AFTER_SECONDS, busy_message, is_database_busy

if TYPE_CHECKING:
    from ninja import NinjaAPI

logger = logging.getLogger("pelayan.api")


class FieldErrorOut(Schema):
    field: str = Field(description="Nama parameter atau kolom yang bermasalah, mis. `page`.")
    message: str


class ErrorDetailOut(Schema):
    code: str = Field(
        description=(
            "Kode mesin yang tetap: `not_found`, `invalid_request`, `not_authenticated`, "
            "`permission_denied`, `conflict`, `method_not_allowed`, `throttled`, `server_error`, "
            "`service_unavailable` (basis data sibuk; coba lagi setelah `Retry-After` detik)."
        ),
        examples=["not_found"],
    )
    message: str = Field(description="Penjelasan untuk manusia, dalam bahasa permintaan (bawaan: Indonesia).")
    fields: list[FieldErrorOut] = Field(default_factory=list)


class ErrorOut(Schema):
    error: ErrorDetailOut


class ApiError(Exception):
    """A refusal raised by an endpoint; rendered as the error body with ``status``."""

    def __init__(self, status: int, code: str, message: str, fields: list[dict[str, str]] | None = None):
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields or []
        super().__init__(message)


class NotFound(ApiError):
    def __init__(self, message: str | None = None):
        super().__init__(404, "not_found", message or _("Data yang diminta tidak ditemukan."))


_HTTP_CODES: dict[int, str] = {
    400: "invalid_request",
    401: "not_authenticated",
    403: "permission_denied",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    429: "throttled",
}

# The case engine's refusals, by class: its codes (``invalid``, ``forbidden``, ``conflict``) are
# said the API's way.
_CASE_ERROR_CODES: dict[int, str] = {
    400: "invalid_request",
    403: "permission_denied",
    409: "conflict",
    429: "throttled",
}
# A reason the engine gives per field is either a sentence for people or a short code such as
# ``stale``; a code is replaced by the error's own message.
_REASON_CODE = re.compile(r"^[a-z_]+$")


def error_responses(*statuses: int) -> dict[int, type[ErrorOut]]:
    """``response=`` entries documenting the error body for the given statuses."""
    return dict.fromkeys(statuses, ErrorOut)


def error_body(code: str, message: str, fields: list[dict[str, str]] | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "fields": fields or []}}


def _field_message(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return _("Harus berupa bilangan bulat.")
    if kind in {"greater_than_equal", "greater_than"}:
        bound = ctx.get("ge", ctx.get("gt"))
        return _("Nilai paling kecil %(bound)s.") % {"bound": bound}
    if kind in {"less_than_equal", "less_than"}:
        bound = ctx.get("le", ctx.get("lt"))
        return _("Nilai paling besar %(bound)s.") % {"bound": bound}
    if kind == "missing":
        return _("Wajib diisi.")
    if kind in {"string_too_long"}:
        return _("Terlalu panjang (paling banyak %(max)s karakter).") % {"max": ctx.get("max_length")}
    if kind in {"bool_parsing", "bool_type"}:
        return _("Harus berupa nilai benar/salah (true/false).")
    return _("Nilai tidak sah.")


def _field_name(loc: Any) -> str:
    parts = [str(p) for p in (loc or [])]
    # ninja prefixes the source ("query", "path", "body"); the pagination schema may add its own name.
    source = parts[0] if parts else ""
    while parts and parts[0] in {"query", "path", "body", "header", "cookie", "ninja_pagination"}:
        parts.pop(0)
    # A JSON body is one parameter (``payload``) of the endpoint; the client wrote only its fields.
    if source == "body" and len(parts) > 1 and parts[0] == "payload":
        parts.pop(0)
    return ".".join(parts) or "request"


def _respond(api: NinjaAPI, request: HttpRequest, status: int, body: dict[str, Any]) -> HttpResponse:
    response = api.create_response(request, body, status=status)
    # An error says nothing a shared cache should keep.
    response["Cache-Control"] = "no-store"
    return response


def install_error_handlers(api: NinjaAPI) -> None:
    """Replace ninja's default handlers so every failure has the same body."""

    def on_api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
        return _respond(api, request, exc.status, error_body(exc.code, exc.message, exc.fields))

    def on_case_error(request: HttpRequest, exc: CaseError) -> HttpResponse:
        fields = [
            {"field": name, "message": exc.message if _REASON_CODE.match(reason) else reason}
            for name, reason in exc.fields.items()
        ]
        code = _CASE_ERROR_CODES.get(exc.status, "invalid_request")
        return _respond(api, request, exc.status, error_body(code, exc.message, fields))

    def on_validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        fields = [{"field": _field_name(e.get("loc")), "message": _field_message(e)} for e in exc.errors]
        body = error_body("invalid_request", _("Parameter permintaan tidak sah."), fields)
        return _respond(api, request, 400, body)

    def on_http404(request: HttpRequest, exc: Http404) -> HttpResponse:
        return _respond(api, request, 404, error_body("not_found", _("Data yang diminta tidak ditemukan.")))

    def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        code = _HTTP_CODES.get(exc.status_code, "server_error" if exc.status_code >= 500 else "error")
        messages = {
            400: _("Permintaan tidak sah."),
            401: _("Silakan masuk terlebih dahulu."),
            403: _("Anda tidak berwenang mengakses data ini."),
            404: _("Data yang diminta tidak ditemukan."),
            405: _("Metode permintaan tidak didukung."),
            429: _("Terlalu banyak permintaan. Silakan coba lagi nanti."),
        }
        message = messages.get(exc.status_code) or _("Permintaan tidak dapat diproses.")
        return _respond(api, request, exc.status_code, error_body(code, message))

    def on_unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
        if is_database_busy(exc):
            logger.warning("Database busy in API request %s %s", request.method, request.path)
            response = _respond(api, request, 503, error_body("service_unavailable", busy_message()))
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return response
        logger.exception("Unhandled error in API request %s %s", request.method, request.path)
        body = error_body("server_error", _("Terjadi kesalahan pada server. Silakan coba lagi nanti."))
        return _respond(api, request, 500, body)

    api.add_exception_handler(ApiError, on_api_error)
    api.add_exception_handler(CaseError, on_case_error)
    api.add_exception_handler(NinjaValidationError, on_validation_error)
    api.add_exception_handler(Http404, on_http404)
    api.add_exception_handler(HttpError, on_http_error)
    api.add_exception_handler(Exception, on_unexpected)
