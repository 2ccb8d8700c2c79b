"""`pelayan token create USERNAME [--name NAME]`: make an API token for a staff member.

The token is printed once, as the last word of the output, and cannot be shown again: only its
SHA-256 is stored. `pelayan token list [USERNAME]` shows prefixes; `pelayan token revoke PREFIX`
stops one.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.models import ApiToken
from accounts.services import api_token_create, api_token_revoke


class Command(BaseCommand):
    help = "Make, list or revoke API tokens for staff members."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="Make a token; it is printed once.")
        create.add_argument("username")
        create.add_argument("--name", default="", help="What the token is for, e.g. 'integrasi SIAK'.")
        listing = actions.add_parser("list", help="List tokens by prefix.")
        listing.add_argument("username", nargs="?")
        revoke = actions.add_parser("revoke", help="Revoke the token with this prefix.")
        revoke.add_argument("prefix")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "create":
            self._create(options["username"], options["name"])
        elif action == "list":
            self._list(options.get("username"))
        else:
            self._revoke(options["prefix"])

    def _create(self, username: str, name: str) -> None:
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.", returncode=1)
        if not user.is_active:
            raise CommandError(f"User {username!r} is not active.", returncode=1)
        row, token = api_token_create(user=user, name=name)
        label = f" ({row.name})" if row.name else ""
        self.stdout.write(f"API token for {user.get_username()}{label}, shown only this once: {token}")

    def _list(self, username: str | None) -> None:
        rows = ApiToken.objects.select_related("user").order_by("user__username", "-created_at")
        if username:
            rows = rows.filter(user__username=username)
        for row in rows:
            state = f"revoked {row.revoked_at:%Y-%m-%d %H:%M}" if row.revoked_at else "active"
            used = f"{row.last_used_at:%Y-%m-%d %H:%M}" if row.last_used_at else "never"
            self.stdout.write(
                f"{row.prefix}  {row.user.get_username():<40} {row.name or '-':<24} last used {used}  {state}"
            )

    def _revoke(self, prefix: str) -> None:
        rows = list(ApiToken.objects.filter(prefix=prefix, revoked_at__isnull=True)[:2])
        if not rows:
            raise CommandError(f"No active token with prefix {prefix!r}.", returncode=1)
        if len(rows) > 1:
            raise CommandError(
                f"Several active tokens start with {prefix!r}; revoke in the admin.", returncode=1
            )
        api_token_revoke(token=rows[0])
        self.stdout.write(f"Revoked {prefix}.")
