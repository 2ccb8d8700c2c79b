"""SQLite with its writers queued by the operating system.

SQLite lets one writer in at a time. A writer that finds the database locked waits in SQLite's
busy handler, which sleeps 1, 2, 5, 10 … up to 100 ms between tries and has no queue: under a
burst (eight website complaints at once, a kiosk and the WhatsApp webhook together) the writers
that arrived first can sleep past the lock being free again and again, until the busy timeout
turns them into "database is locked" — a citizen told to retry. Here each write transaction
first takes an exclusive ``flock`` on a file next to the database, tried every half millisecond
to 4 ms, so the next writer goes in almost as soon as the last one commits; SQLite's own lock
stays the guard of the data (the file lock only orders the waiting). It is taken where Django
starts a transaction (``atomic``: ``BEGIN IMMEDIATE``) and dropped at commit, rollback or close.
The wait has the same bound as SQLite's (the busy timeout) and fails the same way, so
``config.busy`` answers it with a 503. In-memory databases have no file and are left alone.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import time
from typing import Any

from django.db.backends.sqlite3 import base, creation
from django.db.utils import OperationalError

logger = logging.getLogger(__name__)

_FIRST_PAUSE = 0.0005
_LONGEST_PAUSE = 0.004


def writers_lock_path(database: Any) -> str:
    return f"{database}-writers.lock"


class DatabaseCreation(creation.DatabaseCreation):
    def _destroy_test_db(self, test_database_name: Any, verbosity: int) -> None:
        super()._destroy_test_db(test_database_name, verbosity)
        if test_database_name and not self.is_in_memory_db(test_database_name):
            with contextlib.suppress(FileNotFoundError):
                os.remove(writers_lock_path(test_database_name))


class DatabaseWrapper(base.DatabaseWrapper):
    creation_class = DatabaseCreation

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._writer_fd: int | None = None
        self._writer_locked = False
        # In memory, or the file could not be made: SQLite's own waiting applies, said once.
        self._without_writer_lock = False

    def _writer_lock_file(self) -> int | None:
        if self._writer_fd is None and not self._without_writer_lock:
            if self.is_in_memory_db():
                self._without_writer_lock = True
                return None
            path = writers_lock_path(self.settings_dict["NAME"])
            try:
                self._writer_fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError:
                self._without_writer_lock = True
                logger.warning("cannot open %s; writers wait in SQLite's busy handler", path)
        return self._writer_fd

    def _busy_timeout(self) -> float:
        return float(self.settings_dict.get("OPTIONS", {}).get("timeout", 5))

    def _acquire_writer_lock(self) -> None:
        fd = self._writer_lock_file()
        if fd is None or self._writer_locked:
            return
        deadline = time.monotonic() + self._busy_timeout()
        pause = _FIRST_PAUSE
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise OperationalError("database is locked") from None
                time.sleep(pause)
                pause = min(pause * 2, _LONGEST_PAUSE)
            else:
                self._writer_locked = True
                return

    def _release_writer_lock(self) -> None:
        if self._writer_locked and self._writer_fd is not None:
            fcntl.flock(self._writer_fd, fcntl.LOCK_UN)
        self._writer_locked = False

    def _start_transaction_under_autocommit(self) -> None:
        self._acquire_writer_lock()
        try:
            super()._start_transaction_under_autocommit()
        except BaseException:
            self._release_writer_lock()
            raise

    def _commit(self) -> None:
        try:
            super()._commit()
        finally:
            self._release_writer_lock()

    def _rollback(self) -> None:
        try:
            super()._rollback()
        finally:
            self._release_writer_lock()

    def _close(self) -> None:
        try:
            super()._close()
        finally:
            self._release_writer_lock()
            if self._writer_fd is not None:
                os.close(self._writer_fd)
                self._writer_fd = None
