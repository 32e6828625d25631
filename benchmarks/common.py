"""What every benchmark shares: the machine, timers and percentiles, rich tables, the
results file, and a Neo4j server of the benchmarks' own.

The Neo4j server is never one another engineer or a test session is using: the
benchmarks start their own (``scripts/neo4j_local.py`` with a separate run dir and
port, ``GOVGRAPH_BENCH_NEO4J_RUN_DIR`` / ``GOVGRAPH_BENCH_NEO4J_PORT``) unless
``GOVGRAPH_BENCH_NEO4J_URI`` names one explicitly, and they wipe it freely.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("GOVGRAPH_BENCH_CACHE", Path.home() / ".cache" / "govgraph"))
RESULTS = Path(os.environ.get("GOVGRAPH_BENCH_RESULTS", CACHE / "bench-results.json"))
console = Console(width=160)
logging.getLogger("neo4j").setLevel(logging.ERROR)  # schema-less reads warn about unknown labels

NEO4J_RUN_DIR = os.environ.get("GOVGRAPH_BENCH_NEO4J_RUN_DIR", "/tmp/bench-neo4j")
NEO4J_PORT = os.environ.get("GOVGRAPH_BENCH_NEO4J_PORT", "7697")
NEO4J_HEAP = os.environ.get("GOVGRAPH_BENCH_NEO4J_HEAP", "2g")
NEO4J_PAGECACHE = os.environ.get("GOVGRAPH_BENCH_NEO4J_PAGECACHE", "1g")
NEO4J_USER = "neo4j"
NEO4J_PASSWORD = os.environ.get("NEO4J_PASSWORD", "govgraph-test")


# -- machine -----------------------------------------------------------------------------
def machine() -> dict[str, Any]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = int(line.split()[1]) * 1024
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "memory_gb": round(mem / 2**30, 1), "cpu": cpu,
            "python": platform.python_version(), "platform": platform.platform(), "git": git_rev()}


def git_rev() -> str:
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                             timeout=5).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, timeout=5).stdout.strip()
        return rev + ("+dirty" if dirty else "")
    except (OSError, subprocess.SubprocessError):
        return "unknown"


# -- timing ------------------------------------------------------------------------------
def percentile(values: list[float], p: float) -> float:
    """Linear-interpolated percentile (p in 0..100) of a non-empty list."""
    if not values:
        return float("nan")
    xs = sorted(values)
    k = (len(xs) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def latency_stats(samples_s: list[float]) -> dict[str, float]:
    ms = [s * 1000 for s in samples_s]
    return {"n": len(ms), "p50_ms": percentile(ms, 50), "p95_ms": percentile(ms, 95), "p99_ms": percentile(ms, 99),
            "mean_ms": statistics.fmean(ms) if ms else float("nan"), "max_ms": max(ms) if ms else float("nan")}


def sample_calls(fn: Callable[[Any], Any], args: list[Any], budget_s: float, warmup: int = 3) -> list[float]:
    """Time ``fn(a)`` for each ``a`` (after a short warm-up), stopping when the budget is spent."""
    for a in args[:warmup]:
        fn(a)
    out: list[float] = []
    deadline = time.perf_counter() + budget_s
    for a in args:
        t = time.perf_counter()
        fn(a)
        out.append(time.perf_counter() - t)
        if time.perf_counter() > deadline:
            break
    return out


@dataclass
class Phases:
    """Wall time per named phase, accumulated by wrapping functions."""

    seconds: dict[str, float] = field(default_factory=dict)
    cpu_seconds: dict[str, float] = field(default_factory=dict)  # this process's CPU: robust to a busy machine
    calls: dict[str, int] = field(default_factory=dict)

    def wrap(self, name: str, fn: Callable) -> Callable:
        def timed(*a: Any, **kw: Any) -> Any:
            t, c = time.perf_counter(), time.process_time()
            try:
                return fn(*a, **kw)
            finally:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - t
                self.cpu_seconds[name] = self.cpu_seconds.get(name, 0.0) + time.process_time() - c
                self.calls[name] = self.calls.get(name, 0) + 1
        return timed


@contextmanager
def patched(obj: Any, name: str, value: Any) -> Iterator[None]:
    old = getattr(obj, name)
    setattr(obj, name, value)
    try:
        yield
    finally:
        setattr(obj, name, old)


# -- output ------------------------------------------------------------------------------
def table(title: str, columns: list[str], rows: list[list[Any]]) -> None:
    t = Table(title=title, title_justify="left")
    for i, c in enumerate(columns):
        t.add_column(c, justify="left" if i == 0 else "right")
    for r in rows:
        t.add_row(*[fmt(x) for x in r])
    console.print(t)


def fmt(x: Any) -> str:
    if isinstance(x, float):
        if x != x:
            return "-"
        if abs(x) >= 1000:
            return f"{x:,.0f}"
        if abs(x) >= 10:
            return f"{x:.1f}"
        return f"{x:.2f}" if abs(x) >= 0.1 else f"{x:.3f}"
    if isinstance(x, int):
        return f"{x:,}"
    return "" if x is None else str(x)


def record(benchmark: str, params: dict[str, Any], metrics: Any, path: Path = RESULTS) -> None:
    """Append one result to the JSON results file (a list of records)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data: list = []
    if path.exists():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            data = []
    data.append({"benchmark": benchmark, "at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
                 "machine": machine(), "loadavg_at_end": os.getloadavg(), "params": params, "metrics": metrics})
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=1, default=str) + "\n", encoding="utf-8")
    os.replace(tmp, path)


