"""Run benchmarks: ``python -m benchmarks [names...]`` (all when none are named).

Not part of the test suite. Each benchmark prints a table and appends its figures to
the results file (default ~/.cache/govgraph/bench-results.json). See BENCHMARKS.md.

    python -m benchmarks extract
    python -m benchmarks ingest --scale 1000      # quick: 100 and 1k meetings only
    python -m benchmarks ingest queries           # up to 10k meetings (takes a while)
"""

from __future__ import annotations

import argparse
import faulthandler
import importlib
import os
import sys
import time

NAMES = {
    "check": "benchmarks.bench_check",  # generated minutes vs the extractor (counts)
    "extract": "benchmarks.bench_extract",
    "ingest": "benchmarks.bench_ingest",
    "writes": "benchmarks.bench_writes",
    "queries": "benchmarks.bench_queries",
    "prototypes": "benchmarks.prototypes",  # proposed changes, measured against the current code
    "api": "benchmarks.bench_api",
    "viz": "benchmarks.bench_viz",
}
# ``writes`` empties the benchmarks' Neo4j, so it runs after what reuses the loaded stores.
DEFAULT = ["check", "extract", "ingest", "queries", "prototypes", "api", "viz", "writes"]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    p.add_argument("names", nargs="*", metavar="NAME",
                   help=f"benchmarks to run, of: {', '.join(NAMES)} (default: all, in that order)")
    p.add_argument("--scale", type=int, default=10_000, choices=[100, 1000, 10_000],
                   help="largest corpus in meetings (1000 for a quick run)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--meetings-per-board", type=int, default=50)
    p.add_argument("--extract-docs", type=int, default=1000)
    p.add_argument("--stores", default="embedded,neo4j", help="stores to benchmark (comma-separated)")
    p.add_argument("--budget", type=float, default=30.0, help="seconds per query-latency series")
    p.add_argument("--profile", action="store_true", help="print cProfile tops where a benchmark supports it")
    p.add_argument("--per-doc-limit", type=int, default=100,
                   help="largest scale at which the embedded store's per-document saves are measured")
    opts = p.parse_args(argv)
    unknown = [n for n in opts.names if n not in NAMES]
    if unknown:
        p.error(f"unknown benchmark(s) {', '.join(unknown)}; choose from {', '.join(NAMES)}")
    opts.stores = [s.strip() for s in opts.stores.split(",") if s.strip()]
    from . import common as C

    if os.environ.get("GOVGRAPH_BENCH_WATCHDOG"):  # print every thread's stack every N s (hunting hangs)
        faulthandler.dump_traceback_later(float(os.environ["GOVGRAPH_BENCH_WATCHDOG"]), repeat=True)

    C.console.print(f"[bold]machine[/bold] {C.machine()}  results -> {C.RESULTS}")
    for name in opts.names or DEFAULT:
        mod = importlib.import_module(NAMES[name])
        t = time.perf_counter()
        C.console.rule(f"[bold]{name}[/bold]")
        mod.run(opts)
        C.console.print(f"[dim]{name}: {time.perf_counter() - t:.0f} s[/dim]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
