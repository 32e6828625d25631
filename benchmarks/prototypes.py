"""Query-side changes side by side: each earlier way of answering (kept here, in
``benchmarks/stores.py``) against the current code, on the same loaded stores, with the
answers checked equal. The prototypes this module measured have been promoted into
``graph/``; what is compared now is the code before them:

- ``action_log`` with a ``board`` filter: every action in the graph described, then
  filtered (before), vs only the actions raised at that board's meetings (current:
  ``queries._candidate_actions``);
- Neo4j reads with the ``sources`` lists (before; ``stores.WithSourcesStore``) vs without
  (current: ``graph.queries`` reads with ``sources=False``);
- the "is this document loaded?" lookup of ``ingest``: a label scan (before;
  ``stores.GenericFindNeo4jStore`` / ``ScanFindEmbeddedStore``) vs an index (current).
"""

from __future__ import annotations

import gc
import json
import random
from typing import Any

from . import common as C
from .bench_queries import pick_samples
from .loading import loaded_embedded, loaded_neo4j


def action_log_describing_all(store: Any, board: str, **kw: Any) -> list[dict]:
    """``queries.action_log(store, board=board, ...)`` as it was computed before: every
    action of the graph described, then the rows of that board kept."""
    from govgraph.graph import queries as Q

    rows = Q.action_log(store, **kw)
    return [r for r in rows if r["board"] and board in (r["board"]["id"], r["board"].get("name"))]


def _same(a: Any, b: Any) -> bool:
    return json.dumps(a, sort_keys=True, default=str) == json.dumps(b, sort_keys=True, default=str)


def _compare(rows: list, out: dict, key: str, label: str, before: list[float], after: list[float], equal: bool,
             p95: bool = False) -> None:
    a, b = C.latency_stats(before), C.latency_stats(after)
    out[key] = {"before": a, "current": b, "same_answers": equal}
    rows.append([f"{label} (p50)", a["p50_ms"], b["p50_ms"], a["p50_ms"] / b["p50_ms"], equal])
    if p95:
        rows.append([f"{label} (p95)", a["p95_ms"], b["p95_ms"], a["p95_ms"] / b["p95_ms"], equal])


def run(opts: Any) -> dict:
    from govgraph.graph import queries as Q

    from .stores import GenericFindNeo4jStore, ScanFindEmbeddedStore, WithSourcesStore

    n = max(x for x in (1000, 10_000) if x <= max(opts.scale, 1000))
    out: dict[str, Any] = {"meetings": n}
    rows: list[list] = []
    for kind in opts.stores:
        store = loaded_embedded(opts, n) if kind == "embedded" else loaded_neo4j(opts, n)
        s = pick_samples(store, opts.seed)
        boards = s["board"][:20]
        # 1. action_log(board=…): describe everything then filter, vs only that board's actions
        base = C.sample_calls(lambda b, st=store: action_log_describing_all(st, b, status="open"), boards,
                              opts.budget, warmup=1)
        fast = C.sample_calls(lambda b, st=store: Q.action_log(st, status="open", board=b), boards, opts.budget,
                              warmup=1)
        equal = all(_same(Q.action_log(store, status="open", board=b), action_log_describing_all(store, b, status="open"))
                    for b in boards[:3])
        _compare(rows, out, f"{kind}:open actions by board", f"{kind}: open actions by board", base, fast, equal)
        # 2. Neo4j reads with the sources lists vs without
        if kind == "neo4j":
            heavy = WithSourcesStore(store)
            for name, args in (("lineage", s["lineage"]), ("lineage (10 longest)", s["lineage_hot"]),
                               ("person_detail", s["person"])):
                fn = Q.lineage if name.startswith("lineage") else Q.person_detail
                a = C.sample_calls(lambda x, f=fn, st=heavy: f(st, x), args, opts.budget)
                b = C.sample_calls(lambda x, f=fn, st=store: f(st, x), args, opts.budget)
                eq = all(_same(fn(store, x), fn(heavy, x)) for x in args[:5])
                _compare(rows, out, f"neo4j:{name} without sources", f"neo4j: {name}, reads without sources",
                         a, b, eq, p95=True)
        # 3. the ingest lookup: label scan vs index
        shas = [d.props["sha256"] for d in store.find("Document")]
        rng = random.Random(opts.seed)
        pick = [rng.choice(shas) for _ in range(200)]
        if kind == "neo4j":
            scan_store = GenericFindNeo4jStore(store.uri, C.NEO4J_USER, C.NEO4J_PASSWORD, setup_schema=False)
        else:  # the same loaded graph, seen through the variant (no second copy in memory)
            scan_store = ScanFindEmbeddedStore.__new__(ScanFindEmbeddedStore)
            scan_store.__dict__ = store.__dict__
        a = C.sample_calls(lambda h, st=scan_store: st.find("Document", {"sha256": h}, limit=1), pick, 10)
        b = C.sample_calls(lambda h, st=store: st.find("Document", {"sha256": h}, limit=1), pick, 10)
        eq = all([x.props for x in store.find("Document", {"sha256": h}, limit=1)] ==
                 [x.props for x in scan_store.find("Document", {"sha256": h}, limit=1)] for h in pick[:5])
        if kind == "neo4j":
            scan_store.close()
        _compare(rows, out, f"{kind}:document lookup", f"{kind}: is-this-document-loaded lookup", a, b, eq)
        store.close()
        del store, scan_store
        gc.collect()
    C.table(f"promoted changes at {n} meetings: before vs current (ms; same answers checked)",
            ["change", "before", "current", "speed-up", "same answers"], rows)
    C.record("prototypes", {"meetings": n}, out)
    return out
