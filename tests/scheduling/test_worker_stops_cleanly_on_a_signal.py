"""SIGINT or SIGTERM ends `pelayan worker` after the task in hand, returning normally."""

import os
import signal
import threading
import time

import pytest
from django.core.management import call_command


def send_once_the_worker_listens(signum: int) -> threading.Thread:
    before = signal.getsignal(signum)

    def send() -> None:
        # Sending before the worker has its handler in place would end the test process itself.
        deadline = time.monotonic() + 10
        while signal.getsignal(signum) is before:
            if time.monotonic() > deadline:
                return
            time.sleep(0.01)
        time.sleep(0.2)
        os.kill(os.getpid(), signum)

    thread = threading.Thread(target=send, daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_the_worker_stops_cleanly_on_a_signal(database_tasks, signum):
    before = signal.getsignal(signum)
    sender = send_once_the_worker_listens(signum)
    started = time.monotonic()
    # Without the signal these passes would take about a minute.
    call_command("worker", "--iterations", "60", "--interval", "1", verbosity=0)
    assert time.monotonic() - started < 5
    sender.join(timeout=1)
    assert signal.getsignal(signum) is before
