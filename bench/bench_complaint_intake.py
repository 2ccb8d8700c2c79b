"""Complaints taken in per second: ``complaints.services.complaint_create`` for a website
complaint, directly and over HTTP through gunicorn, at 1, 8 and 32 clients, against pgbench's
single-row INSERT rate and django-helpdesk's public ticket form, all measured in the same run.

    .venv/bin/python bench/bench_complaint_intake.py [--seconds 5] [--clients 1,8,32] [--json]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/NAME .venv/bin/python bench/bench_complaint_intake.py

One intake is the citizen's website complaint to DPMPTSP Bangli (the demo agency whose website
complaints run on a clock: one to sixty working days): the fields validated, the two attachments
the form asks (identity and evidence, small PDFs) checked and stored, the case opened on the
complaint process with its SLA clock and due moment, the Buku Pengaduan number drawn, the receipt
queued in the outbox for the e-mail given (with its delivery task), the audit events, one
transaction. Over HTTP it is the POST of the public form ``/pengaduan/<agency>/`` (CSRF,
the form, the session that carries the receipt) answered with the redirect to the receipt page.

The database is SQLite (a file in WAL mode in a temporary folder, like the embedded default) unless
DATABASE_URL names a PostgreSQL server; there the run creates its own databases
``<prefix>_<pid>_{ours,peer,ref}`` and drops them at the end. pgbench always runs against a
PostgreSQL server (DATABASE_URL's, or postgres://postgres@127.0.0.1:5432), so both kinds of run have
the same reference. The peer runs in its own virtualenv, bench/.peer-venv (see bench/README.md).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _clients import run_processes, run_threads  # noqa: E402

AGENCY = "dpmptsp-bangli"
PEER_VENV = ROOT / "bench" / ".peer-venv"
PEER_SCRIPT = ROOT / "bench" / "peers" / "helpdesk" / "bench_peer.py"
PEER_INSTALL = (
    "python3 -m venv bench/.peer-venv && bench/.peer-venv/bin/pip install "
    "django-helpdesk==2.6.1 Django==5.2.19 'psycopg[binary]==3.3.9'"
)
PGBENCH_INSTALL = (
    "apt-get install postgresql-client postgresql-contrib  (Debian: pgbench is in postgresql-client)"
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
CONTENT = "Izin usaha saya belum selesai setelah tiga minggu, padahal berkas sudah lengkap."
# Named literally in the SQL below too (a constant, never input).
REFERENCE_TABLE = "bench_insert"


# -- databases ---------------------------------------------------------------------------------


def _url_with_db(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


def _pg(url: str, *statements: str) -> None:
    import psycopg

    with psycopg.connect(_url_with_db(url, "postgres"), autocommit=True) as conn:
        for sql in statements:
            conn.execute(sql)  # type: ignore[arg-type]


class Databases:
    """The run's three databases: ours, the peer's and pgbench's, on one server or in one folder."""

    def __init__(self, server_url: str | None, prefix: str, scratch: Path):
        self.server_url = server_url
        self.pg_url = server_url or "postgres://postgres@127.0.0.1:5432/postgres"
        base = f"{prefix}_{os.getpid()}"
        self.names = {k: f"{base}_{k}" for k in ("ours", "peer", "ref")}
        self.scratch = scratch
        self.created: list[str] = []

    def create(self) -> None:
        wanted = ["ref"] + (["ours", "peer"] if self.server_url else [])
        for key in wanted:
            _pg(self.pg_url, f'CREATE DATABASE "{self.names[key]}"')
            self.created.append(self.names[key])

    def drop(self) -> None:
        for name in self.created:
            _pg(self.pg_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def url(self, key: str) -> str:
        return _url_with_db(self.pg_url, self.names[key])

    def env_ours(self) -> dict[str, str]:
        if self.server_url:
            return {"DATABASE_URL": self.url("ours")}
        return {"DATABASE_URL": "", "PELAYAN_SQLITE_PATH": str(self.scratch / "ours.sqlite3")}

    def peer_database(self) -> str:
        return self.url("peer") if self.server_url else str(self.scratch / "peer.sqlite3")


# -- pgbench -----------------------------------------------------------------------------------


def pgbench_rates(
    dbs: Databases, clients: list[int], seconds: float, scratch: Path
) -> dict[int, float] | str:
    binary = shutil.which("pgbench")
    if binary is None:
        return f"pgbench not found; install it with: {PGBENCH_INSTALL}"
    import psycopg

    with psycopg.connect(dbs.url("ref"), autocommit=True) as conn:
        conn.execute(
            f"CREATE TABLE {REFERENCE_TABLE} (id BIGSERIAL PRIMARY KEY, number VARCHAR(10) NOT NULL, "
            "payload TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL)"
        )
    script = scratch / "insert.sql"
    script.write_text(
        f"INSERT INTO {REFERENCE_TABLE} (number, payload, created_at) "  # noqa: S608 - a constant
        "VALUES ('0000000001', 'Izin usaha belum selesai', now());\n"
    )
    parts = urlsplit(dbs.url("ref"))
    env = {**os.environ, "PGPASSWORD": parts.password or ""}
    rates: dict[int, float] = {}
    for n in clients:
        command = [binary, "-n", "-f", str(script), "-c", str(n), "-j", str(n), "-T", str(max(1, round(seconds))),
                   "-h", parts.hostname or "127.0.0.1", "-p", str(parts.port or 5432),
                   "-U", parts.username or "postgres", dbs.names["ref"]]  # fmt: skip
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
        match = re.search(r"^tps = ([\d.]+)", result.stdout, re.MULTILINE)
        if match is None:
            return f"pgbench failed: {result.stderr.strip()[:300]}"
        rates[n] = float(match.group(1))
    return rates


# -- ours, the service directly ----------------------------------------------------------------


def project_command(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "-m", "pelayan.cli", *args], cwd=ROOT, env=env, check=True,  # noqa: S603
                   stdout=subprocess.DEVNULL)  # fmt: skip


