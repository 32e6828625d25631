"""The Neo4j store: the store of record, through the official driver.

One driver (and its connection pool) per store; one managed write transaction per
document (``execute_write`` retries transient errors such as deadlocks); all Cypher is
in ``graph.cypher``. Property merging happens in Python with the same rule as the
embedded store (``model.merge_props``), after the batch's nodes are locked, so both
stores build the same graph from the same documents in any order.

Each node and relationship also keeps every document's own contribution to its
properties, as one JSON string property ``_contrib`` (see ``model.add_contribution``),
updated in the same transaction as the write. Removing a document recomputes the
properties of what other documents still support from their contributions. ``_contrib``
is internal: every read path leaves it out (``_node_props``, ``_rel_props``). Nodes and
relationships written before it existed count their properties as contributed by all
their sources.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from neo4j import GraphDatabase, ManagedTransaction
from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable, SessionExpired

from . import cypher
from .model import (
    Contributions,
    GraphBatch,
    NodeRec,
    RelRec,
    add_contribution,
    contributions_json,
    in_sorted,
    legacy_contributions,
    merge_props,
    props_of_contributions,
    remove_contribution,
)
from .store import Direction, Edge, Store, StoreError, StoreUnavailable, WriteSummary

# Rows per UNWIND statement; measured in benchmarks/ (BENCHMARKS.md).
BATCH_ROWS = 1000

_WORD = re.compile(r"\w+")


def lucene_query(text: str) -> str:
    """Turn free text into a Lucene query: each word quoted, joined by OR.

    Users type words, not Lucene: quoting keeps ``OR``, ``NOT`` or ``(`` from being
    syntax, so ``' OR 1=1 --`` is three harmless terms.

    >>> lucene_query('knife crime (OC16) OR')
    '"knife" OR "crime" OR "OC16" OR "OR"'
    """
    return " OR ".join(f'"{w}"' for w in _WORD.findall(text or ""))


def _chunks(rows: list, size: int = BATCH_ROWS) -> Iterator[list]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


CONTRIB = "_contrib"  # the property holding a node's or relationship's contributions


def _node_props(p: dict[str, Any]) -> dict[str, Any]:
    """Node properties as the model sees them: the id is the node's key, not a property,
    and the contributions are the store's bookkeeping."""
    return {k: v for k, v in p.items() if k != "id" and k != CONTRIB}


def _rel_props(p: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in p.items() if k != CONTRIB}


def _split(p: dict[str, Any]) -> tuple[dict[str, Any], Contributions]:
    """Stored properties -> (properties without ``_contrib``, contributions)."""
    props = dict(p)
    raw = props.pop(CONTRIB, None)
    if raw is None:  # written before contributions were kept
        return props, legacy_contributions({k: v for k, v in props.items() if k != "id"})
    return props, json.loads(raw)


def _props(p: dict[str, Any]) -> dict[str, Any]:
    return {k: (list(v) if isinstance(v, (list, tuple)) else v) for k, v in p.items()}


class Neo4jStore(Store):
    kind = "neo4j"

    def __init__(self, uri: str, user: str, password: str, database: str = "neo4j",
                 setup_schema: bool = True) -> None:
        self.uri = uri
        self.database = database
        try:
            self.driver = GraphDatabase.driver(uri, auth=(user, password), max_connection_pool_size=50)
        except ValueError as e:
            raise StoreError(f"bad NEO4J_URI {uri!r}: {e}") from e
        if setup_schema:
            self.setup_schema()

    # -- plumbing --------------------------------------------------------------------
    def _run(self, fn, *args, write: bool = False):
        try:
            with self.driver.session(database=self.database) as s:
                return (s.execute_write if write else s.execute_read)(fn, *args)
        except (ServiceUnavailable, SessionExpired) as e:
            raise StoreUnavailable(f"Neo4j at {self.uri} is unavailable: {e}") from e
        except AuthError as e:
            raise StoreError(f"Neo4j at {self.uri} refused the credentials: {e.message}") from e

    def _read(self, query: str, **params: Any) -> list[dict]:
        def work(tx: ManagedTransaction) -> list[dict]:
            return [r.data() for r in tx.run(query, params)]

        return self._run(work)

    def setup_schema(self) -> None:
        """Create constraints and indexes (idempotent: ``IF NOT EXISTS``)."""
        try:
            with self.driver.session(database=self.database) as s:
                for stmt in cypher.SCHEMA:
                    s.run(stmt).consume()
                s.run("CALL db.awaitIndexes(300)").consume()
        except (ServiceUnavailable, SessionExpired) as e:
            raise StoreUnavailable(f"Neo4j at {self.uri} is unavailable: {e}") from e
        except AuthError as e:
            raise StoreError(f"Neo4j at {self.uri} refused the credentials: {e.message}") from e

    def ping(self) -> bool:
        try:
            self._read(cypher.PING)
            return True
        except StoreError:
            return False

    def close(self) -> None:
        self.driver.close()

    def wipe(self) -> None:
        """Delete everything (tests and benchmarks only)."""
        self._run(lambda tx: tx.run(cypher.WIPE).consume(), write=True)

    # -- writing ----------------------------------------------------------------------
    @staticmethod
    def _remove_source(tx: ManagedTransaction, sha: str) -> bool:
        """Take ``sha``'s contribution out of everything it supports, in ``tx``.

        Relationships first (so no node is deleted while still linked); what other
        documents still support gets the properties their contributions merge to.
        """
        found = [r.data() for r in tx.run(cypher.SOURCED_RELS, sha=sha)]
        node_ids = [r["id"] for r in tx.run(cypher.SOURCED_NODE_IDS, sha=sha)]
        ids = sorted(set(node_ids) | {r["src"] for r in found} | {r["dst"] for r in found})
        for chunk in _chunks(ids):
            tx.run(cypher.LOCK_EXISTING_NODES, ids=chunk).consume()
        rels = []
        for chunk in _chunks([r["eid"] for r in found]):
            rels += [r.data() for r in tx.run(cypher.READ_RELS_BY_EID, eids=chunk)]
        keep, drop = [], []
        for r in rels:
            old, contrib = _split(r["props"])
            if sha not in (old.get("sources") or []):
                continue  # changed since it was found
            rest = remove_contribution(contrib, sha)
            if rest:
                props = props_of_contributions(rest)
                props[CONTRIB] = contributions_json(rest)
                keep.append({"eid": r["eid"], "props": _props(props)})
            else:
                drop.append(r["eid"])
        for chunk in _chunks(keep):
            tx.run(cypher.SET_REL_PROPS, rows=chunk).consume()
        for chunk in _chunks(drop):
            tx.run(cypher.DELETE_RELS, eids=chunk).consume()
        had_doc = tx.run(cypher.DOCUMENT_EXISTS, sha=sha).single()["n"] > 0
        nodes = []
        for chunk in _chunks(sorted(node_ids)):
            nodes += [r.data() for r in tx.run(cypher.READ_NODES_LINKED, ids=chunk)]
        rows, gone = [], []
        for n in nodes:
            old, contrib = _split(n["props"])
            if sha not in (old.get("sources") or []):
                continue
            rest = remove_contribution(contrib, sha)
            if rest:
                props = props_of_contributions(rest)
            elif n["linked"]:  # still linked by a relationship no document supports: keep, unsourced
                props = {**old, "sources": []}
            else:
                gone.append(n["id"])
                continue
            props["id"] = n["id"]
            props[CONTRIB] = contributions_json(rest)
            rows.append({"id": n["id"], "props": _props(props)})
        for chunk in _chunks(rows):
            tx.run(cypher.SET_NODE_PROPS, rows=chunk).consume()
        for chunk in _chunks(gone):
            tx.run(cypher.DELETE_NODES, ids=chunk).consume()
        return had_doc or bool(rels) or bool(nodes)

    def write(self, batch: GraphBatch, replaces: Iterable[str] = ()) -> WriteSummary:
        batch = batch.deduplicated()
        sha = batch.sha256
        nodes = [batch.document, *batch.nodes]
        known = {n.id for n in nodes}
        for r in batch.rels:
            if r.src not in known or r.dst not in known:
                raise StoreError(f"relationship {r.type} {r.src}->{r.dst} has an end outside its document's batch")
        for n in nodes:
            if n.label not in cypher.NODE_UPSERT:
                raise StoreError(f"unknown node label {n.label!r}")
        for r in batch.rels:
            if r.type not in cypher.REL_UPSERT:
                raise StoreError(f"unknown relationship type {r.type!r}")
        replaces = [s for s in replaces if s != sha]

        def work(tx: ManagedTransaction) -> WriteSummary:
            summary = WriteSummary(sha)
            for old in replaces:
                if self._remove_source(tx, old):
                    summary.replaced.append(old)
            ids = sorted(known)
            for chunk in _chunks(ids):
                tx.run(cypher.LOCK_NODES, ids=chunk).consume()
            existing: dict[str, tuple[dict, Contributions]] = {}
            for chunk in _chunks(ids):
                for rec in tx.run(cypher.READ_NODE_PROPS, ids=chunk):
                    existing[rec["id"]] = _split(rec["props"])
            by_label: dict[str, list[dict]] = defaultdict(list)
            for n in nodes:
                old, contrib = existing.get(n.id) or ({}, {})
                fresh = set(old) <= {"id"}  # only the lock stub exists
                merged = merge_props({} if fresh else old, {**n.props, "sources": [sha]})
                merged["id"] = n.id
                if fresh:
                    summary.nodes_created += 1
                elif merged != old:
                    summary.nodes_updated += 1
                contrib = add_contribution({} if fresh else contrib, sha, n.props,
                                           known=not fresh and in_sorted(old.get("sources"), sha))
                merged[CONTRIB] = contributions_json(contrib)
                by_label[n.label].append({"id": n.id, "props": _props(merged)})
            for label, rows in by_label.items():
                for chunk in _chunks(rows):
                    tx.run(cypher.node_upsert(label), rows=chunk).consume()
            old_rels: dict[tuple, tuple[dict, Contributions]] = {}
            keys = [{"type": r.type, "src": r.src, "dst": r.dst} for r in batch.rels]
            for chunk in _chunks(keys):
                for rec in tx.run(cypher.READ_REL_PROPS, keys=chunk):
                    old_rels[(rec["type"], rec["src"], rec["dst"])] = _split(rec["props"])
            by_type: dict[str, list[dict]] = defaultdict(list)
            for r in batch.rels:
                old, contrib = old_rels.get(r.key) or (None, {})
                merged = merge_props(old or {}, {**r.props, "sources": [sha]})
                if old is None:
                    summary.rels_created += 1
                elif merged != old:
                    summary.rels_updated += 1
                contrib = add_contribution(contrib, sha, r.props,
                                           known=old is not None and in_sorted(old.get("sources"), sha))
                merged[CONTRIB] = contributions_json(contrib)
                by_type[r.type].append({"src": r.src, "dst": r.dst, "props": _props(merged)})
            for rtype, rows in by_type.items():
                for chunk in _chunks(rows):
                    tx.run(cypher.rel_upsert(rtype), rows=chunk).consume()
            self._after_writes(tx)
            return summary

        try:
            return self._run(work, write=True)
        except Neo4jError as e:
            raise StoreError(f"Neo4j write failed: {e.message or e}") from e

    def _after_writes(self, tx: ManagedTransaction) -> None:
        """Hook at the end of a write transaction (tests inject failures here)."""

    def delete_document(self, sha256: str) -> bool:
        return bool(self._run(lambda tx: self._remove_source(tx, sha256), write=True))

    # -- reading ----------------------------------------------------------------------
    def get_many(self, ids: Iterable[str]) -> dict[str, NodeRec]:
        ids = list(dict.fromkeys(ids))
        out: dict[str, NodeRec] = {}
        for chunk in _chunks(ids):
            for r in self._read(cypher.GET_NODES, ids=chunk):
                out[r["id"]] = NodeRec(r["label"], r["id"], _node_props(r["props"]))
        return out

    def find(self, label: str, where: dict[str, object] | None = None, limit: int | None = None,
             offset: int = 0) -> list[NodeRec]:
        if label not in cypher.FIND:
            return []
        rows = self._read(cypher.FIND[label], where=dict(where or {}), offset=int(offset),
                          limit=int(limit) if limit is not None else 2**62)
        return [NodeRec(label, r["id"], _node_props(r["props"])) for r in rows]

    def edges(self, ids: Iterable[str], types: Iterable[str] | None = None,
              direction: Direction = "out") -> dict[str, list[Edge]]:
        ids = list(dict.fromkeys(ids))
        tlist = list(types) if types is not None else None
        out: dict[str, list[Edge]] = {i: [] for i in ids}
        queries = {"out": [cypher.EDGES_OUT], "in": [cypher.EDGES_IN], "both": [cypher.EDGES_OUT, cypher.EDGES_IN]}
        for q in queries[direction]:
            for chunk in _chunks(ids):
                for r in self._read(q, ids=chunk, types=tlist):
                    other = r["dst"] if q is cypher.EDGES_OUT else r["src"]
                    out[r["id"]].append(Edge(RelRec(r["type"], r["src"], r["dst"], _rel_props(r["rprops"])),
                                             NodeRec(r["label"], other, _node_props(r["props"]))))
        for v in out.values():
            v.sort(key=lambda e: (e.rel.type, e.rel.src, e.rel.dst))
        return out

    def count(self, label: str | None = None) -> int:
        if label is None:
            return int(self._read(cypher.COUNT_ALL)[0]["n"])
        if label not in cypher.COUNT_LABEL:
            return 0
        return int(self._read(cypher.COUNT_LABEL[label])[0]["n"])

    def count_rels(self, type: str | None = None) -> int:
        if type is None:
            return int(self._read(cypher.COUNT_RELS_ALL)[0]["n"])
        if type not in cypher.COUNT_REL_TYPE:
            return 0
        return int(self._read(cypher.COUNT_REL_TYPE[type])[0]["n"])

    def all_nodes(self) -> Iterator[NodeRec]:
        for r in self._read(cypher.ALL_NODES):
            yield NodeRec(r["label"], r["id"], _node_props(r["props"]))

    def all_rels(self) -> Iterator[RelRec]:
        for r in self._read(cypher.ALL_RELS):
            yield RelRec(r["type"], r["src"], r["dst"], _rel_props(r["props"]))

    def search(self, query: str, labels: Iterable[str] | None = None, limit: int = 20) -> list[tuple[NodeRec, float]]:
        q = lucene_query(query)
        if not q:
            return []
        rows = self._read(cypher.SEARCH, q=q, labels=list(labels) if labels else None, limit=int(limit))
        return [(NodeRec(r["label"], r["id"], _node_props(r["props"])), float(r["score"])) for r in rows]
