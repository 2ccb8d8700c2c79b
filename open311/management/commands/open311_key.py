"""`pelayan open311-key create NAME`: a key for an Open311 client (printed once, as the last word).

`pelayan open311-key list` shows clients by prefix; `pelayan open311-key revoke NAME` stops one.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from open311.models import Open311Client
from open311.services import ClientNameError, open311_client_create, open311_client_revoke


class Command(BaseCommand):
    help = "Make, list or revoke the API keys of Open311 clients."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="Make a client and its key; the key is printed once.")
        create.add_argument("name")
        actions.add_parser("list", help="List the clients.")
        revoke = actions.add_parser("revoke", help="Revoke the key of the client with this name.")
        revoke.add_argument("name")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "create":
            try:
                row, key = open311_client_create(name=options["name"])
            except ClientNameError as exc:
                raise CommandError(str(exc), returncode=1) from exc
            self.stdout.write(f"Open311 API key for {row.name}, shown only this once: {key}")
        elif action == "list":
            for row in Open311Client.objects.order_by("name"):
                state = f"revoked {row.revoked_at:%Y-%m-%d %H:%M}" if row.revoked_at else "active"
                used = f"{row.last_used_at:%Y-%m-%d %H:%M}" if row.last_used_at else "never"
                self.stdout.write(f"{row.prefix}  {row.name:<40} last used {used}  {state}")
        else:
            row = Open311Client.objects.filter(name=options["name"]).first()
            if row is None:
                raise CommandError(f"No Open311 client named {options['name']!r}.", returncode=1)
            open311_client_revoke(client=row)
            self.stdout.write(f"Revoked the key of {row.name}.")
