"""A busy database is a temporary state, not a fault: the visitor is told to retry (503 with
Retry-After), in Indonesian on pages and in the API's error body, never with a 500.

SQLite allows one writer at a time; a writer waits up to the busy timeout
(``PELAYAN_SQLITE_BUSY_TIMEOUT_MS``) for the lock and then fails with "database is locked". The
wait is the retry; what is left after it is answered here.
"""

from __future__ import annotations

import sys

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseServerError, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token

# Seconds a client is asked to wait before trying again.
RETRY_AFTER_SECONDS = 5

_BUSY_MESSAGES = ("database is locked", "database table is locked")


def is_database_busy(exc: BaseException | None) -> bool:
    return isinstance(exc, OperationalError) and any(m in str(exc) for m in _BUSY_MESSAGES)


def busy_message() -> str:
    return _("Sistem sedang sibuk melayani permintaan lain. Silakan coba lagi dalam beberapa detik.")


def busy_page(request: HttpRequest) -> HttpResponse:
    if request.path.startswith("/api/"):
        from api.errors import error_body

        response: HttpResponse = JsonResponse(error_body("service_unavailable", busy_message()), status=503)
        response["Cache-Control"] = "no-store"
    else:
        body = loader.get_template("503.html").render({"message": busy_message()}, request)
        response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: Django calls it while handling the uncaught exception, so the exception is the
    one being handled (from a view or from any middleware, the session save included)."""
    if is_database_busy(sys.exc_info()[1]):
        return busy_page(request)
    return HttpResponseServerError(loader.get_template("500.html").render({}, request))
