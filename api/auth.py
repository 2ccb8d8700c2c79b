"""Who calls the API: a staff member with a token (``Authorization: Bearer …``) or a session, or
nobody (the public endpoints and an online application).

A token that is sent must be good: an unknown or revoked one is refused with 401 rather than
treated as no token, so a client with a revoked key learns it at once instead of silently acting
as the public.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer, SessionAuth

from accounts.services import api_token_authenticate


class BearerToken(HttpBearer):
    """``Authorization: Bearer <token>`` made with ``pelayan token create USERNAME``."""

    openapi_description = "Token staf dari `pelayan token create USERNAME`."

    def __call__(self, request: HttpRequest) -> Any | None:
        header = request.headers.get(self.header, "")
        if header and header.split(" ", 1)[0].lower() != self.openapi_scheme:
            raise AuthenticationError()
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, token: str) -> Any | None:
        user = api_token_authenticate(token=token.strip())
        if user is None:
            raise AuthenticationError()
        # The rest of the site (and the read endpoints) ask request.user who is calling.
        request.user = user
        return user


class Session(SessionAuth):
    """The Django session of the workspace or admin login; writes need the CSRF token too."""

    def __call__(self, request: HttpRequest) -> Any | None:
        # Only when no token was sent: a request with a token is judged by the token alone.
        if request.headers.get("Authorization"):
            return None
        # No login, no CSRF check: the public may still be let in by PublicCaller.
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        return super().__call__(request)


class PublicCaller:
    """Lets an endpoint run for a caller with neither token nor session (as ``AnonymousUser``)."""

    def __call__(self, request: HttpRequest) -> Any | None:
        if request.headers.get("Authorization"):
            return None
        return AnonymousUser()


STAFF = [BearerToken(), Session()]
STAFF_OR_PUBLIC = [BearerToken(), Session(), PublicCaller()]
# Added to the token and session schemes in the OpenAPI document: the endpoint is open to everyone too.
OPTIONAL_SECURITY = {"security": [{}]}


def caller(request: HttpRequest) -> Any:
    """The authenticated user, or ``AnonymousUser`` for the public."""
    user = getattr(request, "auth", None)
    return user if user is not None and getattr(user, "is_authenticated", False) else AnonymousUser()
