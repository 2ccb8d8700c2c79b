"""pelayan worker [--iterations N | --once] [--interval SECONDS] [--batch-size N]

Runs the tasks queued in the database (django-tasks-db) and queues the periodic ones
(scheduling.schedule) when they are due. SIGINT or SIGTERM lets the task in hand finish, then the
worker exits with status 0; a second signal stops it at once.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import OperationalError
from django.utils.crypto import get_random_string
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, DEFAULT_TASK_QUEUE_NAME, task_backends
from django_tasks_db import DatabaseBackend
from django_tasks_db.management.commands.db_worker import Worker

from scheduling.schedule import Periodic, periodic_tasks
from scheduling.services import periodic_task_enqueue

logger = logging.getLogger("pelayan.worker")

_SIGNALS = (signal.SIGINT, signal.SIGTERM)
# A timed wait may return a hair before the moment it waited for; such a wake counts as on time
# rather than costing a whole further wait.
_EARLY_WAKE = 0.01


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


class Loop:
    """One pass: queue the periodic tasks that are due, run up to ``batch_size`` ready tasks, then
    wait ``interval`` seconds unless tasks are still waiting."""

    def __init__(self, *, schedule: list[Periodic], interval: float, batch_size: int, worker_id: str) -> None:
        self.schedule = schedule
        self.interval = interval
        self.batch_size = batch_size
        self.worker_id = worker_id
        # Monotonic moments, so a change of the system clock neither skips nor repeats a sweep.
        self.next_due = [time.monotonic()] * len(schedule)
        self.stopping = False
        self.wake = threading.Event()
        self.worker: Worker | None = None

    def stop(self) -> None:
        self.stopping = True
        if self.worker is not None:
            # The django-tasks-db worker checks this flag between tasks.
            self.worker.running = False
        self.wake.set()

    def queue_due(self) -> None:
        now = time.monotonic()
        for position, periodic in enumerate(self.schedule):
            if now + _EARLY_WAKE < self.next_due[position]:
                continue
            try:
                result = periodic_task_enqueue(task=periodic.task)
            except OperationalError as exc:
                # A busy or briefly unreachable database must not end the worker: the task stays
                # due and is queued on a later pass.
                logger.warning("could not queue %s: %s", periodic.task.module_path, exc)
                continue
            if result is None:
                logger.info("%s is still pending; not queued again", periodic.task.module_path)
            else:
                logger.info("queued %s (id=%s)", periodic.task.module_path, result.id)
            self.next_due[position] = now + periodic.every.total_seconds()

    def run_ready(self) -> bool:
        """Run ready tasks; returns whether the queue was drained."""
        if self.stopping:
            return True
        self.worker = Worker(
            queue_names=[DEFAULT_TASK_QUEUE_NAME],
            interval=0,
            batch=True,
            backend_name=DEFAULT_TASK_BACKEND_ALIAS,
            startup_delay=False,
            max_tasks=self.batch_size,
            worker_id=self.worker_id,
            excluded_queue_names=[],
        )
        try:
            self.worker.run()
            # django-tasks-db 0.13 counts the tasks it ran only in this attribute.
            return self.worker._run_tasks < self.batch_size
        finally:
            self.worker = None

    def run(self, iterations: int | None) -> int:
        done = 0
        while not self.stopping and (iterations is None or done < iterations):
            self.queue_due()
            drained = self.run_ready()
            done += 1
            last = iterations is not None and done >= iterations
            if drained and not last and not self.stopping:
                self.wake.wait(self._seconds_to_wait())
                self.wake.clear()
        return done

    def _seconds_to_wait(self) -> float:
        # Wake for the next periodic task if it falls due before the next poll.
        until_due = min((due - time.monotonic() for due in self.next_due), default=self.interval)
        return max(0.0, min(self.interval, until_due))


class Command(BaseCommand):
    help = (
        "Jalankan tugas latar dari antrean basis data dan antrekan tugas berkala (sapuan SLA). "
        "Run queued background tasks and queue the periodic ones (the SLA sweep)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--iterations",
            type=_positive_int,
            default=None,
            help="stop after this many passes (default: run until SIGINT/SIGTERM)",
        )
        parser.add_argument("--once", action="store_true", help="one pass, then exit (--iterations 1)")
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="seconds to wait for new tasks when the queue is empty (default: 1)",
        )
        parser.add_argument(
            "--batch-size",
            type=_positive_int,
            default=100,
            help="tasks run per pass before the schedule is looked at again (default: 100)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
        if not isinstance(backend, DatabaseBackend):
            raise CommandError(
                "pelayan worker needs the database tasks backend; PELAYAN_TASKS_BACKEND is "
                f"{type(backend).__module__}.{type(backend).__name__} (docs/configuration.md)."
            )
        if options["interval"] < 0:
            raise CommandError("--interval must be zero or more")
        iterations = 1 if options["once"] else options["iterations"]
        loop = Loop(
            schedule=periodic_tasks(),
            interval=options["interval"],
            batch_size=options["batch_size"],
            worker_id=get_random_string(32),
        )
        self._configure_logging(options["verbosity"])

        def on_signal(signum: int, frame: FrameType | None) -> None:
            if loop.stopping:
                logger.warning("%s again: stopping now", signal.strsignal(signum))
                raise SystemExit(1)
            logger.warning("%s: finishing the task in hand, then stopping", signal.strsignal(signum))
            loop.stop()

        previous = {signum: signal.signal(signum, on_signal) for signum in _SIGNALS}
        try:
            logger.info(
                "worker %s started; %s",
                loop.worker_id,
                ", ".join(f"{p.task.module_path} every {p.every.total_seconds():g} s" for p in loop.schedule),
            )
            passes = loop.run(iterations)
            logger.info("worker %s stopped after %d pass(es)", loop.worker_id, passes)
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)

    def _configure_logging(self, verbosity: int) -> None:
        level = {0: logging.WARNING, 1: logging.INFO}.get(verbosity, logging.DEBUG)
        logging.getLogger("pelayan.worker").setLevel(level)
        logging.getLogger("django_tasks").setLevel(level)
        # django-tasks-db announces every pass ("Starting worker", "No more tasks"): only from -v 2.
        logging.getLogger("django_tasks_db").setLevel(level if verbosity > 1 else logging.WARNING)
