"""`pelayan unlock-login --username NAME | --ip ADDRESS`: lift a login lockout (audited)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.login_protection import login_unlock


class Command(BaseCommand):
    help = "Lift the login lockout of an account and/or an address; recorded in the audit trail."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", help="Account whose failed attempts are forgotten.")
        parser.add_argument("--ip", help="Address whose failed attempts are forgotten.")

    def handle(self, *args: Any, **options: Any) -> None:
        username, ip_address = options["username"], options["ip"]
        if not username and not ip_address:
            raise CommandError("Give --username, --ip or both.")
        removed = login_unlock(actor=None, username=username, ip_address=ip_address)
        self.stdout.write(f"Unlocked: {removed} failed-attempt record(s) removed.")
