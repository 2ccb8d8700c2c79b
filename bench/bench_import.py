"""Import 1,000 text documents and report documents per second (one core, no database).

Run: .venv/bin/python bench/bench_import.py [--documents 1000] [--runs 5]
The documents are the seeds beside the repository (when present) and the test corpus, each copy
varied a little so no two inputs are identical.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pelayan.lib.importer import parse_services  # noqa: E402
from tests.lib.importer import corpus  # noqa: E402


def documents(count: int) -> list[tuple[bytes, str]]:
    base: list[tuple[bytes, str]] = []
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        base.extend((p.read_bytes(), p.name) for p in sorted(seeds.glob("*.txt")))
    for name in ("text_typos", "text_multi_service", "text_missing", "markdown_headings", "html_rsud"):
        base.append(corpus.ALL[name]())
    out = []
    for i in range(count):
        data, name = base[i % len(base)]
        out.append((data.replace(b"Pelayanan", f"Pelayanan {i % 97}".encode(), 1), name))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    docs = documents(args.documents)
    size = sum(len(d) for d, _ in docs)
    parse_services(*docs[0])  # warm regex caches
    wall_rates, cpu_rates = [], []
    for run in range(args.runs):
        # CPU time of this process is what one core delivers, whatever else shares the machine.
        start, cpu_start = time.perf_counter(), time.process_time()
        services = 0
        for data, name in docs:
            services += len(parse_services(data, name))
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        wall_rates.append(len(docs) / wall)
        cpu_rates.append(len(docs) / cpu)
        print(
            f"run {run + 1}: {len(docs)} documents ({services} services, {size / 1e6:.1f} MB): "
            f"wall {wall:.2f} s = {wall_rates[-1]:.0f} docs/s, cpu {cpu:.2f} s = {cpu_rates[-1]:.0f} docs/s"
        )
    print(
        f"median: {statistics.median(cpu_rates):.0f} documents/second of one core's CPU time "
        f"({statistics.median(wall_rates):.0f} by wall clock)"
    )


if __name__ == "__main__":
    main()
