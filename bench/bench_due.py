"""Due-date computations per second on one core.

Random aware start moments over 2025-2027 and random time limits up to 60 working days, computed
with the default calendar (WIB, national holidays and cuti bersama). Prints the median of several
runs for the full mix and for each kind of limit, so it shows that the cost does not grow with the
size of the limit.

    .venv/bin/python bench/bench_due.py [--n 200000] [--runs 5] [--seed 2026]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pelayan.lib.durations import Duration, Unit
from pelayan.lib.workcal import Calendar

TARGET_PER_SECOND = 100_000
ZONE = ZoneInfo("Asia/Jakarta")


def random_starts(rng: random.Random, n: int) -> list[datetime]:
    base = datetime(2025, 1, 1, tzinfo=ZONE)
    span = 3 * 365 * 86_400
    return [
        base + timedelta(seconds=rng.randrange(span), microseconds=rng.randrange(1_000_000)) for _ in range(n)
    ]


def random_limits(
    rng: random.Random, n: int, kinds: Sequence[Callable[[random.Random], Duration]]
) -> list[Duration]:
    return [rng.choice(kinds)(rng) for _ in range(n)]


KINDS: dict[str, Callable[[random.Random], Duration]] = {
    "minutes (1-60)": lambda rng: Duration(rng.randint(1, 60), Unit.MINUTE),
    "hours (1-450 = 60 days of office time)": lambda rng: Duration(rng.randint(1, 450), Unit.HOUR),
    "1 hari kerja": lambda rng: Duration(1, Unit.WORKING_DAY),
    "60 hari kerja": lambda rng: Duration(60, Unit.WORKING_DAY),
    "1-60 hari kerja": lambda rng: Duration(rng.randint(1, 60), Unit.WORKING_DAY),
    "1-60 hari kalender": lambda rng: Duration(rng.randint(1, 60), Unit.CALENDAR_DAY),
}
MIX = [KINDS["minutes (1-60)"], KINDS["hours (1-450 = 60 days of office time)"], KINDS["1-60 hari kerja"]]


def rate(calendar: Calendar, starts: list[datetime], limits: list[Duration]) -> float:
    add = calendar.add
    began = time.perf_counter()
    for start, limit in zip(starts, limits, strict=True):
        add(start, limit)
    return len(starts) / (time.perf_counter() - began)


def median_rate(calendar: Calendar, starts: list[datetime], limits: list[Duration], runs: int) -> float:
    return statistics.median(rate(calendar, starts, limits) for _ in range(runs))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200_000, help="computations per run")
    parser.add_argument("--runs", type=int, default=5, help="runs; the median is reported")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)

    calendar = Calendar()
    began = time.perf_counter()
    calendar.add(datetime(2026, 1, 1, tzinfo=ZONE), Duration(1, Unit.MINUTE))
    first_call_ms = (time.perf_counter() - began) * 1000

    starts = random_starts(rng, args.n)
    mix = random_limits(rng, args.n, MIX)
    rate(calendar, starts[: min(args.n, 20_000)], mix[: min(args.n, 20_000)])  # precompute every year used

    print(f"bench_due: n={args.n} per run, median of {args.runs} runs, Python {sys.version.split()[0]}")
    print(f"first call (precomputes three years of calendar): {first_call_ms:.1f} ms")
    overall = median_rate(calendar, starts, mix, args.runs)
    print(f"{'mix of minutes, hours and 1-60 hari kerja':<45} {overall:>12,.0f} /s")
    for name, kind in KINDS.items():
        limits = random_limits(rng, args.n, [kind])
        print(f"{name:<45} {median_rate(calendar, starts, limits, args.runs):>12,.0f} /s")
    verdict = "meets" if overall >= TARGET_PER_SECOND else "MISSES"
    print(f"target {TARGET_PER_SECOND:,}/s on one core: {verdict}")
    return 0 if overall >= TARGET_PER_SECOND else 1


if __name__ == "__main__":
    raise SystemExit(main())
