"""Query-side prototypes measured by ``python -m benchmarks prototypes`` against the
current code, on the same loaded stores, with the answers checked equal:

- ``action_log`` with a ``board`` filter pushed down to the store: only the actions
  raised at that board's meetings are described (upstream describes every action in
  the graph, then filters);
- Neo4j reads without the ``sources`` bookkeeping: ``edges``/``get_many`` project each
  node and relationship without its ``sources`` list (which ``queries.node_dict`` drops
  anyway, and which on a board's, a role's or a national recommendation's nodes grows
  with every document that mentions them);
- the "is this document loaded?" lookups of ``ingest`` served by an index (both stores).
"""

from __future__ import annotations

import json
import random
from typing import Any

from . import common as C
from .bench_queries import pick_samples
from .loading import loaded_embedded, loaded_neo4j


class _OnlyActions:
    """A store proxy whose ``find("Action")`` returns only the given actions."""

    def __init__(self, store: Any, actions: list) -> None:
        self._store, self._actions = store, actions

    def find(self, label, where=None, limit=None, offset=0):
        if label == "Action" and not where:
            return self._actions[offset:None if limit is None else offset + limit]
        return self._store.find(label, where, limit, offset)

    def __getattr__(self, name):
        return getattr(self._store, name)


def action_log_by_board(store: Any, board: str, **kw: Any) -> list[dict]:
    """``queries.action_log(store, board=board, ...)`` describing only that board's actions."""
    from govgraph.graph import queries as Q
    from govgraph.graph.model import Rel

    b = Q.find_board(store, board) if hasattr(Q, "find_board") else store.get(board)
    if b is None:
        return []
    meetings = [e.node.id for e in store.edges([b.id], [Rel.OF_BOARD], "in")[b.id]]
    raised = store.edges(meetings, [Rel.RAISED_AT], "in") if meetings else {}
    ids = sorted({e.node.id for v in raised.values() for e in v if e.node.label == "Action"})
    actions = list(store.get_many(ids).values())
    actions.sort(key=lambda n: n.id)
    return Q.action_log(_OnlyActions(store, actions), board=b.id, **kw)


def light_neo4j(store: Any) -> Any:
    """The same Neo4j with ``get_many``/``edges`` leaving ``sources`` (and ``_contrib``) out."""
    from govgraph.graph import cypher
    from govgraph.graph.neo4j_store import Neo4jStore

    def light(q: str) -> str:
        return q.replace("{.*, _contrib: null}", "{.*, _contrib: null, sources: null}") \
                .replace("properties(n)", "n {.*, _contrib: null, sources: null}") \
                .replace("properties(r)", "r {.*, _contrib: null, sources: null}") \
                .replace("properties(a)", "a {.*, _contrib: null, sources: null}") \
                .replace("properties(b)", "b {.*, _contrib: null, sources: null}")

    queries = {name: light(getattr(cypher, name)) for name in ("GET_NODES", "EDGES_OUT", "EDGES_IN")}

    class Light(Neo4jStore):
        def _read(self, query: str, **params: Any) -> list[dict]:
            for name, q in queries.items():
                if query is getattr(cypher, name):
                    query = q
                    break
            rows = super()._read(query, **params)
            for r in rows:  # the projection leaves "sources": None; the model has no such key
                for k in ("props", "rprops"):
                    if isinstance(r.get(k), dict):
                        r[k] = {kk: vv for kk, vv in r[k].items() if vv is not None}
            return rows

    from .common import NEO4J_PASSWORD, NEO4J_USER

    return Light(store.uri, NEO4J_USER, NEO4J_PASSWORD, database=store.database, setup_schema=False)


def _same(a: Any, b: Any) -> bool:
    return json.dumps(a, sort_keys=True, default=str) == json.dumps(b, sort_keys=True, default=str)


