"""Stores as the benchmarks open them, and the variants they compare against.

Each variant builds the same graph as the store it derives from (same properties, same
``sources``, same contribution bookkeeping, same locks), so the benchmarks can check
equal digests and time only the difference named:

- ``PerRowNeo4jStore``: ``Neo4jStore.write``'s two statements (``cypher.LOCK_AND_READ``,
  ``cypher.WRITE_BATCH``) sent one row at a time: the naive driver loop that MERGEs row
  by row, to compare with the batched ``UNWIND`` writes;
- ``PerLabelNeo4jStore``: the write path before the current one, one ``UNWIND``
  statement per label and per relationship type (``cypher.LOCK_NODES``,
  ``cypher.node_upsert``, ``cypher.rel_upsert``) and each node's and relationship's
  whole ``sources`` list and contributions read and written back by every document;
- ``GenericFindNeo4jStore`` / ``ScanFindEmbeddedStore``: ``find`` without the index on
  lookup keys (``Document`` by ``sha256`` or ``source``: what ``ingest`` asks for every
  document), a label scan with a property filter;
- ``WithSourcesStore``: a store proxy whose reads always return the ``sources`` lists,
  as ``graph.queries`` read before it asked for reads without them.

(Earlier prototypes here: coalesced statements with dynamic labels and the indexed
document lookup, both promoted into ``graph/``.)
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from govgraph.graph import cypher
from govgraph.graph import neo4j_store as _neo
from govgraph.graph.embedded import EmbeddedStore
from govgraph.graph.model import GraphBatch, NodeRec, add_contribution, in_sorted, merge_props
from govgraph.graph.neo4j_store import Neo4jStore
from govgraph.graph.store import StoreError, WriteSummary


def embedded_store(path: str) -> EmbeddedStore:
    return EmbeddedStore(path)


# -- Neo4j write variants ------------------------------------------------------------------
class _Rows:
    """What ``tx.run(...)`` returns, for a statement answered from several smaller ones."""

    def __init__(self, record: dict | None) -> None:
        self.record = record

    def single(self) -> dict | None:
        return self.record

    def consume(self) -> None:
        return None


class _PerRowTx:
    """A transaction proxy sending ``LOCK_AND_READ`` and ``WRITE_BATCH`` one row per
    statement (every other statement as is)."""

    LISTS = ("fresh", "adds", "nodes", "new_rels", "rel_adds", "rels")

    def __init__(self, tx) -> None:
        self.tx = tx

    def run(self, query, parameters=None, **kw):
        params = {**(parameters or {}), **kw}
        if query is cypher.LOCK_AND_READ:
            nodes, rels = [], []
            for i in params["ids"]:
                nodes += self.tx.run(query, {**params, "ids": [i], "rels": []}).single()["nodes"]
            for j, key in enumerate(params["rels"]):
                found = self.tx.run(query, {**params, "ids": [], "rels": [key]}).single()["rels"]
                rels += [[j, *x[1:]] for x in found]
            return _Rows({"nodes": nodes, "rels": rels})
        if query is cypher.WRITE_BATCH:
            empty = {name: [] for name in self.LISTS}
            for name in self.LISTS:
                for row in params[name]:
                    self.tx.run(query, {"sha": params["sha"], **empty, name: [row]}).consume()
            return _Rows(None)
        return self.tx.run(query, params)

    def __getattr__(self, name):
        return getattr(self.tx, name)


class PerRowNeo4jStore(Neo4jStore):
    """``Neo4jStore.write`` as is, its statements sent one row at a time."""

    def _run(self, fn, *args, write: bool = False):
        if not write:
            return super()._run(fn, *args, write=write)
        return super()._run(lambda tx, *a: fn(_PerRowTx(tx), *a), *args, write=write)


# The reads of the earlier write path (everything of each node and relationship).
_READ_NODES_FULL = f"""
MATCH (n:{cypher.ENTITY}) WHERE n.id IN $ids
RETURN n.id AS id, properties(n) AS props
"""
_READ_RELS_FULL = f"""
UNWIND $keys AS k
MATCH (a:{cypher.ENTITY} {{id: k.src}})-[r]->(b:{cypher.ENTITY} {{id: k.dst}})
WHERE type(r) = k.type
RETURN k.type AS type, k.src AS src, k.dst AS dst, properties(r) AS props
"""


class PerLabelNeo4jStore(Neo4jStore):
    """The earlier write path: lock (``LOCK_NODES``), read every node's and relationship's
    whole record (``sources`` and contributions included), merge in Python, write back
    with one statement per label and one per relationship type (3 + labels + types round
    trips per document; what travels grows with the documents each shared node has).
    Stores the same graph and bookkeeping as ``Neo4jStore`` (equal digests)."""

    def write(self, batch: GraphBatch, replaces=()) -> WriteSummary:  # type: ignore[override]
        batch = batch.deduplicated()
        sha = batch.sha256
        nodes = [batch.document, *batch.nodes]
        if replaces:
            raise StoreError("PerLabelNeo4jStore measures plain writes only")

        def work(tx) -> WriteSummary:
            summary = WriteSummary(sha)
            ids = sorted(n.id for n in nodes)
            for chunk in _neo._chunks(ids):
                tx.run(cypher.LOCK_NODES, ids=chunk).consume()
            existing: dict[str, dict] = {}
            for chunk in _neo._chunks(ids):
                for rec in tx.run(_READ_NODES_FULL, ids=chunk):
                    existing[rec["id"]] = rec["props"]
            by_label: dict[str, list[dict]] = defaultdict(list)
            for n in nodes:
                stored = existing.get(n.id) or {"id": n.id}
                props, changed = self._merged(stored, n.props, sha, fresh=set(stored) <= {"id"})
                summary.nodes_created += set(stored) <= {"id"}
                summary.nodes_updated += changed and not set(stored) <= {"id"}
                props.pop(cypher.CONTRIB_JSON, None)
                by_label[n.label].append({"id": n.id, "props": _neo._props({**props, "id": n.id})})
            for label, rows in by_label.items():
                for chunk in _neo._chunks(rows):
                    tx.run(cypher.node_upsert(label), rows=chunk).consume()
            old_rels: dict[tuple, dict] = {}
            keys = [{"type": r.type, "src": r.src, "dst": r.dst} for r in batch.rels]
            for chunk in _neo._chunks(keys):
                for rec in tx.run(_READ_RELS_FULL, keys=chunk):
                    old_rels[(rec["type"], rec["src"], rec["dst"])] = rec["props"]
            by_type: dict[str, list[dict]] = defaultdict(list)
            for r in batch.rels:
                stored = old_rels.get(r.key)
                props, changed = self._merged(stored or {}, r.props, sha, fresh=stored is None)
                summary.rels_created += stored is None
                summary.rels_updated += changed and stored is not None
                props.pop(cypher.CONTRIB_JSON, None)
                by_type[r.type].append({"src": r.src, "dst": r.dst, "props": _neo._props(props)})
            for rtype, rows in by_type.items():
                for chunk in _neo._chunks(rows):
                    tx.run(cypher.rel_upsert(rtype), rows=chunk).consume()
            return summary

        return self._run(work, write=True)

    @staticmethod
    def _merged(stored: dict, new: dict, sha: str, fresh: bool) -> tuple[dict, bool]:
        if fresh:
            return {**merge_props({}, {**new, "sources": [sha]}),
                    **_neo._stored_contrib(add_contribution({}, sha, new, known=False))}, True
        old, contrib = _neo._split(stored)
        old.pop("id", None)
        merged = merge_props(old, {**new, "sources": [sha]})
        contrib = add_contribution(contrib, sha, new, known=in_sorted(old.get("sources"), sha))
        return {**merged, **_neo._stored_contrib(contrib)}, merged != old


class PerRowPerLabelNeo4jStore(PerLabelNeo4jStore):
    """``PerLabelNeo4jStore`` with every statement sent one row at a time."""

    def write(self, batch: GraphBatch, replaces=()):  # type: ignore[override]
        old = _neo._chunks
        _neo._chunks = lambda rows, size=1: ([r] for r in rows)  # type: ignore[assignment]
        try:
            return super().write(batch, replaces)
        finally:
            _neo._chunks = old  # type: ignore[assignment]


# -- lookups without their index ----------------------------------------------------------------
class GenericFindNeo4jStore(Neo4jStore):
    """``find`` always through the generic filter (``n[k] = $where[k]``: a label scan)."""

    def find(self, label, where=None, limit=None, offset=0, sources=True):  # type: ignore[no-untyped-def]
        if label not in cypher.FIND:
            return []
        rows = self._read(_neo._pick(cypher.FIND[label], sources), where=dict(where or {}), offset=int(offset),
                          limit=int(limit) if limit is not None else 2**62)
        return [NodeRec(label, r["id"], _neo._node_props(r["props"], sources)) for r in rows]


class ScanFindEmbeddedStore(EmbeddedStore):
    """``find`` filtering every node of the label (no property index)."""

    def find(self, label, where=None, limit=None, offset=0, sources=True):  # type: ignore[no-untyped-def]
        with self._mutex:
            self._refresh()
            out = []
            for nid in sorted(self._by_label.get(label, ())):
                props = self.g.nodes[nid]["props"]
                if where and any(props.get(k) != v for k, v in where.items()):
                    continue
                out.append(NodeRec(label, nid, dict(props)))
        return out[offset:None if limit is None else offset + limit]


# -- reads with the sources lists --------------------------------------------------------------
class WithSourcesStore:
    """A store proxy whose ``get_many``/``find``/``edges`` always return ``sources``."""

    def __init__(self, store: Any) -> None:
        self._store = store

    def get_many(self, ids, sources=True):  # type: ignore[no-untyped-def]
        return self._store.get_many(ids, sources=True)

    def get(self, node_id, sources=True):  # type: ignore[no-untyped-def]
        return self._store.get_many([node_id], sources=True).get(node_id)

    def find(self, label, where=None, limit=None, offset=0, sources=True):  # type: ignore[no-untyped-def]
        return self._store.find(label, where, limit, offset, sources=True)

    def edges(self, ids, types=None, direction="out", sources=True):  # type: ignore[no-untyped-def]
        return self._store.edges(ids, types, direction, sources=True)

    def __getattr__(self, name):
        return getattr(self._store, name)
