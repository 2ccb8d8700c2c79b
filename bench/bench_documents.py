"""Documents rendered and signed per second through the documents services.

Rendering is ``document_render`` (a Banten receipt: template, number allocation under the counter
lock, WeasyPrint to PDF/A-2b, stored through Django's storage, audit event, one transaction).
Signing is ``case_sign`` on Kedopok's camat step (render the surat pengantar, PAdES-sign it with a
demo-CA PKCS#12 identity, store it, move the case, one transaction). Validation is
``document_verdict`` (re-hash plus pyHanko's validation against the demo CA).

    .venv/bin/python bench/bench_documents.py [--n 20] [--runs 3]

SQLite in a temporary file unless DATABASE_URL names a server (a test database is created and
dropped); the demo CA and the files go to a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("PELAYAN_ALLOW_INSECURE_KEY", "1")
# The built-in key is allowed only outside production (config/settings.py).
os.environ.setdefault("PELAYAN_ENV", "development")
SCRATCH = tempfile.TemporaryDirectory(prefix="pelayan-bench-docs-")
os.environ["PELAYAN_SIGNING_DIR"] = str(Path(SCRATCH.name) / "signing")
os.environ["PELAYAN_MEDIA_ROOT"] = str(Path(SCRATCH.name) / "media")

import django  # noqa: E402

django.setup()

import logging  # noqa: E402

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_databases, teardown_databases  # noqa: E402

from cases.services import Actor, Applicant, case_act, case_create  # noqa: E402
from documents.ca import init_demo_ca  # noqa: E402
from documents.models import DocumentKind  # noqa: E402
from documents.selectors import document_verdict  # noqa: E402
from documents.services import case_sign, document_render, signing_identity_issue  # noqa: E402
from standards.demo import load_demo  # noqa: E402
from standards.models import Agency, Service  # noqa: E402

WIB = ZoneInfo("Asia/Jakarta")
T0 = datetime(2026, 11, 4, 9, 0, tzinfo=WIB)


def cases_at_signing(service, users, n):
    cases = []
    for i in range(n):
        case = case_create(
            service=service, actor=users["kec-kedopok.kedopok.operator-kelurahan"],
            applicant=Applicant(name=f"Pemohon {i}"), channel="website", now=T0,
        ).case  # fmt: skip
        for action in ("lengkap", "ajukan-camat"):
            case = case_act(case=case, actor=Actor(users["kec-kedopok.operator-kecamatan"]), action=action,
                            version=case.version, now=T0 + timedelta(minutes=1))  # fmt: skip
        cases.append(case)
    return cases


def timed(fn, items):
    start = time.perf_counter()
    results = [fn(item) for item in items]
    return len(items) / (time.perf_counter() - start), results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20, help="documents per run")
    parser.add_argument("--runs", type=int, default=3, help="runs; the median is reported")
    args = parser.parse_args()
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)

    database = connection.settings_dict
    if connection.vendor == "sqlite":
        database["TEST"]["NAME"] = str(Path(SCRATCH.name) / "bench.sqlite3")
    old_config = setup_databases(verbosity=0, interactive=False, serialized_aliases=set())
    try:
        print(f"bench_documents: {connection.vendor}, {args.n} documents per run, median of {args.runs} runs, "
              f"Python {sys.version.split()[0]}")  # fmt: skip
        load_demo(with_users=True)
        init_demo_ca()
        users = {u.username: u for u in get_user_model().objects.filter(username__startswith="kec-kedopok.")}
        camat = users["kec-kedopok.camat"]
        signing_identity_issue(user=camat, passphrase=None)
        banten = Agency.objects.get(slug="perkim-banten")
        service = Service.objects.get(agency__slug="kec-kedopok", slug="surat-pengantar-izin-keramaian")
        document_render(agency=banten, kind=DocumentKind.RECEIPT, case=None, now=T0)  # warm up fonts

        render_rates, sign_rates, verify_rates = [], [], []
        for _run in range(args.runs):
            rate, _docs = timed(
                lambda _i: document_render(agency=banten, kind=DocumentKind.RECEIPT, case=None, now=T0),
                range(args.n),
            )
            render_rates.append(rate)
            waiting = cases_at_signing(service, users, args.n)
            rate, signed = timed(
                lambda c: case_sign(case=c, actor=camat, now=T0 + timedelta(minutes=5)), waiting
            )
            sign_rates.append(rate)
            rate, verdicts = timed(lambda s: document_verdict(s.document), signed)
            if not all(v.genuine for v in verdicts):
                raise SystemExit("a signed document did not verify")
            verify_rates.append(rate)
        print(f"  rendered (receipt, PDF/A-2b)         {statistics.median(render_rates):8.1f} /s")
        print(f"  rendered and signed (case_sign)      {statistics.median(sign_rates):8.1f} /s")
        print(f"  verified (hash + pyHanko validation) {statistics.median(verify_rates):8.1f} /s")
    finally:
        teardown_databases(old_config, verbosity=0)
        SCRATCH.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
