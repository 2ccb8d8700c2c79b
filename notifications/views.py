"""Webhooks of the inbound channels: no login, no CSRF token (the providers cannot send one), each
proven by its own secret instead — the WhatsApp app secret's HMAC of the raw body, the SMS
gateway's shared token. Every answer is JSON; a refusal names what is wrong."""

from __future__ import annotations

import json
import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from notifications.inbound import InboundParseError, StatusReport
from notifications.inbound import sms as sms_inbound
from notifications.inbound import whatsapp as wa_inbound
from notifications.services import InboundError, inbound_webhook_receive

logger = logging.getLogger("pelayan.inbound")


def _error(status: int, code: str, message: str, field: str = "") -> JsonResponse:
    body: dict[str, Any] = {"error": {"code": code, "message": message}}
    if field:
        body["error"]["field"] = field
    return JsonResponse(body, status=status)


def _body(request: HttpRequest) -> bytes | JsonResponse:
    limit = settings.PELAYAN_INBOUND_WEBHOOK_MAX_BYTES
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > limit:
        return _error(413, "too_large", f"The body is larger than {limit} bytes.")
    try:
        # Cached on the request, so a form body can still be read as request.POST afterwards.
        raw = request.body
    except RequestDataTooBig:
        return _error(413, "too_large", f"The body is larger than {limit} bytes.")
    if len(raw) > limit:
        return _error(413, "too_large", f"The body is larger than {limit} bytes.")
    return raw


def _received(results: list[Any], matched: int) -> JsonResponse:
    return JsonResponse(
        {
            "received": len(results),
            "stored": sum(1 for r in results if r.created),
            "references": [r.record.reference for r in results if r.record.reference],
            "statuses_matched": matched,
        }
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def whatsapp_webhook(request: HttpRequest) -> HttpResponse:
    """GET: Meta's subscription check (echo ``hub.challenge`` when ``hub.verify_token`` is ours).
    POST: messages and delivery statuses, signed with ``X-Hub-Signature-256``."""
    if request.method == "GET":
        answer = wa_inbound.challenge_answer(
            mode=request.GET.get("hub.mode", ""),
            token=request.GET.get("hub.verify_token", ""),
            challenge=request.GET.get("hub.challenge", ""),
            verify_token=settings.PELAYAN_WHATSAPP_VERIFY_TOKEN,
        )
        if answer is None:
            return _error(403, "verification_failed", "hub.mode or hub.verify_token is wrong.")
        return HttpResponse(answer, content_type="text/plain")
    raw = _body(request)
    if isinstance(raw, JsonResponse):
        return raw
    secret = settings.PELAYAN_WHATSAPP_APP_SECRET
    header = request.headers.get("X-Hub-Signature-256", "")
    if not secret:
        return _error(403, "not_configured", "PELAYAN_WHATSAPP_APP_SECRET is not set: nothing is accepted.")
    if not header:
        return _error(403, "signature_missing", "The X-Hub-Signature-256 header is missing.")
    if not wa_inbound.signature_valid(body=raw, header=header, secret=secret):
        return _error(403, "signature_invalid", "X-Hub-Signature-256 does not match the body.")
    try:
        data = json.loads(raw)
        messages, statuses = wa_inbound.parse_payload(data, now=timezone.now())
    except ValueError as exc:  # JSON errors and InboundParseError are both ValueErrors
        return _error(400, "bad_payload", str(exc), getattr(exc, "field", "body"))
    try:
        results, matched = inbound_webhook_receive(messages=messages, statuses=statuses)
    except InboundError as exc:
        return _error(400, "bad_payload", str(exc), exc.field)
    return _received(results, matched)


@csrf_exempt
@require_http_methods(["POST"])
def sms_webhook(request: HttpRequest) -> HttpResponse:
    """A message (``from``, ``to``, ``text``, ``id``, ``timestamp``) or a delivery report
    (``id``, ``status``), as a form or JSON, with the shared secret in ``X-Pelayan-Token``."""
    raw = _body(request)
    if isinstance(raw, JsonResponse):
        return raw
    secret = settings.PELAYAN_SMS_WEBHOOK_SECRET
    if not secret:
        return _error(403, "not_configured", "PELAYAN_SMS_WEBHOOK_SECRET is not set: nothing is accepted.")
    if not sms_inbound.token_valid(given=request.headers.get(sms_inbound.TOKEN_HEADER, ""), secret=secret):
        return _error(403, "token_invalid", f"The {sms_inbound.TOKEN_HEADER} header is missing or wrong.")
    try:
        if request.content_type == "application/json":
            data = json.loads(raw)
            if not isinstance(data, dict):
                raise InboundParseError("the body is not a JSON object", field="body")
        else:
            data = {
                key: request.POST.get(key, "")
                for key in ("from", "to", "text", "id", "timestamp", "status", "error")
            }
        parsed = sms_inbound.parse_sms(data, now=timezone.now())
    except ValueError as exc:
        return _error(400, "bad_payload", str(exc), getattr(exc, "field", "body"))
    if isinstance(parsed, StatusReport):
        results, matched = inbound_webhook_receive(messages=[], statuses=[parsed])
    else:
        results, matched = inbound_webhook_receive(messages=[(parsed, ())], statuses=[])
    return _received(results, matched)
