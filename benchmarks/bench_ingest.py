"""ingest: documents/s and nodes+relationships/s loading 100, 1k and 10k generated
meetings into Neo4j and into the embedded store, end to end (``ingest_paths``: read,
extract, resolve, write), with the time of each phase, and the ratio per 10x (a
linear ingest keeps documents/s constant: ratio 1.0).

Side by side at 100 and 1k meetings (``--per-doc-limit``): the embedded store's
``bulk()`` (one save at the end) against a save after every document, both from the
same cached extractions (resolve + write only).
"""

from __future__ import annotations

import time
from typing import Any

from . import common as C
from .generate import corpus, scale
from .loading import (
    load_cached,
    load_paths,
    marker,
    open_embedded,
    set_neo4j_marker,
)

SCALES = [100, 1000, 10_000]
TARGET_ELEMENTS_PER_S = 20_000
TARGET_10K_S = 300


def run(opts: Any) -> dict:
    c = corpus(opts.seed, opts.meetings_per_board)
    scales = [n for n in SCALES if n <= opts.scale]
    results: dict[str, dict[int, dict]] = {}
    for kind in opts.stores:
        results[kind] = {}
        for n in scales:
            files = c.ensure(scale(n, opts.meetings_per_board))[:n]
            if kind == "embedded":
                store = open_embedded(n, fresh=True)
                m = load_paths(store, c, files, bulk=True)
                (store.data_dir / "bench-marker.txt").write_text(marker(c, n))
            else:
                uri = C.neo4j_fresh()
                store = C.neo4j_store(uri)
                warm_up(store, opts.seed)
                m = load_paths(store, c, files, bulk=False)
                set_neo4j_marker(store, marker(c, n))
                m["neo4j"] = C.neo4j_version(uri)
            m["nodes"], m["rels"] = store.count(), store.count_rels()
            store.close()
            _derive(m, n)
            results[kind][n] = m
            C.console.print(f"[dim]{kind} {n}: {m['wall_s']:.1f} s, {m['docs_per_s']:.1f} docs/s[/dim]")
        _print(kind, results[kind])
    side = _bulk_vs_per_doc(opts, c) if "embedded" in opts.stores else {}
    out = {"scales": results, "embedded_bulk_vs_per_doc": side}
    C.record("ingest", {"scales": scales, "seed": opts.seed, "meetings_per_board": opts.meetings_per_board}, out)
    return out


def warm_up(store: Any, seed: int, docs: int = 40) -> None:
    """Write and delete documents of a board outside every measured corpus, so that a
    freshly started server's JIT and query plans are warm before the clock starts (a
    long load is dominated by the warm server; a cold start is reported separately)."""
    from govgraph.ingest.resolve import resolve

    from .generate import render_board

    _, _, _, truths = render_board(seed + 1000, 1, docs)
    for i, t in enumerate(truths):
        t["document"] = {"source": f"warm-up-{i}", "format": "txt"}  # sha256 from the content
        store.write(resolve(t, "2024-01-01T00:00:00+00:00"))
    with store.driver.session(database=store.database) as s:
        s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()


def _derive(m: dict, n: int) -> None:
    ph = m["phases_s"]
    m["documents"] = n
    m["docs_per_s"] = n / m["wall_s"]
    m["elements_per_s"] = m["elements_written"] / m["wall_s"]
    store_s = ph.get("write", 0.0) + ph.get("lookup", 0.0)
    m["store_s"] = store_s
    m["store_elements_per_s"] = m["elements_written"] / store_s if store_s else float("nan")
    m["per_doc_ms"] = {k: v / n * 1000 for k, v in ph.items()}


def _print(kind: str, res: dict[int, dict]) -> None:
    rows, phases = [], []
    prev = None
    for n, m in sorted(res.items()):
        ratio = f"{m['docs_per_s'] / prev['docs_per_s']:.2f}" if prev else ""
        rows.append([n, m["wall_s"], m["docs_per_s"], ratio, m["elements_written"], m["elements_per_s"],
                     m["store_elements_per_s"], m["nodes"] + m["rels"], m["documents_failed"]])
        pd = m["per_doc_ms"]
        phases.append([n] + [pd.get(k, 0.0) for k in ("read", "extract", "resolve", "lookup", "write")])
        prev = m
    C.table(f"ingest into {kind}: end to end (read, extract, resolve, write), one process",
            ["meetings", "wall s", "docs/s", "docs/s vs 10x fewer", "nodes+rels written", "written/s (e2e)",
             "written/s (store)", "graph nodes+rels", "failed"], rows)
    C.table(f"ingest into {kind}: ms per document by phase ('lookup': is it loaded? / earlier versions)",
            ["meetings", "read", "extract", "resolve", "lookup", "write"], phases)


def _bulk_vs_per_doc(opts: Any, c) -> dict:
    out: dict[int, dict] = {}
    for n in [x for x in SCALES if x <= min(opts.scale, opts.per_doc_limit)]:
        files = c.ensure(scale(n, opts.meetings_per_board))[:n]
        row = {}
        for mode in ("bulk", "per_doc"):
            store = open_embedded(f"side-{mode}", fresh=True)  # type: ignore[arg-type]
            t = time.perf_counter()
            m = load_cached(store, c, files, bulk=(mode == "bulk"))
            m["wall_s"] = time.perf_counter() - t
            m["docs_per_s"] = n / m["wall_s"]
            m["file_mb"] = store.path.stat().st_size / 1e6
            store.close()
            row[mode] = m
        row["ratio_bulk_over_per_doc"] = row["bulk"]["docs_per_s"] / row["per_doc"]["docs_per_s"]
        out[n] = row
    C.table("embedded store: bulk() vs a save per document (resolve + write from cached extractions)",
            ["meetings", "bulk docs/s", "per-doc docs/s", "bulk / per-doc", "per-doc write s", "file MB"],
            [[n, r["bulk"]["docs_per_s"], r["per_doc"]["docs_per_s"], f"{r['ratio_bulk_over_per_doc']:.1f}x",
              r["per_doc"]["phases_s"].get("write", 0.0), r["bulk"]["file_mb"]] for n, r in out.items()])
    return out
