"""The peer of bench_complaint_intake.py: tickets opened per second through django-helpdesk
2.6.1's public ticket form (``helpdesk.forms.PublicTicketForm``: validation, the ticket on its
public queue, the "Ticket Opened Via Web" follow-up, the submitter's e-mail rendered), as its
``CreateTicketView.form_valid`` does, at the given client counts.

Runs in the peer's own virtualenv (django-helpdesk pins its own Django):

    bench/.peer-venv/bin/python bench/peers/helpdesk/bench_peer.py --clients 1,8,32 --seconds 5

PEER_DATABASE names the database (a SQLite file, or postgres://… of a database that exists and
is empty). Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))  # bench/, for _clients
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")

import django  # noqa: E402

django.setup()

from _clients import run_processes  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from helpdesk.forms import PublicTicketForm  # noqa: E402
from helpdesk.models import Queue, Ticket  # noqa: E402


def open_ticket(client: int, n: int) -> None:
    form = PublicTicketForm(
        data={
            "title": "Izin lambat diproses",
            "body": "Permohonan izin saya belum selesai setelah tiga minggu.",
            "submitter_email": f"warga{client}.{n}@example.id",
        }
    )
    if not form.is_valid():
        raise ValueError(f"form refused: {form.errors.as_json()}")
    form.save(user=None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", default="1,8,32")
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    Queue.objects.get_or_create(
        slug="pengaduan", defaults={"title": "Pengaduan", "allow_public_submission": True}
    )
    for n in range(5):  # warm up: templates, the queue, the first compiled queries
        open_ticket(0, -1 - n)
    with CaptureQueriesContext(connection) as captured:
        open_ticket(0, -10)
    result = {
        "peer": "django-helpdesk 2.6.1 (PublicTicketForm.save)",
        "django": django.get_version(),
        "queries": len(captured),
        "runs": {},
    }
    for clients in [int(c) for c in args.clients.split(",")]:
        connections.close_all()  # forked children open their own
        result["runs"][str(clients)] = run_processes(
            clients, args.seconds, open_ticket, connections.close_all
        )
    result["tickets"] = Ticket.objects.count()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
