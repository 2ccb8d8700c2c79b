"""`pelayan inbound-poll`: read the configured mailbox once (PELAYAN_INBOUND_EMAIL: the local
Maildir, or IMAP). Each new message is stored once and handed to the complaint intake; the
worker does the same every PELAYAN_INBOUND_POLL_SECONDS."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from notifications.services import inbound_email_poll


class Command(BaseCommand):
    help = "Read the inbound mailbox once: new e-mails become complaints or replies to one."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--limit", type=int, default=None, help="At most this many messages.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.PELAYAN_INBOUND_EMAIL:
            self.stdout.write("E-mail intake is off (PELAYAN_INBOUND_EMAIL is empty).")
            return
        limit = options["limit"]
        if limit is not None and not 1 <= limit <= 10_000:
            self.stderr.write("--limit must be between 1 and 10000.")
            raise SystemExit(2)
        result = inbound_email_poll(limit=limit)
        for reference in result.references:
            self.stdout.write(f"+ {reference}")
        self.stdout.write(
            f"{result.read} read, {result.stored} stored, {result.repeated} already stored, "
            f"{result.failed} failed ({settings.PELAYAN_INBOUND_EMAIL})."
        )