def run(opts: Any) -> dict:
    from govgraph.graph import queries as Q

    from .stores import FastFindEmbeddedStore, IndexedLookupNeo4jStore

    n = max(x for x in (1000, 10_000) if x <= max(opts.scale, 1000))
    out: dict[str, Any] = {"meetings": n}
    rows = []
    for kind in opts.stores:
        store = loaded_embedded(opts, n) if kind == "embedded" else loaded_neo4j(opts, n)
        s = pick_samples(store, opts.seed)
        boards = s["board"][:20]
        # 1. action_log(board=…) pushed down
        base = C.sample_calls(lambda b, st=store: Q.action_log(st, status="open", board=b), boards, opts.budget, warmup=1)
        fast = C.sample_calls(lambda b, st=store: action_log_by_board(st, b, status="open"), boards, opts.budget, warmup=1)
        equal = all(_same(Q.action_log(store, status="open", board=b), action_log_by_board(store, b, status="open"))
                    for b in boards[:3])
        out[f"{kind}:open actions by board"] = {"current": C.latency_stats(base), "prototype": C.latency_stats(fast),
                                                "same_answers": equal}
        rows.append([f"{kind}: open actions by board", C.latency_stats(base)["p50_ms"],
                     C.latency_stats(fast)["p50_ms"], C.latency_stats(base)["p50_ms"] / C.latency_stats(fast)["p50_ms"],
                     equal])
        # 2. Neo4j reads without sources
        if kind == "neo4j":
            light = light_neo4j(store)
            for name, args in (("lineage", s["lineage"]), ("lineage (10 longest)", s["lineage_hot"]),
                               ("person_detail", s["person"])):
                fn = Q.lineage if name.startswith("lineage") else Q.person_detail
                a = C.latency_stats(C.sample_calls(lambda x, f=fn, st=store: f(st, x), args, opts.budget))
                b = C.latency_stats(C.sample_calls(lambda x, f=fn, st=light: f(st, x), args, opts.budget))
                eq = all(_same(fn(store, x), fn(light, x)) for x in args[:5])
                out[f"neo4j:{name} without sources"] = {"current": a, "prototype": b, "same_answers": eq}
                rows.append([f"neo4j: {name}, reads without sources (p50)", a["p50_ms"], b["p50_ms"],
                             a["p50_ms"] / b["p50_ms"], eq])
                rows.append([f"neo4j: {name}, reads without sources (p95)", a["p95_ms"], b["p95_ms"],
                             a["p95_ms"] / b["p95_ms"], eq])
            light.close()
        # 3. the ingest lookup
        shas = [d.props["sha256"] for d in store.find("Document")]
        rng = random.Random(opts.seed)
        pick = [rng.choice(shas) for _ in range(200)]
        if kind == "neo4j":
            fast_store = IndexedLookupNeo4jStore(store.uri, C.NEO4J_USER, C.NEO4J_PASSWORD, setup_schema=False)
        else:
            fast_store = FastFindEmbeddedStore(str(store.data_dir))
        a = C.latency_stats(C.sample_calls(lambda h, st=store: st.find("Document", {"sha256": h}, limit=1), pick, 10))
        b = C.latency_stats(C.sample_calls(lambda h, st=fast_store: st.find("Document", {"sha256": h}, limit=1), pick, 10))
        eq = all(_same([x.props for x in store.find("Document", {"sha256": h}, limit=1)],
                       [x.props for x in fast_store.find("Document", {"sha256": h}, limit=1)]) for h in pick[:5])
        fast_store.close()
        out[f"{kind}:document lookup"] = {"current": a, "prototype": b, "same_answers": eq}
        rows.append([f"{kind}: is-this-document-loaded lookup", a["p50_ms"], b["p50_ms"], a["p50_ms"] / b["p50_ms"], eq])
        store.close()
    C.table(f"prototypes at {n} meetings (ms; same answers checked)",
            ["change", "current", "prototype", "speed-up", "same answers"], rows)
    C.record("prototypes", {"meetings": n}, out)
    return out
