"""Cases created and actions taken per second through the case services, against the raw
single-row INSERT rate of the same database through the same connection.

Each case is one ``cases.services.case_create`` (the Kedopok surat pengantar izin keramaian,
opened by the kelurahan operator: the case row, its timeline, the SLA clock with its interval,
the audit events, one transaction); each action one ``case_act`` along that standard's procedure
(the row lock, the version check, the clock, the timeline, the audit event, one transaction). The
reference is the same database committing one small row per transaction, so the ratios say what
share of the database's own single-row write speed the engine keeps.

    .venv/bin/python bench/bench_cases.py [--cases 300] [--reference 2000] [--runs 3] [--pgbench]

The database is SQLite (a temporary file in WAL mode, like the embedded default) unless
DATABASE_URL names a server; there a test database ``test_<name>`` is created and dropped.
``--pgbench`` (PostgreSQL only) also runs ``pgbench`` with the same single-row INSERT, as a figure
from outside Python.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("PELAYAN_ENV", "development")
# The case engine's own rate: the camat's sign step is taken unsigned here (the development switch);
# rendering and signing letters is measured by bench_documents.py.
os.environ.setdefault("PELAYAN_SIGNING_REQUIRED", "0")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_databases, teardown_databases  # noqa: E402

from cases.models import Case  # noqa: E402
from cases.services import Actor, Applicant, case_act, case_create  # noqa: E402
from standards.demo import load_demo  # noqa: E402
from standards.models import Service  # noqa: E402

WIB = ZoneInfo("Asia/Jakarta")
# A Wednesday in office hours, so the 15-minute clock runs while the cases move.
T0 = datetime(2026, 11, 4, 9, 0, tzinfo=WIB)
# The Kedopok procedure after the kecamatan receives the file: five officer actions to the end.
ACTIONS = [
    ("kec-kedopok.operator-kecamatan", "lengkap"),
    ("kec-kedopok.operator-kecamatan", "ajukan-camat"),
    ("kec-kedopok.camat", "tandatangani"),
    ("kec-kedopok.camat", "kembalikan-kecamatan"),
    ("kec-kedopok.operator-kecamatan", "kirim-kelurahan"),
]
# Named literally in the SQL below too (a constant, never input).
REFERENCE_TABLE = "bench_reference_row"


def reference_table() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {REFERENCE_TABLE}")
        key = "BIGSERIAL PRIMARY KEY" if connection.vendor == "postgresql" else "INTEGER PRIMARY KEY"
        cursor.execute(
            f"CREATE TABLE {REFERENCE_TABLE} (id {key}, number VARCHAR(10) NOT NULL, "
            "payload TEXT NOT NULL, created_at TIMESTAMP NOT NULL)"
        )


def insert_rate(rows: int) -> float:
    """Single-row INSERTs, each committed on its own, through Django's connection."""
    sql = "INSERT INTO bench_reference_row (number, payload, created_at) VALUES (%s, %s, %s)"
    began = time.perf_counter()
    for n in range(rows):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [f"{n:010d}", "Karang Taruna RW 03", T0 + timedelta(seconds=n)])
    return rows / (time.perf_counter() - began)


class Moments:
    """Submission moments a second apart from T0, so every case's clock runs in office hours."""

    def __init__(self) -> None:
        self.seconds = 0

    def next(self) -> datetime:
        self.seconds += 1
        return T0 + timedelta(seconds=self.seconds)


def create_cases(service: Service, user: Any, count: int, moments: Moments) -> tuple[float, list[Case]]:
    made = []
    began = time.perf_counter()
    for _n in range(count):
        created = case_create(
            service=service,
            actor=user,
            applicant=Applicant(name="Karang Taruna RW 03", phone="0812 3456 7890"),
            channel="website",
            now=moments.next(),
        )
        made.append(created.case)
    return count / (time.perf_counter() - began), made


def take_actions(cases: list[Case], users: dict[str, Any]) -> float:
    """Every case through the five actions, one case after another (a busy kecamatan's day)."""
    taken = 0
    began = time.perf_counter()
    for case in cases:
        current = case
        for step, (username, action) in enumerate(ACTIONS):
            current = case_act(
                case=current,
                actor=Actor(users[username]),
                action=action,
                version=current.version,
                now=case.received_at + timedelta(minutes=1 + step),
            )
            taken += 1
    return taken / (time.perf_counter() - began)


def queries_of(work: Callable[[], Any]) -> int:
    with CaptureQueriesContext(connection) as captured:
        work()
    return len(captured)


