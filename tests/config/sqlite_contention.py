"""Concurrent requests against a file-based SQLite database, run in a process of its own by
test_sqlite_concurrent_writers (the suite's own SQLite database lives in memory).

    python -m tests.config.sqlite_contention writers|held

Prints one JSON object with the status codes seen and the rows that landed.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections import Counter


def _setup():
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings_test"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from django.contrib.auth import get_user_model

    from standards.services import agency_create

    agency = agency_create(
        actor=None, slug="kec-uji", name="Kecamatan Uji", kind="kecamatan", province="Bali"
    )
    user = get_user_model().objects.create_superuser(username="super", password="rahasia-super-123")
    return agency, user


def _client(user):
    from django.test import Client

    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def _add_unit(client, agency, name):
    return client.post(
        "/admin/standards/unit/add/",
        {"agency": agency.pk, "name": name, "slug": name, "kind": "seksi", "parent": ""},
    ).status_code


def writers(threads: int = 4, each: int = 10) -> dict:
    """Several staff members saving at once: every save lands, none fails."""
    agency, user = _setup()
    from django.db import connections

    from audit.models import AuditAction, AuditEvent
    from standards.models import Unit

    clients = [_client(user) for _ in range(threads)]
    codes: Counter[int] = Counter()
    lock = threading.Lock()
    start = threading.Barrier(threads)

    def work(n: int) -> None:
        start.wait()
        for i in range(each):
            code = _add_unit(clients[n], agency, f"seksi-{n}-{i}")
            with lock:
                codes[code] += 1
        connections.close_all()

    pool = [threading.Thread(target=work, args=(n,)) for n in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join(timeout=120)
    return {
        "codes": {str(k): v for k, v in codes.items()},
        "units": Unit.objects.count(),
        "unit_events": AuditEvent.objects.filter(action=AuditAction.UNIT_CREATED).count(),
    }


def held(hold_seconds: float = 2.0) -> dict:
    """A write transaction held past the busy timeout: other writers get a 503 with Retry-After,
    readers keep being served, and the next save after it lands."""
    agency, user = _setup()
    from django.db import connections, transaction

    from standards.models import Agency, Unit

    client = _client(user)
    holding = threading.Event()

    def hold() -> None:
        with transaction.atomic():
            Agency.objects.filter(pk=agency.pk).update(head_name="Sedang disunting")
            holding.set()
            time.sleep(hold_seconds)
        connections.close_all()

    holder = threading.Thread(target=hold)
    holder.start()
    holding.wait(timeout=10)
    blocked = client.post(
        "/admin/standards/unit/add/",
        {"agency": agency.pk, "name": "seksi-a", "slug": "seksi-a", "kind": "seksi", "parent": ""},
    )
    page = client.get("/")
    api = client.get("/api/v1/agencies")
    holder.join(timeout=30)
    after = _add_unit(client, agency, "seksi-b")
    return {
        "blocked": blocked.status_code,
        "retry_after": blocked.get("Retry-After"),
        "blocked_says_busy": "Sistem sedang sibuk" in blocked.content.decode(),
        "page": page.status_code,
        "api": api.status_code,
        "after": after,
        "units": sorted(Unit.objects.values_list("slug", flat=True)),
    }


if __name__ == "__main__":
    print(json.dumps({"writers": writers, "held": held}[sys.argv[1]]()))
