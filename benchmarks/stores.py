"""Stores as the benchmarks open them, and the prototypes they compare against.

- ``PerRowNeo4jStore``: ``Neo4jStore.write``'s statements sent one row at a time (the
  naive driver loop), to compare with its batched ``UNWIND`` writes;
- ``FewStatementsNeo4jStore``: the same write with its statements coalesced into 4 round
  trips per document (Neo4j 5.26 dynamic labels and types);
- ``IndexedLookupNeo4jStore`` / ``FastFindEmbeddedStore``: the "is this document
  loaded?" lookup that ``ingest`` makes per document, served by an index.

(An earlier prototype here, a re-entrant ``_write_lock`` for ``EmbeddedStore.bulk()``,
which deadlocked on its first write, has since been applied upstream.)
"""

from __future__ import annotations

from collections.abc import Iterator

from govgraph.graph.embedded import EmbeddedStore
from govgraph.graph.model import GraphBatch, NodeRec


def embedded_store(path: str) -> EmbeddedStore:
    return EmbeddedStore(path)


# -- Neo4j write variants ------------------------------------------------------------------
from govgraph.graph import neo4j_store as _neo  # noqa: E402
from govgraph.graph.neo4j_store import Neo4jStore  # noqa: E402


def _one_row_chunks(rows: list, size: int = 1) -> Iterator[list]:
    for r in rows:
        yield [r]


class PerRowNeo4jStore(Neo4jStore):
    """Every statement of ``Neo4jStore.write`` sent once per row (lock, read, upsert of
    each node and relationship): the same Cypher, one row at a time, as a driver loop
    that MERGEs row by row would send it."""

    def write(self, batch: GraphBatch, replaces=()):  # type: ignore[override]
        old = _neo._chunks
        _neo._chunks = _one_row_chunks  # type: ignore[assignment]
        try:
            return super().write(batch, replaces)
        finally:
            _neo._chunks = old  # type: ignore[assignment]


# One statement per step instead of one per label / relationship type: Neo4j 5.26's
# dynamic labels and types ($(expr)) let a single UNWIND write every label and type.
UPSERT_NODES_DYNAMIC = """
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n:$(row.label)
SET n = row.props
"""
UPSERT_RELS_DYNAMIC = """
UNWIND $rows AS row
MATCH (a:Entity {id: row.src})
MATCH (b:Entity {id: row.dst})
MERGE (a)-[r:$(row.type)]->(b)
SET r = row.props
"""
# Lock and read in one round trip (LOCK_NODES followed by READ_NODE_PROPS).
LOCK_AND_READ = """
UNWIND $ids AS id
MERGE (n:Entity {id: id})
SET n.id = id
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, properties(n) AS props
"""


class _Deferred:
    def consume(self) -> None:
        return None

    def __iter__(self):
        return iter(())


