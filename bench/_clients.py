"""Concurrent clients for the intake benchmarks: N forked processes (or threads for HTTP) that
repeat one unit of work until a common deadline. No Django here: the peer's virtualenv imports it
as well as the project's."""

from __future__ import annotations

import multiprocessing
import statistics
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

# A work unit raises on failure; the error's text is kept (the first few) for the report.
Work = Callable[[int, int], None]


def _loop(client: int, work: Work, start_at: float, stop_at: float) -> dict[str, Any]:
    latencies: list[float] = []
    errors: list[str] = []
    failed = 0
    while time.time() < start_at:
        time.sleep(0.001)
    n = 0
    began = time.perf_counter()
    while time.time() < stop_at:
        t = time.perf_counter()
        try:
            work(client, n)
        except Exception as exc:
            failed += 1
            if len(errors) < 3:
                errors.append(f"{type(exc).__name__}: {exc}"[:300])
        else:
            latencies.append(time.perf_counter() - t)
        n += 1
    return {
        "latencies": latencies,
        "failed": failed,
        "errors": errors,
        "elapsed": time.perf_counter() - began,
    }


def _child(client: int, work: Work, before: Callable[[], None] | None, start_at: float, stop_at: float,
           out: Any) -> None:  # fmt: skip
    try:
        if before is not None:
            before()
        out.send(_loop(client, work, start_at, stop_at))
    except BaseException:
        out.send({"latencies": [], "failed": 1, "errors": [traceback.format_exc()[-300:]], "elapsed": 0.0})
    finally:
        out.close()


def run_processes(clients: int, seconds: float, work: Work, before: Callable[[], None] | None = None) -> dict:
    """``clients`` forked processes, each running ``before`` (close inherited connections) and
    then ``work`` until the deadline. Forking keeps the parent's warm imports and caches."""
    context = multiprocessing.get_context("fork")
    start_at = time.time() + 0.5 + 0.05 * clients  # every child is forked and waiting by then
    stop_at = start_at + seconds
    pipes, procs = [], []
    for client in range(clients):
        receive, send = context.Pipe(duplex=False)
        proc = context.Process(target=_child, args=(client, work, before, start_at, stop_at, send))
        proc.start()
        send.close()
        pipes.append(receive)
        procs.append(proc)
    results = [pipe.recv() for pipe in pipes]
    for proc in procs:
        proc.join()
    return summarise(results, seconds)


def run_threads(clients: int, seconds: float, work: Work) -> dict:
    """``clients`` threads in this process (HTTP clients: they wait on sockets, not the GIL)."""
    start_at = time.time() + 0.2
    stop_at = start_at + seconds
    results: list[dict] = [{}] * clients

    def target(client: int) -> None:
        results[client] = _loop(client, work, start_at, stop_at)

    threads = [threading.Thread(target=target, args=(c,)) for c in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return summarise(results, seconds)


def summarise(results: list[dict], seconds: float) -> dict:
    latencies = sorted(x for r in results for x in r["latencies"])
    done = len(latencies)
    # The last unit of each client may end after the deadline: divide by the longest client's time.
    elapsed = max([r["elapsed"] for r in results] + [seconds])
    return {
        "done": done,
        "failed": sum(r["failed"] for r in results),
        "errors": [e for r in results for e in r["errors"]][:3],
        "rate": done / elapsed,
        "p50_ms": 1000 * statistics.median(latencies) if latencies else None,
        "p99_ms": 1000 * latencies[min(done - 1, int(0.99 * done))] if latencies else None,
    }