def intake(agency: Any, tag: str) -> Any:
    from complaints.services import Upload, complaint_create

    return complaint_create(
        agency=agency,
        kind="pengaduan",
        channel="website",
        content=CONTENT,
        name="Komang Ayu",
        address="Jl. Merdeka 5, Bangli",
        email="komang.ayu@example.id",
        files=[Upload(name="ktp.pdf", content=PDF), Upload(name="bukti.pdf", content=PDF)],
        source_ref=f"web:{tag}",
    )


def queries_of_one(agency: Any) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        intake(agency, secrets.token_hex(8))
    return len(captured)


def extra_services(agency: Any, count: int) -> None:
    """More services in the agency, drafts without a complaint process of their own: the
    intake's lookup of its complaint service must not read them all."""
    from standards.models import Service

    Service.objects.bulk_create(
        Service(agency=agency, slug=f"bench-layanan-{n}", name=f"Layanan tambahan {n}") for n in range(count)
    )


def service_runs(clients: list[int], seconds: float, existing: int) -> dict[str, Any]:
    import django
    from django.db import connections

    django.setup()
    from complaints.models import Complaint
    from standards.models import Agency

    agency = Agency.objects.get(slug=AGENCY)
    for n in range(10):  # warm up (calendars, templates of the case engine, compiled paths)
        intake(agency, f"warm-{n}")
    counts = {"after_10": (Complaint.objects.count(), queries_of_one(agency))}
    runs = {}
    for n in clients:
        connections.close_all()
        runs[n] = run_processes(n, seconds, lambda c, i: intake(agency, f"{c}-{i}-{secrets.token_hex(4)}"),
                                connections.close_all)  # fmt: skip
    # Up to ``existing`` complaints in the register, then more services: the count must not move.
    for n in range(existing - Complaint.objects.count()):
        intake(agency, f"fill-{n}")
    counts[f"after_{existing}"] = (Complaint.objects.count(), queries_of_one(agency))
    extra_services(agency, 50)
    counts[f"after_{existing}_and_50_services"] = (Complaint.objects.count(), queries_of_one(agency))
    return {"runs": runs, "queries": counts}


def floor(dbs: Databases, clients: list[int], seconds: float, scratch: Path) -> dict[str, Any] | str:
    """One intake's statements replayed by pgbench (bench/_intake_floor.py): what the database
    alone costs for them. Only where ours is a PostgreSQL database."""
    from django.db import connection

    binary = shutil.which("pgbench")
    if connection.vendor != "postgresql" or binary is None:
        return "PostgreSQL only (pgbench replays the statements)"
    from _intake_floor import FloorError, floor_rates

    from standards.models import Agency

    agency = Agency.objects.get(slug=AGENCY)
    try:
        return floor_rates(binary, dbs.url("ours"), lambda: intake(agency, f"floor-{secrets.token_hex(6)}"),
                           clients, seconds, scratch)  # fmt: skip
    except FloorError as error:  # the other measurements still run; the report says why this one did not
        return f"not measured: {error}"


