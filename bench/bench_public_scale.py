"""The public pages under gunicorn with the demo data and with a registry of 10,000 services, each as
a ratio to a bare Django view served by the same server in the same run.

    .venv/bin/python bench/bench_public_scale.py [--agencies 500] [--services 10000] [--seconds 10]
        [--connections 16] [--workers 2] [--keep PATH] [--short]

Two databases are measured one after the other: the demo (the four seed agencies) and the demo plus
``--agencies`` agencies with ``--services`` published services between them, all made through
``standards.services`` (agency_create, service_create, standard_draft_create, standard_publish).
Each is served by ``gunicorn`` (``--workers`` sync workers) with the bench settings
(``bench/public_scale_settings.py``: the site's URLs plus ``/bench/bare/``), and loaded by
``--connections`` client threads spread over a few processes for ``--seconds`` per page. It prints
requests per second, p50 and p99 latency for each page, its ratio to the bare view, and checks the
targets (ratio at scale within 1.5x of the demo's, home and search at least 8 % of bare, service
page at least 5 %, p99 under 300 ms); the exit status is 1 when one is missed.

SQLite (a temporary file in WAL mode, as embedded) unless DATABASE_URL names a PostgreSQL server:
then the databases ``<name>_scale_demo`` and ``<name>_scale_big`` are created there and dropped.
``--keep PATH`` (SQLite) keeps the large database in PATH and reuses it on the next run, so the
generation (minutes) is paid once. ``--short``: 50 agencies, 1,000 services, 3 s per page.
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
VENV_BIN = Path(sys.executable).parent

REGIONS = [
    ("Jawa Timur", "Kota Probolinggo"),
    ("Jawa Timur", "Kabupaten Malang"),
    ("Jawa Tengah", "Kota Semarang"),
    ("Jawa Barat", "Kabupaten Bandung"),
    ("Bali", "Kabupaten Bangli"),
    ("Banten", "Kota Serang"),
    ("Kalimantan Barat", "Kota Pontianak"),
    ("Sulawesi Selatan", "Kota Makassar"),
    ("Papua", "Kota Jayapura"),
    ("Sumatera Utara", "Kota Medan"),
]
SERVICE_NAMES = [
    "Surat Keterangan Domisili",
    "Surat Keterangan Tidak Mampu",
    "Surat Keterangan Usaha",
    "Surat Keterangan Ahli Waris",
    "Surat Keterangan Kelahiran",
    "Surat Keterangan Kematian",
    "Surat Pengantar SKCK",
    "Surat Pengantar Izin Keramaian",
    "Surat Pengantar Pindah",
    "Izin Usaha Mikro Kecil",
    "Izin Mendirikan Bangunan",
    "Izin Reklame",
    "Rekomendasi Izin Gangguan",
    "Legalisasi Dokumen Kependudukan",
    "Legalisasi Akta Jual Beli",
    "Pendaftaran KTP-el",
    "Perubahan Kartu Keluarga",
    "Dispensasi Nikah",
    "Pengaduan Masyarakat",
    "Konsultasi Perizinan",
]
REQUIREMENT_TEXTS = [
    ("Formulir permohonan yang ditandatangani Lurah", "Fotokopi KTP-el"),
    ("Formulir permohonan", "Fotocopy Kartu Keluarga dan KTP"),
    ("Surat pengantar RT/RW", "Kartu tanda penduduk elektronik asli"),
    ("Formulir isian bermeterai", "e-KTP pemohon"),
]


# --- making the registry ----------------------------------------------------------------------------


def django_setup(env: dict[str, str]) -> None:
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def migrate_and_seed() -> None:
    from django.core.management import call_command

    from standards.demo import load_demo

    call_command("migrate", verbosity=0, interactive=False)
    load_demo(with_users=False)


def generate(agencies: int, services: int) -> float:
    """``agencies`` agencies and ``services`` published services through the registry's services;
    returns the seconds it took. One standard's components are built once and reused (varied only
    in their requirement wording), and each agency's services are made in one transaction (each
    service call is then a savepoint inside it, so the database commits once per agency)."""
    from django.db import transaction

    from standards.models import AgencyKind, TimeZone
    from standards.services import agency_create, service_create, standard_draft_create, standard_publish
    from tests.factories import complete_components, factory_roles_ensure

    templates = []
    for formulir, ktp in REQUIREMENT_TEXTS:
        components = complete_components()
        components["requirements"][0]["text"] = formulir
        components["requirements"][1]["text"] = ktp
        templates.append(components)
    per_agency = max(1, -(-services // agencies))
    made = 0
    began = time.perf_counter()
    for n in range(agencies):
        province, regency = REGIONS[n % len(REGIONS)]
        zone = TimeZone.WIT if province == "Papua" else TimeZone.WITA if province in ("Bali", "Sulawesi Selatan", "Kalimantan Barat") else TimeZone.WIB  # fmt: skip
        with transaction.atomic():
            agency = agency_create(
                actor=None,
                slug=f"kecamatan-skala-{n:03d}",
                name=f"Kecamatan Skala {n:03d} {regency.split()[-1]}",
                kind=AgencyKind.KECAMATAN,
                province=province,
                regency=regency,
                timezone_name=zone,
            )
            factory_roles_ensure(agency)
            for k in range(per_agency):
                if made == services:
                    break
                service = service_create(agency=agency, name=SERVICE_NAMES[k % len(SERVICE_NAMES)]
                                         + ("" if k < len(SERVICE_NAMES) else f" {k // len(SERVICE_NAMES) + 1}"))  # fmt: skip
                draft = standard_draft_create(
                    service=service, actor=None, components=templates[(n + k) % len(templates)]
                )
                standard_publish(standard=draft, actor=None)
                made += 1
        if n % 50 == 49:
            elapsed = time.perf_counter() - began
            print(f"  generated {n + 1} agencies, {made} services in {elapsed:.0f} s", flush=True)
    return time.perf_counter() - began


# --- serving and loading ----------------------------------------------------------------------------


@dataclass
class Result:
    name: str
    rate: float
    p50: float
    p99: float
    errors: int


def _client(url: str, seconds: float, threads: int, queue: multiprocessing.Queue) -> None:
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    latencies: list[float] = []
    errors = [0]
    stop_at = time.perf_counter() + seconds
    lock = threading.Lock()

    def loop() -> None:
        mine: list[float] = []
        bad = 0
        while time.perf_counter() < stop_at:
            began = time.perf_counter()
            try:
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
                conn.request("GET", path, headers={"Accept-Language": "id"})
                response = conn.getresponse()
                response.read()
                conn.close()
                if response.status != 200:
                    bad += 1
            except OSError:
                bad += 1
            mine.append(time.perf_counter() - began)
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    workers = [threading.Thread(target=loop) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    queue.put((latencies, errors[0]))


def load(name: str, url: str, *, seconds: float, connections: int) -> Result:
    """``connections`` clients requesting ``url`` one after another for ``seconds``; the threads are
    spread over processes so the client's own interpreter lock is not what limits the rate."""
    processes = min(4, connections)
    queue: multiprocessing.Queue = multiprocessing.Queue()
    per = [connections // processes + (1 if i < connections % processes else 0) for i in range(processes)]
    began = time.perf_counter()
    children = [multiprocessing.Process(target=_client, args=(url, seconds, n, queue)) for n in per]
    for child in children:
        child.start()
    latencies: list[float] = []
    errors = 0
    for _ in children:
        got, bad = queue.get()
        latencies.extend(got)
        errors += bad
    for child in children:
        child.join()
    elapsed = time.perf_counter() - began
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] if latencies else 0.0
    return Result(
        name, len(latencies) / elapsed, statistics.median(latencies) if latencies else 0.0, p99, errors
    )


