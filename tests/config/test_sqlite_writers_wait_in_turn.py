"""On SQLite, a write transaction holds the writers' file lock from its start to its commit or
rollback, so the next writer is let in as soon as it ends (config/sqlite); a writer that cannot
get in within the busy timeout fails as SQLite itself would, with "database is locked"."""

from __future__ import annotations

import fcntl
import os

import pytest
from django.db import OperationalError, connection, transaction

from config.busy import is_database_busy
from standards.models import Agency
from standards.services import agency_create

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="the file lock is SQLite's")


def _lock_path() -> str:
    return f"{connection.settings_dict['NAME']}-writers.lock"


def _taken_by_someone() -> bool:
    """Whether another holder has the writers' lock (tried from a descriptor of our own)."""
    fd = os.open(_lock_path(), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def _agency(slug: str) -> Agency:
    return agency_create(actor=None, slug=slug, name=f"Kecamatan {slug}", kind="kecamatan", province="Bali")


@pytest.mark.django_db(transaction=True)
def test_a_write_transaction_holds_the_writers_lock_until_it_commits():
    with transaction.atomic():
        _agency("kec-satu")
        assert _taken_by_someone()
    assert not _taken_by_someone()
    assert Agency.objects.filter(slug="kec-satu").exists()


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_transaction_lets_the_next_writer_in():
    with pytest.raises(ValueError), transaction.atomic():
        _agency("kec-dua")
        raise ValueError("the officer's input was refused")
    assert not _taken_by_someone()
    assert not Agency.objects.filter(slug="kec-dua").exists()


@pytest.mark.django_db(transaction=True)
def test_a_writer_kept_out_past_the_busy_timeout_fails_as_a_busy_database(monkeypatch):
    connection.ensure_connection()
    monkeypatch.setitem(connection.settings_dict["OPTIONS"], "timeout", 0.2)
    holder = os.open(_lock_path(), os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(holder, fcntl.LOCK_EX)
    try:
        with pytest.raises(OperationalError) as refused, transaction.atomic():
            _agency("kec-tiga")
    finally:
        fcntl.flock(holder, fcntl.LOCK_UN)
        os.close(holder)

    assert is_database_busy(refused.value)  # answered with a 503 and Retry-After
    _agency("kec-tiga")  # once the lock is free, the same write goes through
    assert Agency.objects.filter(slug="kec-tiga").count() == 1