def pgbench_rate(seconds: int) -> float | None:
    """pgbench's own rate for the same single-row INSERT on the same database (one client)."""
    binary = shutil.which("pgbench")
    if binary is None or connection.vendor != "postgresql":
        return None
    settings = connection.settings_dict
    script = Path(tempfile.mkdtemp(prefix="pelayan-bench-")) / "insert.sql"
    script.write_text(
        "INSERT INTO bench_reference_row (number, payload, created_at) "
        "VALUES ('0000000000', 'Karang Taruna RW 03', now());\n"
    )
    env = {**os.environ, "PGPASSWORD": settings.get("PASSWORD") or ""}
    command = [binary, "-n", "-c", "1", "-T", str(seconds), "-f", str(script),
               "-h", settings.get("HOST") or "127.0.0.1", "-p", str(settings.get("PORT") or 5432),
               "-U", settings.get("USER") or "postgres", settings["NAME"]]  # fmt: skip
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    for line in result.stdout.splitlines():
        if line.startswith("tps = "):
            return float(line.split()[2])
    print(f"pgbench failed: {result.stderr.strip()}")
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=300, help="cases created (and moved) per run")
    parser.add_argument("--reference", type=int, default=2000, help="reference INSERTs per run")
    parser.add_argument("--runs", type=int, default=3, help="runs; the median is reported")
    parser.add_argument("--pgbench", action="store_true", help="also run pgbench (PostgreSQL)")
    args = parser.parse_args()

    database = connection.settings_dict
    scratch = None
    if connection.vendor == "sqlite":
        scratch = tempfile.TemporaryDirectory(prefix="pelayan-bench-")
        database["TEST"]["NAME"] = str(Path(scratch.name) / "bench.sqlite3")
    # Nothing to keep between runs: no serialised copy of the (empty) test database.
    old_config = setup_databases(verbosity=0, interactive=False, serialized_aliases=set())
    try:
        server = getattr(connection.cursor().connection, "info", None)  # psycopg's ConnectionInfo
        if server is not None:
            label = f"PostgreSQL {server.server_version // 10000}.{server.server_version % 10000}"
        else:
            label = "SQLite (WAL, file)"
        print(f"bench_cases: {label}, {args.cases} cases x {len(ACTIONS)} actions, "
              f"median of {args.runs} runs, Python {sys.version.split()[0]}")  # fmt: skip
        load_demo(with_users=True)
        service = Service.objects.get(agency__slug="kec-kedopok", slug="surat-pengantar-izin-keramaian")
        users = {u.username: u for u in get_user_model().objects.filter(username__startswith="kec-kedopok.")}
        creator = users["kec-kedopok.kedopok.operator-kelurahan"]
        reference_table()

        # Warm up (calendar precomputation, first compiled process), then count queries once.
        moments = Moments()
        _rate, warm = create_cases(service, creator, 3, moments)
        take_actions(warm, users)
        per_case = queries_of(lambda: create_cases(service, creator, 1, moments))
        fresh = Case.objects.order_by("-pk").first()
        per_action = queries_of(
            lambda: case_act(case=fresh, actor=Actor(users[ACTIONS[0][0]]), action=ACTIONS[0][1],
                             version=fresh.version, now=fresh.received_at + timedelta(minutes=1))
        )  # fmt: skip
        insert_rate(50)

        inserts, creates, actions = [], [], []
        for run in range(args.runs):
            inserts.append(insert_rate(args.reference))
            created_rate, made = create_cases(service, creator, args.cases, moments)
            creates.append(created_rate)
            actions.append(take_actions(made, users))
            print(f"run {run + 1}: reference {inserts[-1]:,.0f} inserts/s, "
                  f"{creates[-1]:,.1f} cases/s, {actions[-1]:,.1f} actions/s")  # fmt: skip
        insert, create, act = (statistics.median(x) for x in (inserts, creates, actions))
        # Each run's rates over that run's reference, then the median: the reference and the work
        # are measured minutes apart at most, so load from elsewhere on the machine cancels out.
        create_ratio = statistics.median(c / i for c, i in zip(creates, inserts, strict=True))
        act_ratio = statistics.median(a / i for a, i in zip(actions, inserts, strict=True))
        print(f"reference: raw single-row INSERT, one per transaction  {insert:>10,.0f} /s")
        print(f"cases created (case_create)                           {create:>10,.1f} /s"
              f"   ratio {create_ratio:.4f} ({per_case} queries per case)")  # fmt: skip
        print(f"actions taken (case_act)                              {act:>10,.1f} /s"
              f"   ratio {act_ratio:.4f} ({per_action} queries per action)")  # fmt: skip
        if args.pgbench:
            tps = pgbench_rate(10)
            if tps is not None:
                print(f"pgbench, same INSERT, 1 client, 10 s                  {tps:>10,.0f} /s")
    finally:
        teardown_databases(old_config, verbosity=0)
        if scratch is not None:
            scratch.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