def serve(env: dict[str, str], port: int, workers: int) -> subprocess.Popen:
    gunicorn = shutil.which("gunicorn", path=str(VENV_BIN)) or "gunicorn"
    command = [gunicorn, "--workers", str(workers), "--bind", f"127.0.0.1:{port}", "--pythonpath",
               f"{ROOT},{BENCH}", "--log-level", "warning", "--backlog", "2048",
               "config.wsgi:application"]  # fmt: skip
    process = subprocess.Popen(command, env={**os.environ, **env}, cwd=ROOT)  # noqa: S603
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/bench/bare/")
            if conn.getresponse().status == 200:
                return process
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise SystemExit("gunicorn did not start")


def stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


def measure(
    label: str, env: dict[str, str], pages: dict[str, str], args: argparse.Namespace
) -> dict[str, Result]:
    port = args.port
    process = serve(env, port, args.workers)
    base = f"http://127.0.0.1:{port}"
    results: dict[str, Result] = {}
    try:
        for name, path in {"bare": "/bench/bare/", **pages}.items():
            load(name, base + path, seconds=min(1.0, args.seconds), connections=args.connections)  # warm
            results[name] = load(name, base + path, seconds=args.seconds, connections=args.connections)
    finally:
        stop(process)
    bare = results["bare"].rate
    print(f"\n{label}")
    print(f"  {'page':<10} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'of bare':>8} {'errors':>7}")
    for r in results.values():
        print(f"  {r.name:<10} {r.rate:>8.0f} {r.p50 * 1000:>8.1f} {r.p99 * 1000:>8.1f} "
              f"{r.rate / bare:>8.1%} {r.errors:>7}")  # fmt: skip
    return results


