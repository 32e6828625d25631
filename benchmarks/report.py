"""Print the latest result of each benchmark as Markdown, for BENCHMARKS.md.

``python -m benchmarks.report [--results FILE] [NAME ...]``

The results file keeps every run (see ``common.record``); this takes the newest record
of each named benchmark (all when none are named) and flattens its metrics into tables:
latency series (dicts with ``p50_ms``) become one row each, other numbers become
``key = value`` lines. It reads what the benchmarks wrote and computes nothing, so the
figures pasted into BENCHMARKS.md are the measured ones.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .common import RESULTS

_LAT = ("n", "p50_ms", "p95_ms", "p99_ms", "max_ms")


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:,.1f}" if abs(v) >= 10 else f"{v:.3g}"
    if isinstance(v, int) and not isinstance(v, bool):
        return f"{v:,}"
    return str(v)


def _walk(prefix: str, obj: Any, lat: list[tuple[str, dict]], flat: list[tuple[str, Any]]) -> None:
    if isinstance(obj, dict):
        if "p50_ms" in obj:
            lat.append((prefix, obj))
            rest = {k: v for k, v in obj.items() if k not in _LAT and k != "mean_ms"}
            for k, v in rest.items():
                _walk(f"{prefix} / {k}", v, lat, flat)
            return
        for k, v in obj.items():
            _walk(f"{prefix} / {k}" if prefix else str(k), v, lat, flat)
    elif isinstance(obj, list):
        if all(not isinstance(x, (dict, list)) for x in obj):
            flat.append((prefix, ", ".join(_fmt(x) for x in obj)))
        else:
            for i, v in enumerate(obj):
                _walk(f"{prefix}[{i}]", v, lat, flat)
    else:
        flat.append((prefix, obj))


def render(record: dict) -> str:
    """One benchmark record as Markdown (a heading, its parameters, its figures)."""
    out = [f"### {record['benchmark']} ({record['at']}, git {record['machine'].get('git', '?')})", ""]
    out.append("params: " + ", ".join(f"{k}={_fmt(v)}" for k, v in record.get("params", {}).items()))
    out.append("")
    lat: list[tuple[str, dict]] = []
    flat: list[tuple[str, Any]] = []
    _walk("", record.get("metrics", {}), lat, flat)
    if lat:
        out += ["| series | n | p50 ms | p95 ms | p99 ms | max ms |", "|---|---:|---:|---:|---:|---:|"]
        out += [f"| {k} | " + " | ".join(_fmt(s.get(c, "")) for c in _LAT) + " |" for k, s in lat]
        out.append("")
    if flat:
        out += ["| figure | value |", "|---|---:|"]
        out += [f"| {k} | {_fmt(v)} |" for k, v in flat]
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.report", description=__doc__.split("\n\n")[0])
    p.add_argument("names", nargs="*", help="benchmarks to print (default: every one in the file)")
    p.add_argument("--results", type=Path, default=RESULTS, help=f"results file (default {RESULTS})")
    opts = p.parse_args(argv)
    try:
        records = json.loads(opts.results.read_text())
    except FileNotFoundError:
        print(f"error: {opts.results}: no results yet; run `python -m benchmarks` first", file=sys.stderr)
        return 2
    except json.JSONDecodeError as exc:
        print(f"error: {opts.results}: not JSON ({exc})", file=sys.stderr)
        return 2
    latest: dict[str, dict] = {}
    for r in records:
        latest[r["benchmark"]] = r  # the file is in run order: the last one wins
    names = opts.names or list(latest)
    missing = [n for n in names if n not in latest]
    if missing:
        print(f"error: {opts.results}: no results for {', '.join(missing)}", file=sys.stderr)
        return 2
    print(f"machine: {json.dumps(latest[names[0]]['machine'])}\n")
    for n in names:
        print(render(latest[n]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
