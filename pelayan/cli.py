"""The `pelayan` console command: Django's management commands under the project's settings.

`pelayan seed-demo` and `pelayan import-standard` are spelled with hyphens on the command line;
Django's command modules cannot be, so hyphens are mapped to underscores.

In production without PELAYAN_SECRET_KEY only the commands that need no key run
(config.secret_key); any other stops with a one-line message instead of a traceback.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    from config.secret_key import secret_key_require

    command = argv[1] if len(argv) > 1 and not argv[1].startswith("-") else "help"
    try:
        secret_key_require(command)
    except ImproperlyConfigured as exc:  # a missing key, or a malformed variable: say which
        sys.stderr.write(f"pelayan: {exc}\n")
        sys.exit(1)
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