def database_env(kind: str, scratch: Path, keep: str | None) -> tuple[dict[str, str], bool]:
    """The environment naming the database of ``kind`` (demo or big), and whether it must be made."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        parts = urlsplit(url)
        name = f"{parts.path.lstrip('/') or 'pelayan'}_scale_{kind}"
        _pg_admin(url, f'DROP DATABASE IF EXISTS "{name}"')
        _pg_admin(url, f'CREATE DATABASE "{name}"')
        return {"DATABASE_URL": parts._replace(path="/" + name).geturl()}, True
    path = Path(keep) if (keep and kind == "big") else scratch / f"{kind}.sqlite3"
    return {"DATABASE_URL": "", "PELAYAN_SQLITE_PATH": str(path)}, not path.exists()


def _pg_admin(url: str, statement: str) -> None:
    import psycopg

    parts = urlsplit(url)
    with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as conn:
        conn.execute(statement)  # names made here from the bench's own URL


def build(env: dict[str, str], *, agencies: int, services: int) -> None:
    """Make one database in a child process (Django is set up once per process)."""
    command = [sys.executable, __file__, "--build", str(agencies), str(services)]
    subprocess.run(command, env={**os.environ, **env}, cwd=ROOT, check=True)  # noqa: S603


def _build_here(agencies: int, services: int) -> None:
    django_setup({})
    migrate_and_seed()
    if services:
        print(f"  made in {generate(agencies, services):.0f} s")
    else:
        print("  demo loaded")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, default=500)
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=10.0, help="load per page")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--keep", help="SQLite file to keep the large database in and reuse")
    parser.add_argument("--short", action="store_true", help="50 agencies, 1,000 services, 3 s per page")
    parser.add_argument(
        "--build", nargs=2, type=int, help=argparse.SUPPRESS
    )  # the child that makes a database
    args = parser.parse_args()
    if args.build:
        _build_here(*args.build)
        return 0
    if args.short:
        args.agencies, args.services, args.seconds = 50, 1000, 3.0

    base_env = {"DJANGO_SETTINGS_MODULE": "public_scale_settings", "PELAYAN_ENV": "development",
                "PYTHONPATH": f"{ROOT}:{BENCH}", "PELAYAN_DEBUG": "0"}  # fmt: skip
    os.environ.update(base_env)
    pages = {
        "home": "/",
        "search": "/?q=ijin",
        "agency": "/kec-kedopok/",
        "service": "/kec-kedopok/surat-pengantar-izin-keramaian/",
        "api": "/api/v1/services",
    }
    scratch = Path(tempfile.mkdtemp(prefix="pelayan-bench-scale-"))
    made: list[dict[str, str]] = []
    try:
        demo_env, _fresh = database_env("demo", scratch, None)
        made.append(demo_env)
        print("demo database")
        build(demo_env, agencies=0, services=0)
        big_env, fresh = database_env("big", scratch, args.keep)
        made.append(big_env)
        if fresh:
            print(f"large database: {args.agencies} agencies, {args.services} services through the services")
            build(big_env, agencies=args.agencies, services=args.services)
        else:
            print(f"large database reused from {args.keep}")
        big_pages = {**pages, "agency-20": "/kecamatan-skala-000/"}
        demo = measure("demo data", demo_env, pages, args)
        big = measure(f"{args.services:,} services", big_env, big_pages, args)
    finally:
        for env in made:
            url = env.get("DATABASE_URL")
            if url:
                _pg_admin(url, f'DROP DATABASE IF EXISTS "{urlsplit(url).path.lstrip("/")}"')
        shutil.rmtree(scratch, ignore_errors=True)

    print("\ntargets")
    failed = False
    floors = {"home": 0.08, "search": 0.08, "service": 0.05}
    for name in pages:
        demo_ratio = demo[name].rate / demo["bare"].rate
        big_ratio = big[name].rate / big["bare"].rate
        checks = [
            ("within 1.5x of demo", big_ratio * 1.5 >= demo_ratio),
            ("p99 < 300 ms", big[name].p99 < 0.3),
        ]
        if name in floors:
            checks.append((f">= {floors[name]:.0%} of bare", big_ratio >= floors[name]))
        checks.append(("no errors", big[name].errors == 0 and demo[name].errors == 0))
        failed |= not all(ok for _label, ok in checks)
        marks = ", ".join(f"{label} {'ok' if ok else 'MISSED'}" for label, ok in checks)
        print(f"  {name:<8} demo {demo_ratio:6.1%}  large {big_ratio:6.1%}  {marks}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
