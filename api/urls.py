"""The read API under /api/v1/: OpenAPI at /api/v1/openapi.json, browsable docs at /api/v1/docs.

The docs page is Swagger UI served from our own static files (ninja ships them; with ``ninja`` in
INSTALLED_APPS its template loads them through ``{% static %}``); the online spec validator badge
is switched off so the page makes no request outside this site.
"""

import json
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotFound
from django.urls import URLPattern
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Router, Swagger
from ninja.parser import Parser

from accounts.access import is_private
from api.conditional import PRIVATE_CACHE_CONTROL
from api.errors import NotFound, error_body, install_error_handlers
from api.routers import agencies, cases, services, standards
from documents import api as documents_api

DESCRIPTION = """
API baca Pelayan: instansi, layanan, dan standar pelayanan (PermenPAN-RB 15/2014) beserta
keempat belas komponennya dan laporan kepatuhannya.

* **Halaman**: daftar memakai `?page=1&page_size=20` (paling banyak 100) dan menjawab
  `{count, page, page_size, next, previous, results}`.
* **Galat**: selalu `{"error": {"code", "message", "fields": [{"field", "message"}]}}`;
  `code` tetap (`not_found`, `invalid_request`, `server_error`, …), `message` berbahasa Indonesia.
* **Akses**: semua yang berlaku atau sudah diganti bersifat publik. Draf hanya terlihat oleh
  admin instansinya yang masuk lewat sesi; selain itu dijawab 404.
* **Permohonan**: petugas memakai `Authorization: Bearer <token>` (dari
  `pelayan token create USERNAME`) atau sesi; token yang salah atau dicabut dijawab 401.
  Tindakan membawa `version`; versi lama dijawab 409 `conflict`. Pemohon melacak dengan
  `GET /api/v1/track/{number}` dan header `X-Tracking-PIN`.
* **Waktu**: dinyatakan dalam zona waktu instansi (WIB/WITA/WIT), lengkap dengan offset.
"""


# Paths whose every answer is about someone's application: never kept by any cache.
PRIVATE_PATHS = ("cases", "inbox", "track")


class CaseParser(Parser):
    """Reads a JSON body, or the JSON in the ``payload`` field of a multipart body, so a case can
    be submitted with its files in one request (the files stay in ``request.FILES``)."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        if request.content_type == "multipart/form-data" and "payload" in request.POST:
            return json.loads(request.POST["payload"])
        return super().parse_body(request)


class PelayanAPI(NinjaAPI):
    """NinjaAPI whose own 404/405 answers (API root, wrong method) carry the JSON error body too,
    and whose answers marked private (accounts.access.mark_private) say so to caches."""

    def _get_urls(self):
        patterns = super()._get_urls()
        for pattern in patterns:
            if isinstance(pattern, URLPattern):
                pattern.callback = self._json_errors(pattern.callback)
                if str(pattern.pattern).startswith(PRIVATE_PATHS):
                    pattern.callback = self._private(pattern.callback)
        return patterns

    def _private(self, view):
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            response = view(request, *args, **kwargs)
            response["Cache-Control"] = PRIVATE_CACHE_CONTROL
            return response

        return wrapper

    def _json_errors(self, view):
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            try:
                response = view(request, *args, **kwargs)
            except Http404:  # the API root, which only exists so ninja can reverse its own URLs
                response = HttpResponseNotFound()
            if is_private(request) and response.status_code < 400:
                response["Cache-Control"] = PRIVATE_CACHE_CONTROL
            if response.status_code not in (404, 405) or response.get("Content-Type", "").startswith(
                "application/json"
            ):
                return response
            if response.status_code == 404:
                body = error_body("not_found", _("Alamat API ini tidak ada."))
            else:
                body = error_body("method_not_allowed", _("Metode permintaan tidak didukung."))
            answer = self.create_response(request, body, status=response.status_code)
            if "Allow" in response:
                answer["Allow"] = response["Allow"]
            answer["Cache-Control"] = "no-store"
            return answer

        return wrapper


api = PelayanAPI(
    title="Pelayan API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    docs=Swagger(settings={"validatorUrl": None}),
    parser=CaseParser(),
)
install_error_handlers(api)

api.add_router("", agencies.router)
api.add_router("", services.router)
api.add_router("", standards.router)
api.add_router("", cases.router)
api.add_router("", documents_api.router)

# Last, so it only catches paths no endpoint matched: they get the JSON error body, not an HTML page.
_fallback = Router()


@_fallback.api_operation(["GET", "POST", "PUT", "PATCH", "DELETE"], "/{path:rest}", include_in_schema=False)
def unknown_path(request: HttpRequest, rest: str):
    raise NotFound(_("Alamat API ini tidak ada."))


api.add_router("", _fallback)
