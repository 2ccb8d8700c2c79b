"""Login protection (django-axes): the client address it counts by, the audit of lockouts, and the
one way to lift a lockout.

Axes works at the authentication backend and middleware, so every login form that goes through
``django.contrib.auth.authenticate()`` with the request is covered: the admin login today, the staff
workspace login (Django's ``LoginView``) when it lands. A locked-out attempt is refused before any
password is hashed, so attempts against a locked account cost no hashing time.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from axes.models import AccessAttempt
from axes.signals import user_locked_out
from axes.utils import reset
from django.conf import settings
from django.db import transaction
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from audit import events
from audit.models import AuditAction, AuditEvent
from audit.services import Actor


def client_ip(request: HttpRequest) -> str | None:
    """The visitor's address. Behind a proxy (``PELAYAN_CLIENT_IP_HEADER``, e.g. X-Forwarded-For)
    the right-most entry is the one our proxy added; entries to its left are whatever the client
    sent and could be forged to dodge the address lockout."""
    header = settings.PELAYAN_CLIENT_IP_HEADER
    if header:
        value = request.META.get(header, "")
        if value:
            return value.split(",")[-1].strip() or None
    return request.META.get("REMOTE_ADDR")


def lockout_response(
    request: HttpRequest, original_response: Any = None, credentials: Any = None
) -> HttpResponse:
    """The Indonesian page shown instead of the login form while a lockout lasts (429)."""
    cooloff = settings.AXES_COOLOFF_TIME
    minutes = int(cooloff.total_seconds() // 60) if cooloff else None
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "cooloff_minutes": minutes}
    response = render(request, "accounts/locked_out.html", context, status=429)
    if cooloff:
        response["Retry-After"] = str(int(cooloff.total_seconds()))
    return response


@receiver(user_locked_out, dispatch_uid="pelayan.audit_lockout")
def audit_lockout(
    sender: Any, request: HttpRequest, username: str | None, ip_address: str | None, **kwargs: Any
) -> None:
    """Record the lockout once: axes signals again for every attempt refused while it lasts."""
    username = username or ""
    since = timezone.now() - (settings.AXES_COOLOFF_TIME or timedelta(days=3650))
    recorded = AuditEvent.objects.filter(
        action=AuditAction.LOGIN_LOCKED_OUT,
        at__gte=since,
        data__username=username,
        data__ip_address=ip_address,
    )
    last_lock = recorded.order_by("-at").values_list("at", flat=True).first()
    if last_lock is not None:
        unlocked = AuditEvent.objects.filter(action=AuditAction.LOGIN_UNLOCKED, at__gte=last_lock)
        if not unlocked.exists():
            return
    events.login_locked_out(username=username, ip_address=ip_address)


@transaction.atomic
def login_unlock(*, actor: Actor, username: str | None = None, ip_address: str | None = None) -> int:
    """Lift the lockout of an account and/or an address (every failed attempt recorded for it is
    forgotten); returns how many attempt records were removed. Audited as ``login.unlocked``."""
    if not username and not ip_address:
        raise ValueError("name an account or an address to unlock")
    # With both, either one's records go: the account may be locked from many addresses and the
    # address for many accounts.
    attempts = reset(
        ip=ip_address or None, username=username or None, ip_or_username=bool(username and ip_address)
    )
    events.login_unlocked(actor=actor, username=username, ip_address=ip_address, attempts=attempts)
    return attempts


@transaction.atomic
def login_unlock_attempts(*, actor: Actor, attempts: list[AccessAttempt]) -> int:
    """Lift the lockouts behind the given attempt records (the admin's "unlock" action)."""
    removed = 0
    for attempt in attempts:
        removed += login_unlock(actor=actor, username=attempt.username, ip_address=attempt.ip_address)
    return removed