# -- ours, over HTTP ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(env: dict[str, str], port: int, workers: int, log: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}",
               "--workers", str(workers), "--chdir", str(ROOT), "--log-level", "warning",
               "--timeout", "60"]  # fmt: skip
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT)  # noqa: S603
    deadline = time.time() + 60
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"gunicorn stopped: {log.read_text()[-800:]}")
        try:
            status, _h, _b = http_get(port, "/")
            if status < 500:
                return proc
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer within 60 s")


def http_get(port: int, path: str) -> tuple[int, list[tuple[str, str]], str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.getheaders(), response.read().decode("utf-8", "replace")
    finally:
        conn.close()


class Citizen:
    """One client thread: the form's page once for the CSRF cookie and token, then one POST per
    complaint, each without a session cookie (every complaint a new visitor with a new session)."""

    def __init__(self, port: int):
        self.port = port
        self.path = f"/pengaduan/{AGENCY}/"
        status, headers, body = http_get(port, self.path)
        if status != 200:
            raise RuntimeError(f"GET {self.path}: {status}")
        cookie = next(v for k, v in headers if k.lower() == "set-cookie" and v.startswith("csrftoken="))
        self.cookie = cookie.split(";", 1)[0]
        self.token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)  # type: ignore[union-attr]

    def complain(self) -> None:
        boundary = "----pelayan" + secrets.token_hex(8)
        fields = {"csrfmiddlewaretoken": self.token, "kunci": secrets.token_urlsafe(24), "kind": "pengaduan",
                  "content": CONTENT, "name": "Komang Ayu", "address": "Jl. Merdeka 5, Bangli",
                  "email": "komang.ayu@example.id"}  # fmt: skip
        parts = []
        for key, value in fields.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
            )
        for key, filename in (("identity", "ktp.pdf"), ("file_1", "bukti.pdf")):
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"; filename="{filename}"\r\n'
                "Content-Type: application/pdf\r\n\r\n".encode()
                + PDF
                + b"\r\n"
            )
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            conn.request("POST", self.path, body=body, headers={
                "Content-Type": f"multipart/form-data; boundary={boundary}", "Cookie": self.cookie})  # fmt: skip
            response = conn.getresponse()
            response.read()
            if response.status != 302:
                raise RuntimeError(f"POST answered {response.status}")
        finally:
            conn.close()


def http_runs(env: dict[str, str], clients: list[int], seconds: float, workers: int, scratch: Path) -> dict:
    port = free_port()
    server_env = {**env, "PELAYAN_ENV": "production", "PELAYAN_DEBUG": "0",
                  "PELAYAN_SECRET_KEY": secrets.token_urlsafe(48)}  # fmt: skip
    proc = start_gunicorn(server_env, port, workers, scratch / "gunicorn.log")
    try:
        citizens = [Citizen(port) for _ in range(max([*clients, 16]))]
        for citizen in citizens[:4]:  # every worker has served a POST before the clock starts
            for _ in range(workers):
                citizen.complain()
        runs = {}
        for n in sorted(set(clients) | {16}):
            runs[n] = run_threads(n, seconds, lambda c, i: citizens[c].complain())
        return {"workers": workers, "runs": runs}
    finally:
        proc.terminate()
        proc.wait(timeout=30)


# -- the peer ----------------------------------------------------------------------------------


