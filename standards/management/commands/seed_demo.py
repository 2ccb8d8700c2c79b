"""`pelayan seed-demo`: load the demo agencies, their published standards and demo logins."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from standards.demo import DEMO_PASSWORD, DemoDataError, DemoLogin, DemoResult, load_demo


def _local_run() -> bool:
    """Demo logins share a published password, so they are only made where the site is local."""
    return settings.DEBUG or settings.PELAYAN_ENV != "production"


class Command(BaseCommand):
    help = (
        "Load the four demo agencies with their services and published standards, plus one demo "
        "login per staff role (local use only). Running it again changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-users", action="store_true", help="Do not create the demo logins.")

    def handle(self, *args: Any, **options: Any) -> None:
        with_users = not options["no_users"]
        if with_users and not _local_run():
            self.stderr.write(
                self.style.WARNING(
                    "Demo logins skipped: they share a published password and are made only for local runs "
                    "(PELAYAN_DEBUG=1 or PELAYAN_ENV=development)."
                )
            )
            with_users = False
        try:
            result = load_demo(with_users=with_users)
        except DemoDataError as exc:
            raise CommandError(f"Demo data is not loadable: {exc}") from exc
        if options["verbosity"] == 0:
            return
        self.stdout.write(self._summary(result))
        if result.logins:
            self.stdout.write(self._table(result.logins))

    def _summary(self, result: DemoResult) -> str:
        if not result.changed:
            return "Demo data already loaded; nothing to do."
        return self.style.SUCCESS(
            f"Demo data loaded: {len(result.agencies)} agencies, {result.units} units, {result.roles} roles, "
            f"{result.services} services, {result.standards} published standards, {result.users} users."
        )

    def _table(self, logins: list[DemoLogin]) -> str:
        header = ("agency", "role", "username", "password")
        rows = [(login.agency_slug, login.role_name, login.username, DEMO_PASSWORD) for login in logins]
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

        def line(cells: tuple[str, ...]) -> str:
            return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()

        title = self.style.WARNING("Demo logins — for local use only; never on a server others can reach:")
        rule = "  ".join("-" * width for width in widths)
        return "\n".join([title, line(header), rule, *(line(row) for row in rows)])
