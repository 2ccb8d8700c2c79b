"""Where the public pages spend their time, measured in process (no server, no network).

    .venv/bin/python bench/profile_public_pages.py [-n 50] [--top 25] [--database PATH] [--page NAME]

Migrates a temporary SQLite file and loads the demo (``load_demo``, no users) — or, with
``--database``, uses an existing SQLite file (e.g. one kept by ``bench_public_scale.py --keep``) —
then requests each public page ``-n`` times through Django's test Client after one warm-up request,
printing the median milliseconds per request, the queries per request, and the functions with the largest
cumulative time under cProfile.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PAGES = {
    "bare": "/bench/bare/",
    "home": "/",
    "search": "/?q=ijin",
    "agency": "/kec-kedopok/",
    "service": "/kec-kedopok/surat-pengantar-izin-keramaian/",
    "api": "/api/v1/services",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=50, help="requests per page")
    parser.add_argument("--top", type=int, default=20, help="functions to list per page (0: none)")
    parser.add_argument("--database", help="an existing SQLite file to read instead of the demo")
    parser.add_argument("--page", action="append", choices=sorted(PAGES), help="only these pages")
    args = parser.parse_args()

    temp = None
    if args.database:
        path = Path(args.database)
    else:
        temp = tempfile.TemporaryDirectory(prefix="pelayan-profile-")
        path = Path(temp.name) / "demo.sqlite3"
    os.environ.update(
        DATABASE_URL="",
        PELAYAN_SQLITE_PATH=str(path),
        PELAYAN_ENV=os.environ.get("PELAYAN_ENV", "development"),
        DJANGO_SETTINGS_MODULE="public_scale_settings",
    )
    sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client

    if not args.database:
        from standards.demo import load_demo

        call_command("migrate", verbosity=0, interactive=False)
        load_demo(with_users=False)
    settings.ALLOWED_HOSTS = ["*"]

    client = Client()
    results = []
    for name in args.page or list(PAGES):
        url = PAGES[name]
        response = client.get(url)
        if response.status_code != 200:
            print(f"{name}: {url} answered {response.status_code}", file=sys.stderr)
            return 1
        connection.force_debug_cursor = True
        reset_queries()
        client.get(url)
        queries = len(connection.queries)
        connection.force_debug_cursor = False
        times = []
        for _ in range(args.n):
            began = time.perf_counter()
            client.get(url)
            times.append(time.perf_counter() - began)
        # The median: a busy machine's pauses land in a few requests and do not move it.
        ms = statistics.median(times) * 1000
        results.append((name, url, ms, queries))
        if args.top:
            profile = cProfile.Profile()
            profile.enable()
            for _ in range(args.n):
                client.get(url)
            profile.disable()
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(args.top)
            print(f"\n===== {name} {url}: {ms:.2f} ms per request, {queries} queries =====")
            print(out.getvalue())
    print(f"\n{'page':<8} {'ms/request':>11} {'queries':>8}  url")
    for name, url, ms, queries in results:
        print(f"{name:<8} {ms:>11.2f} {queries:>8}  {url}")
    if temp is not None:
        temp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
