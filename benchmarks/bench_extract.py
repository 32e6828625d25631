"""extract: documents/s and MB/s of the extractor on one core, on generated ~10 KB minutes.

Texts are read (and decoded) before the clock starts; what is timed is
``extract_text`` alone, then read + extract (``read_document`` + ``extract_document``)
for the same files. The process is pinned to one CPU.
"""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import time
from typing import Any

from . import common as C
from .generate import corpus, scale

TARGET_DOCS_PER_S = 200


def run(opts: Any) -> dict:
    from govgraph.ingest.extract.pipeline import extract_document, extract_text
    from govgraph.ingest.readers import read_document

    n = min(opts.extract_docs, 10_000)
    c = corpus(opts.seed, opts.meetings_per_board)
    files = c.ensure(scale(n, opts.meetings_per_board))[:n]
    texts = [f.read_text(encoding="utf-8") for f in files]
    size = sum(len(t.encode()) for t in texts)
    with _one_core():
        for t in texts[:5]:
            extract_text(t)  # warm-up: regex compilation, imports
        by_style: dict[str, list[float]] = {"assurance": [], "governance": []}
        c0 = time.process_time()
        t0 = time.perf_counter()
        for f, t in zip(files, texts, strict=True):
            s = time.perf_counter()
            extract_text(t, source=str(f))
            by_style["assurance" if "assurance" in f.name else "governance"].append(time.perf_counter() - s)
        extract_s = time.perf_counter() - t0
        extract_cpu_s = time.process_time() - c0
        t0 = time.perf_counter()
        for f in files:
            extract_document(read_document(f))
        read_extract_s = time.perf_counter() - t0
        prof = _profile(texts[: min(200, n)], extract_text) if opts.profile else None

    m = {
        "documents": n, "mb": size / 1e6, "kb_per_doc": size / n / 1024,
        "extract_s": extract_s, "docs_per_s": n / extract_s, "mb_per_s": size / 1e6 / extract_s,
        # per CPU second of this process: what one core does when the machine is busy with
        # other work too (wall-clock figures then fall, CPU-time ones do not)
        "cpu_s": extract_cpu_s, "docs_per_cpu_s": n / extract_cpu_s, "cpu_share": extract_cpu_s / extract_s,
        "read_extract_docs_per_s": n / read_extract_s,
        "assurance_ms": C.latency_stats(by_style["assurance"]), "governance_ms": C.latency_stats(by_style["governance"]),
        "target_docs_per_s": TARGET_DOCS_PER_S,
    }
    C.table(f"extract: {n} generated documents ({m['kb_per_doc']:.1f} KB each), one core",
            ["measure", "value", "target", "vs target"],
            [["documents/s (extract_text)", m["docs_per_s"], TARGET_DOCS_PER_S, f"{m['docs_per_s'] / TARGET_DOCS_PER_S:.2f}x"],
             ["documents per CPU-second", m["docs_per_cpu_s"], TARGET_DOCS_PER_S,
              f"{m['docs_per_cpu_s'] / TARGET_DOCS_PER_S:.2f}x"],
             ["share of a core this process got", f"{m['cpu_share']:.0%}", None, None],
             ["MB/s", m["mb_per_s"], None, None],
             ["documents/s (read + extract)", m["read_extract_docs_per_s"], None, None],
             ["assurance doc p50 / p95 ms", f"{m['assurance_ms']['p50_ms']:.1f} / {m['assurance_ms']['p95_ms']:.1f}", None, None],
             ["governance doc p50 / p95 ms", f"{m['governance_ms']['p50_ms']:.1f} / {m['governance_ms']['p95_ms']:.1f}", None, None]])
    if prof:
        C.console.print(prof)
        m["profile_top"] = prof
    C.record("extract", {"documents": n, "seed": opts.seed}, m)
    return m


class _one_core:
    """Pin this process to one CPU while timing (restored afterwards)."""

    def __enter__(self) -> None:
        self.old = os.sched_getaffinity(0)
        os.sched_setaffinity(0, {min(self.old)})

    def __exit__(self, *exc: object) -> None:
        os.sched_setaffinity(0, self.old)


def _profile(texts: list[str], fn) -> str:
    pr = cProfile.Profile()
    pr.enable()
    for t in texts:
        fn(t)
    pr.disable()
    out = io.StringIO()
    pstats.Stats(pr, stream=out).sort_stats("cumulative").print_stats(25)
    return out.getvalue()