class _CoalescingTx:
    """A transaction proxy that turns ``Neo4jStore.write``'s statements into fewer round
    trips without touching its logic: the lock is sent with the read that follows it,
    and the per-label / per-type upserts are held and sent as one dynamic statement each,
    just before the next other statement (or at the end of the transaction)."""

    def __init__(self, tx) -> None:
        from govgraph.graph import cypher

        self.tx = tx
        self.cypher = cypher
        self.node_q = {q: lbl for lbl, q in cypher.NODE_UPSERT.items()}
        self.rel_q = {q: t for t, q in cypher.REL_UPSERT.items()}
        self.nodes: list[dict] = []
        self.rels: list[dict] = []
        self.lock_ids: list[str] | None = None
        self.statements = 0

    def run(self, query, parameters=None, **kw):
        params = {**(parameters or {}), **kw}
        if query in self.node_q:
            self.nodes += [{**r, "label": self.node_q[query]} for r in params["rows"]]
            return _Deferred()
        if query in self.rel_q:
            self.rels += [{**r, "type": self.rel_q[query]} for r in params["rows"]]
            return _Deferred()
        self.flush()
        if query == self.cypher.LOCK_NODES:
            self.lock_ids = (self.lock_ids or []) + list(params["ids"])
            return _Deferred()
        if query == self.cypher.READ_NODE_PROPS and self.lock_ids is not None:
            lock, self.lock_ids = self.lock_ids, None
            if sorted(lock) == sorted(params["ids"]):
                self.statements += 1
                return self.tx.run(LOCK_AND_READ, ids=params["ids"])
            self._send(self.cypher.LOCK_NODES, ids=lock)
        self._flush_lock()
        return self._send(query, **params)

    def _send(self, query, **params):
        self.statements += 1
        return self.tx.run(query, params)

    def _flush_lock(self) -> None:
        if self.lock_ids is not None:
            lock, self.lock_ids = self.lock_ids, None
            self._send(self.cypher.LOCK_NODES, ids=lock).consume()

    def flush(self) -> None:
        from govgraph.graph.neo4j_store import _chunks

        self._flush_lock()
        if self.nodes:
            rows, self.nodes = self.nodes, []
            for chunk in _chunks(rows):
                self._send(UPSERT_NODES_DYNAMIC, rows=chunk).consume()
        if self.rels:
            rows, self.rels = self.rels, []
            for chunk in _chunks(rows):
                self._send(UPSERT_RELS_DYNAMIC, rows=chunk).consume()

    def __getattr__(self, name):
        return getattr(self.tx, name)


class FewStatementsNeo4jStore(Neo4jStore):
    """``Neo4jStore.write`` as is, its statements coalesced by ``_CoalescingTx``: 4 round
    trips per document (lock+read nodes, upsert nodes, read relationships, upsert
    relationships) instead of 3 + one per label + one per relationship type."""

    def _run(self, fn, *args, write: bool = False):
        if not write:
            return super()._run(fn, *args, write=write)

        def coalesced(tx, *a):
            return fn(_CoalescingTx(tx), *a)

        return super()._run(coalesced, *args, write=write)

    def _after_writes(self, tx) -> None:
        if isinstance(tx, _CoalescingTx):
            tx.flush()
        super()._after_writes(tx)


class IndexedLookupMixin:
    """``find`` on Document by sha256 or source through the store's own indexes (the
    generic ``find`` filters with ``n[k] = $where[k]``, which no index can serve)."""

    def find(self, label, where=None, limit=None, offset=0):  # type: ignore[no-untyped-def]
        if label == "Document" and where and set(where) <= {"sha256", "source"} and len(where) == 1:
            (k, v), = where.items()
            q = ("MATCH (n:Document {sha256: $v}) RETURN n.id AS id, n {.*, _contrib: null} AS props ORDER BY n.id"
                 if k == "sha256" else
                 "MATCH (n:Document {source: $v}) RETURN n.id AS id, n {.*, _contrib: null} AS props ORDER BY n.id")
            rows = self._read(q, v=v)[offset:None if limit is None else offset + limit]
            return [NodeRec("Document", r["id"], _neo._node_props(r["props"])) for r in rows]
        return super().find(label, where, limit, offset)  # type: ignore[misc]


class FastNeo4jStore(IndexedLookupMixin, FewStatementsNeo4jStore):
    """Both Neo4j prototypes together."""


class IndexedLookupNeo4jStore(IndexedLookupMixin, Neo4jStore):
    pass


class FastFindEmbeddedStore(EmbeddedStore):
    """``find`` that filters before it sorts and copies (upstream sorts every id of the
    label and then filters, so each "is this document loaded?" costs O(documents))."""

    def find(self, label, where=None, limit=None, offset=0):  # type: ignore[no-untyped-def]
        self._refresh()
        ids = self._by_label.get(label, ())
        if where:
            nodes = self.g.nodes
            ids = [i for i in ids if all(nodes[i]["props"].get(k) == v for k, v in where.items())]
        end = None if limit is None else offset + limit
        return [NodeRec(label, i, dict(self.g.nodes[i]["props"])) for i in sorted(ids)[offset:end]]