# -- Neo4j -------------------------------------------------------------------------------
def _neo4j_env() -> dict[str, str]:
    return {**os.environ, "GOVGRAPH_NEO4J_RUN_DIR": NEO4J_RUN_DIR, "GOVGRAPH_NEO4J_BOLT_PORT": NEO4J_PORT,
            "GOVGRAPH_NEO4J_HEAP": NEO4J_HEAP, "GOVGRAPH_NEO4J_PAGECACHE": NEO4J_PAGECACHE,
            "NEO4J_PASSWORD": NEO4J_PASSWORD}


def _neo4j_local(cmd: str) -> str:
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "neo4j_local.py"), cmd], env=_neo4j_env(),
                       capture_output=True, text=True, timeout=300)
    if r.returncode != 0 and cmd != "status":
        raise RuntimeError(f"neo4j_local.py {cmd} failed: {r.stderr.strip()[-2000:]}")
    return r.stdout.strip() if r.returncode == 0 else ""


def neo4j_uri() -> str:
    """The benchmarks' Neo4j (started here if needed; never another engineer's)."""
    explicit = os.environ.get("GOVGRAPH_BENCH_NEO4J_URI")
    if explicit:
        return explicit
    return _neo4j_local("status") or _neo4j_local("start").splitlines()[-1].strip()


def neo4j_fresh() -> str:
    """An empty Neo4j: the benchmarks' own server reset (data deleted) and restarted."""
    if os.environ.get("GOVGRAPH_BENCH_NEO4J_URI"):
        from govgraph.graph.neo4j_store import Neo4jStore

        s = Neo4jStore(os.environ["GOVGRAPH_BENCH_NEO4J_URI"], NEO4J_USER, NEO4J_PASSWORD, setup_schema=False)
        with s.driver.session(database=s.database) as sess:
            sess.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()
            for name in [r["name"] for r in sess.run("SHOW CONSTRAINTS YIELD name RETURN name")]:
                sess.run(f"DROP CONSTRAINT `{name}`").consume()
            for name in [r["name"] for r in sess.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name")]:
                sess.run(f"DROP INDEX `{name}`").consume()
        s.close()
        return os.environ["GOVGRAPH_BENCH_NEO4J_URI"]
    _neo4j_local("reset")
    return _neo4j_local("start").splitlines()[-1].strip()


def neo4j_version(uri: str) -> str:
    from neo4j import GraphDatabase

    with GraphDatabase.driver(uri, auth=(NEO4J_USER, NEO4J_PASSWORD)) as d:
        rec = d.execute_query("CALL dbms.components() YIELD versions, edition RETURN versions[0] AS v, edition AS e")
        row = rec.records[0]
        return f"{row['v']} {row['e']}"


def neo4j_store(uri: str, setup_schema: bool = True):
    from govgraph.graph.neo4j_store import Neo4jStore

    return Neo4jStore(uri, NEO4J_USER, NEO4J_PASSWORD, setup_schema=setup_schema)
