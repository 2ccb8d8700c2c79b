"""pelayan due --start ISO8601 --duration "TEXT" [--tz ZONE] [--agency SLUG] [--service SLUG]

Prints the due moment as ISO 8601 with its UTC offset, e.g. 2026-03-16T09:00:00+07:00.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.management.base import BaseCommand, CommandError, CommandParser

from calendars.selectors import agency_by_slug, calendar_for, default_calendar
from pelayan.lib.durations import DurationError, parse_duration
from pelayan.lib.workcal import DEFAULT_ZONE, CalendarError
from standards.models import Service


class Command(BaseCommand):
    help = (
        "Hitung jatuh tempo sebuah waktu penyelesaian dalam waktu kerja instansi. "
        "Compute when a time limit falls due in an agency's working time."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--start", required=True, help="moment of receipt, ISO 8601 with an offset")
        parser.add_argument("--duration", required=True, help='time limit as written, e.g. "5 hari kerja"')
        parser.add_argument(
            "--tz",
            default=None,
            help=f"time zone of the default calendar and of a --start without offset (default {DEFAULT_ZONE})",
        )
        parser.add_argument("--agency", default=None, help="agency slug: use that agency's calendar")
        parser.add_argument("--service", default=None, help="service slug within --agency: its own hours")

    def handle(self, *args: Any, **options: Any) -> None:
        zone_name = options["tz"]
        try:
            zone = ZoneInfo(zone_name or DEFAULT_ZONE)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise CommandError(f"zona waktu tidak dikenal / unknown time zone: {zone_name!r}") from exc

        try:
            start = datetime.fromisoformat(options["start"].strip())
        except ValueError as exc:
            raise CommandError(
                f"--start bukan waktu ISO 8601 / not an ISO 8601 moment: {options['start']!r}"
            ) from exc
        if start.tzinfo is None:
            if zone_name is None:
                raise CommandError(
                    f"--start {options['start']!r} tidak memiliki zona waktu / has no time zone: "
                    "add an offset (e.g. +07:00) or pass --tz"
                )
            start = start.replace(tzinfo=zone)

        try:
            duration = parse_duration(options["duration"])
        except DurationError as exc:
            raise CommandError(
                f"waktu penyelesaian tidak dapat dibaca / cannot read the time limit: {exc}"
            ) from exc

        if options["agency"]:
            agency = agency_by_slug(options["agency"])
            if agency is None:
                raise CommandError(f"instansi tidak ditemukan / no agency with slug {options['agency']!r}")
            service = None
            if options["service"]:
                service = Service.objects.filter(agency=agency, slug=options["service"]).first()
                if service is None:
                    raise CommandError(
                        f"layanan tidak ditemukan / no service {options['service']!r} in this agency"
                    )
            calendar = calendar_for(agency=agency, service=service)
        elif options["service"]:
            raise CommandError("--service membutuhkan --agency / --service needs --agency")
        else:
            calendar = default_calendar(str(zone))

        try:
            due = calendar.add(start, duration)
        except CalendarError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(due.isoformat())
