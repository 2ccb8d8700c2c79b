"""`pelayan signing init-demo-ca | issue USERNAME | ca-cert | init-demo`."""

from __future__ import annotations

import getpass
import sys

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Demo certificate authority and signing identities (docs/documents.md)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        ca = sub.add_parser("init-demo-ca", help="create the demo CA under PELAYAN_SIGNING_DIR")
        ca.add_argument("--force", action="store_true", help="replace an existing demo CA")
        issue = sub.add_parser("issue", help="issue a PKCS#12 identity to a user from the demo CA")
        issue.add_argument("username")
        issue.add_argument("--title", default="")
        issue.add_argument("--nip", default="")
        issue.add_argument("--no-passphrase", action="store_true", help="unencrypted (local demo only)")
        issue.add_argument("--passphrase-stdin", action="store_true", help="read the passphrase from stdin")
        sub.add_parser("ca-cert", help="print the demo CA certificate as PEM")
        sub.add_parser("init-demo", help="demo CA plus passphrase-free identities for the demo signers")

    def handle(self, *args, action, **options):
        from documents import ca, services

        if action == "init-demo-ca":
            path = ca.init_demo_ca(force=options["force"])
            self.stdout.write(f"demo CA: {path}")
        elif action == "ca-cert":
            try:
                self.stdout.write(ca.ca_cert_pem(), ending="")
            except FileNotFoundError as exc:
                raise CommandError(str(exc)) from None
        elif action == "issue":
            user = get_user_model().objects.filter(username=options["username"]).first()
            if user is None:
                raise CommandError(f"no user {options['username']}")
            passphrase = None
            if options["passphrase_stdin"]:
                passphrase = sys.stdin.readline().rstrip("\n")
            elif not options["no_passphrase"]:
                if not sys.stdin.isatty():
                    raise CommandError(
                        "no terminal to ask for the passphrase: pipe it with --passphrase-stdin, "
                        "or use --no-passphrase (local demo only)"
                    )
                passphrase = getpass.getpass("passphrase: ")
                if passphrase != getpass.getpass("again: "):
                    raise CommandError("the passphrases differ")
            if passphrase is not None and len(passphrase) < 8:
                raise CommandError("a passphrase has at least 8 characters")
            identity = services.signing_identity_issue(
                user=user, passphrase=passphrase, title=options["title"], nip=options["nip"]
            )
            self.stdout.write(f"issued {identity.name} ({identity.title}), {identity.locator}")
        elif action == "init-demo":
            made = services.demo_signers_ensure()
            for identity in made:
                self.stdout.write(f"issued {identity.user.get_username()}: {identity.title} (no passphrase)")
            self.stdout.write(f"demo signers ready ({len(made)} new)")
