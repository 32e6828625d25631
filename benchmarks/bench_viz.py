"""viz: time to build, and size of, the lineage page of a recommendation with about
500 linked nodes (a national recommendation discussed across many boards), in its
three steps: the query (``graph.queries.lineage``), the network (``viz.build``) and the
HTML page (``viz.render``); with the view's default node cap and with the cap raised
so that all ~500 nodes are drawn.
"""

from __future__ import annotations

import gc
import statistics
import time
from typing import Any

from . import common as C
from .bench_queries import pick_samples
from .loading import loaded_embedded, loaded_neo4j

WANT_NODES = 500


def run(opts: Any) -> dict:
    try:
        from govgraph.viz.build import DEFAULT_LIMIT, lineage_graph, lineage_network
        from govgraph.viz.render import render_network
    except ImportError as e:
        C.console.print(f"[yellow]viz: skipped, govgraph.viz is not importable ({e})[/yellow]")
        C.record("viz", {}, {"skipped": str(e)})
        return {}
    from govgraph.graph import queries as Q

    n = max(x for x in (1000, 10_000) if x <= max(opts.scale, 1000))
    out: dict[str, Any] = {}
    rec_id = None
    for kind in opts.stores:
        store = loaded_embedded(opts, n) if kind == "embedded" else loaded_neo4j(opts, n)
        if rec_id is None:
            rec_id, nodes = _pick(store, opts.seed, lineage_graph, Q)
            out["recommendation"] = {"id": rec_id, "view_nodes": nodes}
        for limit in (DEFAULT_LIMIT, 2000):
            runs = []
            for _ in range(5):
                t0 = time.perf_counter()
                data = Q.lineage(store, rec_id)
                t1 = time.perf_counter()
                net = lineage_network(data, limit=limit)
                t2 = time.perf_counter()
                html = render_network(net, link_base="", limit=limit)
                t3 = time.perf_counter()
                runs.append((t1 - t0, t2 - t1, t3 - t2, len(html.encode()), net.shown, len(net.edges)))
            med = [statistics.median(r[i] for r in runs) for i in range(3)]
            out[f"{kind}:limit {limit}"] = {"query_ms": med[0] * 1000, "build_ms": med[1] * 1000,
                                            "render_ms": med[2] * 1000, "total_ms": sum(med) * 1000,
                                            "page_kb": runs[0][3] / 1024, "nodes_drawn": runs[0][4],
                                            "edges_drawn": runs[0][5]}
        store.close()
        del store
        gc.collect()
    C.table(f"lineage page of {out['recommendation']['id']} ({out['recommendation']['view_nodes']} nodes in its "
            f"view), {n} meetings, median of 5",
            ["store / node cap", "query ms", "build ms", "render ms", "total ms", "page KB", "nodes drawn",
             "edges drawn"],
            [[k, v["query_ms"], v["build_ms"], v["render_ms"], v["total_ms"], v["page_kb"], v["nodes_drawn"],
              v["edges_drawn"]] for k, v in out.items() if k != "recommendation"])
    C.record("viz", {"meetings": n}, out)
    return out


def _pick(store: Any, seed: int, lineage_graph, Q) -> tuple[str, int]:
    """The recommendation whose lineage view has the node count closest to 500."""
    best = None
    for rid in pick_samples(store, seed)["lineage_hot"]:
        g = lineage_graph(Q.lineage(store, rid))
        k = len(g.nodes)
        if best is None or abs(k - WANT_NODES) < abs(best[1] - WANT_NODES):
            best = (rid, k)
    assert best is not None
    return best
