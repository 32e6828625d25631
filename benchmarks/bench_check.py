"""check: do generated minutes extract as generated? Counts per field, extracted vs
intended, over a spread of documents of both styles (not a timing)."""

from __future__ import annotations

from typing import Any

from . import common as C
from .generate import COUNT_KEYS, check, corpus, print_check, scale


def run(opts: Any) -> dict:
    c = corpus(opts.seed, opts.meetings_per_board)
    files = c.ensure(scale(1000, opts.meetings_per_board))
    picked = files[:: max(1, len(files) // 200)][:200]
    rows = check(picked, c)
    metrics: dict[str, Any] = {}
    for style in ("assurance", "governance"):
        sub = [r for r in rows if style in r["file"]]
        C.console.print(f"[bold]{style}[/bold]")
        print_check(sub)
        metrics[style] = {k: {"extracted": sum(r["got"][k] for r in sub), "intended": sum(r["truth"][k] for r in sub),
                              "docs_exact": sum(r["got"][k] == r["truth"][k] for r in sub)} for k in COUNT_KEYS}
        metrics[style]["documents"] = len(sub)
    C.record("check", {"documents": len(rows), "seed": opts.seed}, metrics)
    return metrics
