"""queries: p50/p95/p99 latency of the questions users bring, at 1k and 10k meetings,
on both stores, through ``graph.queries`` as the API calls them:

- lineage: ``lineage(store, rec_id)`` for recommendations sampled uniformly, and
  separately the longest lineages (national recommendations every force discusses);
  and side by side the same answers read one store call per step (``queries._lineage``
  outside a snapshot: how lineage read before it was fetched in one round trip);
- who owns: ``person_detail(store, person_id)`` for sampled people, and
  ``action_log(store, owner="DCC")``;
- open actions by board: ``action_log(store, status="open", board=board_id)``;
- search: ``store.search(words)``.

Neo4j side by side: the same series with the schema's indexes and constraints dropped
(then put back), on the same data, in the same run.
"""

from __future__ import annotations

import gc
import random
from collections.abc import Callable
from typing import Any

from . import common as C
from .loading import loaded_embedded, loaded_neo4j

SCALES = [1000, 10_000]
TARGET_LINEAGE_P95_MS = 20.0
SEARCHES = ["knife crime", "domestic abuse", "vetting", "stop and search", "custody", "protective orders",
            "digital forensics", "county lines", "problem solving", "unresourced incidents", "recruitment",
            "estates strategy", "money matters", "body worn video", "victims", "hate crime", "fraud",
            "outcome 16", "workforce plan", "audit"]


def pick_samples(store: Any, seed: int) -> dict[str, list]:
    """Deterministic query arguments, chosen from the store's content (ids agree across stores)."""
    from govgraph.graph.model import Rel

    rng = random.Random(seed)
    recs = sorted(r.id for r in store.find("Recommendation"))
    people = sorted(p.id for p in store.find("Person"))
    boards = sorted(b.id for b in store.find("Board") if _has_meetings(store, b.id))
    answering = store.edges(recs, [Rel.ANSWERS], "in")
    hot = sorted(recs, key=lambda r: (-len(answering.get(r, [])), r))[:10]
    return {
        "lineage": rng.sample(recs, min(300, len(recs))),
        "lineage_hot": hot,
        "hot_sizes": [len(answering.get(r, [])) for r in hot],
        "person": rng.sample(people, min(300, len(people))),
        "board": [rng.choice(boards) for _ in range(100)],
        "search": [rng.choice(SEARCHES) for _ in range(300)],
    }


def _has_meetings(store: Any, board_id: str) -> bool:
    return bool(store.edges([board_id], ["OF_BOARD"], "in")[board_id])


def series(store: Any, s: dict[str, list], budget: float, warmup: int = 2) -> dict[str, dict]:
    from govgraph.graph import queries as Q

    calls: dict[str, tuple[Callable[[Any], Any], list]] = {
        "lineage": (lambda r: Q.lineage(store, r), s["lineage"]),
        "lineage (10 longest)": (lambda r: Q.lineage(store, r), s["lineage_hot"]),
        # Side by side, same run: the same answer read one store call per step, as before
        # ``snapshot`` / ``lineage_reads`` (embedded: a freshness check per call; Neo4j: a
        # round trip per step).
        "lineage, step by step": (lambda r: Q._lineage(store, r), s["lineage"]),
        "who owns: person_detail": (lambda p: Q.person_detail(store, p), s["person"]),
        "who owns: action_log(owner=DCC)": (lambda _: Q.action_log(store, owner="DCC"), [None] * 30),
        "open actions by board": (lambda b: Q.action_log(store, status="open", board=b), s["board"]),
        "search": (lambda q: store.search(q), s["search"]),
    }
    out = {}
    for name, (fn, args) in calls.items():
        try:
            samples = C.sample_calls(fn, args, budget, warmup=warmup)
            out[name] = C.latency_stats(samples)
        except Exception as e:  # noqa: BLE001 - e.g. search without its full-text index, a timeout
            msg = str(e)
            timeout = "timeout" in msg.lower() or "terminated" in msg.lower()
            out[name] = {"error": "timeout" if timeout else f"{type(e).__name__}: {msg[:120]}"}
    return out


NO_INDEX_TX_TIMEOUT_S = 20.0