def peer_runs(dbs: Databases, clients: list[int], seconds: float, scratch: Path) -> dict | str:
    python = PEER_VENV / "bin" / "python"
    if not python.exists():
        return f"peer virtualenv missing; make it with: {PEER_INSTALL}"
    env = {**os.environ, "PEER_DATABASE": dbs.peer_database(), "PEER_MEDIA_ROOT": str(scratch / "peer-media")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    command = [
        str(python),
        str(PEER_SCRIPT),
        "--clients",
        ",".join(map(str, clients)),
        "--seconds",
        str(seconds),
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        return f"peer failed: {result.stderr.strip()[-500:]}"
    data = json.loads(result.stdout.strip().splitlines()[-1])
    data["runs"] = {int(k): v for k, v in data["runs"].items()}
    return data


# -- report ------------------------------------------------------------------------------------


def _f(value: float | None, spec: str = ",.1f") -> str:
    return "—" if value is None else format(value, spec)


def report(result: dict[str, Any]) -> str:
    lines = [
        f"bench_complaint_intake: {result['database']}, {result['seconds']} s per measurement, "
        f"Python {result['python']}, {result['cpus']} CPUs (shared; figures are noisy), "
        f"load average {result.get('load_before')} before, {result.get('load_after')} after",
        "",
    ]
    pg = result["pgbench"] if isinstance(result["pgbench"], dict) else {}
    peer = result["peer"] if isinstance(result["peer"], dict) else {}
    peer_runs_ = peer.get("runs", {})
    lines.append("service call (complaint_create), processes:")
    lines.append(f"{'clients':>7} {'ours/s':>9} {'pgbench/s':>10} {'ratio':>7} {'peer/s':>8} {'ours÷peer':>9} "
                 f"{'p50 ms':>7} {'p99 ms':>7} {'failed':>6}")  # fmt: skip
    for n, run in result["service"]["runs"].items():
        ref = pg.get(n)
        other = peer_runs_.get(n, {}).get("rate")
        lines.append(
            f"{n:>7} {_f(run['rate']):>9} {_f(ref, ',.0f'):>10} "
            f"{_f(run['rate'] / ref * 100 if ref else None, '.1f') + ' %':>7} {_f(other):>8} "
            f"{_f(run['rate'] / other if other else None, '.2f'):>9} {_f(run['p50_ms']):>7} "
            f"{_f(run['p99_ms']):>7} {run['failed']:>6}"
        )
    if result.get("http"):
        lines += ["", f"HTTP POST /pengaduan/{AGENCY}/ through gunicorn ({result['http']['workers']} sync workers), "
                  "client threads:"]  # fmt: skip
        lines.append(f"{'clients':>7} {'ours/s':>9} {'pgbench/s':>10} {'ratio':>7} {'p50 ms':>7} {'p99 ms':>7} "
                     f"{'failed':>6}")  # fmt: skip
        for n, run in result["http"]["runs"].items():
            ref = pg.get(n)
            lines.append(
                f"{n:>7} {_f(run['rate']):>9} {_f(ref, ',.0f'):>10} "
                f"{_f(run['rate'] / ref * 100 if ref else None, '.1f') + ' %':>7} {_f(run['p50_ms']):>7} "
                f"{_f(run['p99_ms']):>7} {run['failed']:>6}"
            )
    lines.append("")
    if not pg:
        lines.append(f"pgbench: {result['pgbench']}")
    if not peer:
        lines.append(f"peer: {result['peer']}")
    else:
        lines.append(f"peer: {peer['peer']}, Django {peer['django']}, {peer['queries']} queries per ticket")
    floor_ = result.get("floor")
    if isinstance(floor_, dict):
        lines += ["", f"the database alone: one intake's {floor_['statements']} statements replayed by pgbench "
                  "(no Python), as sent and in one round trip:"]  # fmt: skip
        lines.append(f"{'clients':>7} {'as sent/s':>10} {'ratio':>7} {'one trip/s':>11} {'ratio':>7}")
        for n, run in floor_["runs"]["as_sent"].items():
            ref, one = pg.get(n), floor_["runs"]["one_trip"][n]["rate"]
            lines.append(
                f"{n:>7} {_f(run['rate']):>10} {_f(run['rate'] / ref * 100 if ref else None, '.1f') + ' %':>7} "
                f"{_f(one):>11} {_f(one / ref * 100 if ref else None, '.1f') + ' %':>7}"
            )
        lines.append("")
    elif floor_:
        lines.append(f"the database alone: {floor_}")
    lines.append("queries per intake (complaints in the register → queries):")
    for label, (complaints, queries) in result["service"]["queries"].items():
        lines.append(f"  {label:<32} {complaints:>6} complaints  {queries} queries")
    for miss in result.get("targets_missed", []):
        lines.append(f"target missed: {miss}")
    for run in [*result["service"]["runs"].values(), *(result.get("http") or {}).get("runs", {}).values()]:
        for error in run["errors"]:
            lines.append(f"  error: {error}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="length of each measurement")
    parser.add_argument("--clients", default="1,8,32", help="client counts, comma-separated")
    parser.add_argument("--existing", type=int, default=1000, help="complaints before the last query count")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1, help="gunicorn workers")
    parser.add_argument("--no-http", action="store_true", help="skip the HTTP measurement")
    parser.add_argument("--no-peer", action="store_true", help="skip django-helpdesk")
    parser.add_argument(
        "--no-floor", action="store_true", help="skip the database's own cost (pgbench replay)"
    )
    parser.add_argument(
        "--db-prefix", default="bench_intake", help="prefix of the databases made and dropped"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    args = parser.parse_args()
    clients = [int(c) for c in args.clients.split(",")]

    server_url = os.environ.get("DATABASE_URL") or None
    scratch = Path(tempfile.mkdtemp(prefix="pelayan-intake-"))
    dbs = Databases(server_url, args.db_prefix, scratch)
    dbs.create()
    try:
        ours_env = {**os.environ, **dbs.env_ours(), "PYTHONPATH": str(ROOT), "PELAYAN_ENV": "development",
                    "PELAYAN_MEDIA_ROOT": str(scratch / "media"), "DJANGO_SETTINGS_MODULE": "config.settings"}  # fmt: skip
        project_command(ours_env, "migrate", "--no-input")
        project_command(ours_env, "seed_demo")
        os.environ.update(ours_env)
        result: dict[str, Any] = {
            "seconds": args.seconds,
            "python": sys.version.split()[0],
            "cpus": os.cpu_count(),
            "load_before": round(os.getloadavg()[0], 1),
        }
        result["pgbench"] = pgbench_rates(dbs, clients, args.seconds, scratch)
        result["service"] = service_runs(clients, args.seconds, args.existing)
        from django.db import connection, connections

        result["floor"] = floor(dbs, clients, args.seconds, scratch) if not args.no_floor else "skipped"

        if connection.vendor == "postgresql":
            info = connection.cursor().connection.info
            result["database"] = f"PostgreSQL {info.server_version // 10000}.{info.server_version % 10000}"
        else:
            import sqlite3

            result["database"] = f"SQLite {sqlite3.sqlite_version} (WAL, file)"
        connections.close_all()
        result["http"] = (
            None if args.no_http else http_runs(ours_env, clients, args.seconds, args.workers, scratch)
        )
        result["peer"] = "skipped" if args.no_peer else peer_runs(dbs, clients, args.seconds, scratch)
        result["load_after"] = round(os.getloadavg()[0], 1)
    finally:
        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # noqa: S110 - Django may not be set up when a step before it failed
            pass
        dbs.drop()
        shutil.rmtree(scratch, ignore_errors=True)
    misses = targets_missed(result)
    result["targets_missed"] = misses
    print(json.dumps(result, indent=2) if args.json else report(result))
    return 1 if misses else 0


def targets_missed(result: dict[str, Any]) -> list[str]:
    """Service at 1 client ≥ 20 % of pgbench; HTTP at 8 clients ≥ 3 % of pgbench with p99 under
    250 ms at 16 connections; ahead of the peer at every client count."""
    misses = []
    pg = result["pgbench"] if isinstance(result["pgbench"], dict) else {}
    service = result["service"]["runs"]
    if 1 in service and pg.get(1) and service[1]["rate"] < 0.20 * pg[1]:
        misses.append(f"service at 1 client: {service[1]['rate'] / pg[1]:.1%} of pgbench (target 20 %)")
    http = (result.get("http") or {}).get("runs", {})
    if 8 in http and pg.get(8) and http[8]["rate"] < 0.03 * pg[8]:
        misses.append(f"HTTP at 8 clients: {http[8]['rate'] / pg[8]:.1%} of pgbench (target 3 %)")
    if 16 in http and (http[16]["p99_ms"] or 0) >= 250:
        misses.append(f"HTTP p99 at 16 connections: {http[16]['p99_ms']:,.0f} ms (target under 250 ms)")
    peer = result["peer"]["runs"] if isinstance(result["peer"], dict) else {}
    for n, run in service.items():
        other = peer.get(n, {}).get("rate")
        if other and run["rate"] <= other:
            misses.append(f"{n} clients: {run['rate']:.1f}/s against the peer's {other:.1f}/s")
    return misses


if __name__ == "__main__":
    raise SystemExit(main())
