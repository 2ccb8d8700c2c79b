"""Time and peak memory of the importer on each abusive upload (tests/lib/importer/abuse.py).

Run: .venv/bin/python bench/bench_import_abuse.py [--runs 3] [--inline]
Each case goes through the bounded parse (pelayan.lib.importer.sandbox), as uploads and the
command do; the figures are the median and worst wall time of the parse (child start included), the peak
resident memory of the child that parsed it, and how much the calling process grew. --inline
parses in the calling process instead (no time or memory fence). Every case runs in a fresh
process so peaks do not mix.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pelayan.lib.importer import DocumentError, parse_services  # noqa: E402
from pelayan.lib.importer.sandbox import parse_services_bounded  # noqa: E402
from tests.lib.importer import abuse  # noqa: E402


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def _outcome(parse, data: bytes, name: str) -> str:
    try:
        parse(data, name)
    except DocumentError as exc:
        return f"{type(exc).__name__} {getattr(exc, 'limit', '')}".strip()
    return "accepted"


def bounded_one(case: str, runs: int) -> None:
    data, name = abuse.ALL[case]()
    times = []
    caller_before = _peak_mb(resource.RUSAGE_SELF)
    for _ in range(runs):
        start = time.perf_counter()
        outcome = _outcome(parse_services_bounded, data, name)
        times.append(time.perf_counter() - start)
    # This process runs one case, so the largest child is this case's parse.
    child = _peak_mb(resource.RUSAGE_CHILDREN)
    grown = _peak_mb(resource.RUSAGE_SELF) - caller_before
    print(
        f"{case:<20} {len(data) / 1024:>7.0f}KB {statistics.median(times):>9.2f} {max(times):>7.2f} "
        f"{child:>9.0f} {grown:>10.0f}  {outcome}",
        flush=True,
    )


def bounded(runs: int) -> None:
    print(
        f"{'case':<20} {'input':>9} {'median s':>9} {'max s':>7} {'child MB':>9} {'caller +MB':>10}  outcome"
    )
    for case in abuse.ALL:
        subprocess.run([sys.executable, __file__, "--one", case, "--runs", str(runs)], check=False)  # noqa: S603


def inline_one(case: str) -> None:
    data, name = abuse.ALL[case]()
    before = _peak_mb(resource.RUSAGE_SELF)
    start = time.perf_counter()
    outcome = _outcome(parse_services, data, name)
    print(
        f"{case:<20} {time.perf_counter() - start:>9.2f} {_peak_mb(resource.RUSAGE_SELF) - before:>10.0f}  {outcome}"
    )


def inline() -> None:
    print(f"{'case':<20} {'s':>9} {'peak +MB':>10}  outcome (in process, no fence)")
    for case in abuse.ALL:
        subprocess.run([sys.executable, __file__, "--one", case, "--inline"], check=False)  # noqa: S603


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--inline", action="store_true")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one and args.inline:
        inline_one(args.one)
    elif args.one:
        bounded_one(args.one, args.runs)
    elif args.inline:
        inline()
    else:
        bounded(args.runs)


if __name__ == "__main__":
    main()