def timeout_store(store: Any, seconds: float) -> Any:
    """The same Neo4j, every transaction capped at ``seconds`` (server side, per transaction)."""
    from govgraph.graph.neo4j_store import Neo4jStore
    from neo4j import unit_of_work

    class Capped(Neo4jStore):
        def _run(self, fn, *args, write: bool = False):
            return super()._run(unit_of_work(timeout=seconds)(fn), *args, write=write)

    return Capped(store.uri, C.NEO4J_USER, C.NEO4J_PASSWORD, database=store.database, setup_schema=False)


def drop_schema(store: Any) -> list[str]:
    """Drop every constraint and index except the token lookups; return what was dropped."""
    dropped = []
    with store.driver.session(database=store.database) as sess:
        for name in [r["name"] for r in sess.run("SHOW CONSTRAINTS YIELD name RETURN name")]:
            sess.run(f"DROP CONSTRAINT `{name}`").consume()
            dropped.append(name)
        for name in [r["name"] for r in sess.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name")]:
            sess.run(f"DROP INDEX `{name}`").consume()
            dropped.append(name)
    return dropped


def run(opts: Any) -> dict:
    results: dict[str, dict] = {}
    for n in sorted([x for x in SCALES if x <= opts.scale], reverse=True):  # Neo4j is left at the largest
        samples = None
        for kind in opts.stores:
            store = loaded_embedded(opts, n) if kind == "embedded" else loaded_neo4j(opts, n)
            samples = samples or pick_samples(store, opts.seed)
            res = {"with_schema": series(store, samples, opts.budget)}
            if kind == "neo4j":
                # Without the id constraint every lookup by id scans a label: one call can take
                # minutes, so each transaction is capped (server side) and a capped series
                # reports "timeout" (slower than the cap) instead of a latency.
                drop_schema(store)
                capped = timeout_store(store, NO_INDEX_TX_TIMEOUT_S)
                try:
                    res["without_schema"] = series(capped, samples, opts.budget / 2, warmup=0)
                finally:
                    capped.close()
                    store.setup_schema()
                res["no_index_tx_timeout_s"] = NO_INDEX_TX_TIMEOUT_S
            res["graph"] = {"nodes": store.count(), "rels": store.count_rels()}
            res["hot_lineage_answers"] = samples["hot_sizes"]
            store.close()
            del store
            gc.collect()
            results[f"{kind}:{n}"] = res
        _print(n, {k.split(":")[0]: v for k, v in results.items() if k.endswith(f":{n}")})
    C.record("queries", {"scales": [x for x in SCALES if x <= opts.scale], "seed": opts.seed,
                         "budget_s": opts.budget}, results)
    return results


def _print(n: int, res: dict[str, dict]) -> None:
    names = list(next(iter(res.values()))["with_schema"])
    rows = []
    for q in names:
        row: list[Any] = [q]
        for kind in ("embedded", "neo4j"):
            r = res.get(kind, {}).get("with_schema", {}).get(q)
            row += _cells(r)
        nr = res.get("neo4j", {}).get("without_schema", {}).get(q)
        withr = res.get("neo4j", {}).get("with_schema", {}).get(q)
        row += [_p(nr, "p95_ms") if not (nr and nr.get("error") == "timeout") else f"> {NO_INDEX_TX_TIMEOUT_S:.0f} s"]
        row.append(f"{nr['p95_ms'] / withr['p95_ms']:.1f}x" if nr and withr and "p95_ms" in nr and "p95_ms" in withr
                   else "")
        rows.append(row)
    hot = next(iter(res.values()))["hot_lineage_answers"]
    C.table(f"queries at {n} meetings, ms (lineage target: p95 <= {TARGET_LINEAGE_P95_MS:.0f} ms on Neo4j at 10k; "
            f"longest lineages answer {min(hot)}-{max(hot)} findings/actions)",
            ["query", "emb n", "emb p50", "emb p95", "emb p99", "neo n", "neo p50", "neo p95", "neo p99",
             "neo p95 no index", "no index / with"], rows)


def _cells(r: dict | None) -> list[Any]:
    if not r:
        return ["", "", "", ""]
    if "error" in r:
        return ["err", r["error"][:30], "", ""]
    return [r["n"], r["p50_ms"], r["p95_ms"], r["p99_ms"]]


def _p(r: dict | None, k: str) -> Any:
    if not r:
        return ""
    return r.get(k, "err")
