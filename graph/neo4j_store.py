"""The Neo4j store: the store of record, through the official driver.

One driver (and its connection pool) per store; one managed write transaction per
document (``execute_write`` retries transient errors such as deadlocks); all Cypher is
in ``graph.cypher``. Property merging happens in Python with the same rule as the
embedded store (``model.merge_props``), after the batch's nodes are locked, so both
stores build the same graph from the same documents in any order.

Each node and relationship also keeps every document's own contribution to its
properties (see ``model.add_contribution``), updated in the same transaction as the write,
as two internal lists beside ``sources`` (``cypher.CONTRIB_KEYS``/``CONTRIB_IDX``). Removing
a document recomputes the properties of what other documents still support from their
contributions. Every read path leaves them out (``_node_props``, ``_rel_props``). Nodes
and relationships written before contributions were kept count their properties as
contributed by all their sources; those written with the earlier one-JSON-string form
(``_contrib``) are read as such and converted on their next write.

A document's write costs two round trips whatever its size or labels: lock and read
(``cypher.LOCK_AND_READ``), then write (``cypher.WRITE_BATCH``). What travels is
independent of how many documents a node already has: a document new to a shared node
sends its merged properties and inserts its sha on the server; only a document written
again (or an earlier form) reads the node's whole history.

Reads fail fast when the server is down (``READ_RETRY_S``): the API answers 503 within
seconds instead of waiting out the driver's 30 s of retries; writes keep the driver's
default retries (a deadlock between two writers is retried, not reported).
"""

from __future__ import annotations

import json
import re
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
    contribution_key,
    in_sorted,
    legacy_contributions,
    merge_props,
    props_of_contributions,
    remove_contribution,
)
from .store import Direction, Edge, Prefetched, Store, StoreError, StoreUnavailable, WriteSummary

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


# How long a read retries a server that does not answer before giving up (503); the
# driver's default (30 s, for writes too) made every API request wait half a minute.
READ_RETRY_S = 2.0
# TCP connect + handshake limit (the driver's default is 30 s).
CONNECT_TIMEOUT_S = 5.0

_INTERNAL = frozenset(cypher.INTERNAL)


def _node_props(p: dict[str, Any], sources: bool = True) -> dict[str, Any]:
    """Node properties as the model sees them: the id is the node's key, not a property,
    and the contributions are the store's bookkeeping (``sources`` too, in light reads)."""
    return {k: v for k, v in p.items() if k != "id" and k not in _INTERNAL and (sources or k != "sources")}


def _rel_props(p: dict[str, Any], sources: bool = True) -> dict[str, Any]:
    return {k: v for k, v in p.items() if k not in _INTERNAL and (sources or k != "sources")}


def _pick(query: str, sources: bool) -> str:
    """A read statement, or its variant without ``sources`` (``cypher.LIGHT``)."""
    return query if sources else cypher.LIGHT[query]


def _split(p: dict[str, Any]) -> tuple[dict[str, Any], Contributions]:
    """Stored properties -> (properties without the bookkeeping, contributions)."""
    props = {k: v for k, v in p.items() if k not in _INTERNAL}
    keys, raw = p.get(cypher.CONTRIB_KEYS), p.get(cypher.CONTRIB_JSON)
    if keys is not None and raw is None:
        contrib: Contributions = {}
        for sha, i in zip(p.get("sources") or [], p.get(cypher.CONTRIB_IDX) or [], strict=True):
            contrib.setdefault(keys[i], []).append(sha)  # sources are sorted: so is each list
        return props, contrib
    if raw is not None:  # the earlier form: one JSON string
        return props, json.loads(raw)
    # written before contributions were kept
    return props, legacy_contributions({k: v for k, v in props.items() if k != "id"})


def _stored_contrib(contrib: Contributions) -> dict[str, Any]:
    """Contributions as stored: ``sources`` (sorted), the distinct contributions, and for
    each source the index of its contribution; the earlier ``_contrib`` is removed."""
    keys = sorted(contrib)
    at = {k: i for i, k in enumerate(keys)}
    pairs = sorted((sha, at[k]) for k, shas in contrib.items() for sha in shas)
    return {"sources": [sha for sha, _ in pairs], cypher.CONTRIB_KEYS: keys,
            cypher.CONTRIB_IDX: [i for _, i in pairs], cypher.CONTRIB_JSON: None}


def _props(p: dict[str, Any]) -> dict[str, Any]:
    return {k: (list(v) if isinstance(v, (list, tuple)) else v) for k, v in p.items()}


def _light(p: dict[str, Any]) -> dict[str, Any]:
    """Properties read without ``sources`` and the bookkeeping (projected as nulls)."""
    return {k: v for k, v in p.items() if v is not None and k != "id"}


class Neo4jStore(Store):
    kind = "neo4j"

    def __init__(self, uri: str, user: str, password: str, database: str = "neo4j",
                 setup_schema: bool = True) -> None:
        self.uri = uri
        self.database = database
        try:
            self.driver = GraphDatabase.driver(uri, auth=(user, password), max_connection_pool_size=50,
                                               connection_timeout=CONNECT_TIMEOUT_S)
        except ValueError as e:
            raise StoreError(f"bad NEO4J_URI {uri!r}: {e}") from e
        if setup_schema:
            self.setup_schema()

    # -- plumbing --------------------------------------------------------------------
    def _run(self, fn, *args, write: bool = False):
        try:
            if write:
                with self.driver.session(database=self.database) as s:
                    return s.execute_write(fn, *args)
            with self.driver.session(database=self.database, max_transaction_retry_time=READ_RETRY_S) as s:
                return s.execute_read(fn, *args)
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
                props = {**props_of_contributions(rest), **_stored_contrib(rest)}
                del props[cypher.CONTRIB_JSON]  # SET r = props: what is not named is removed
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
            props.update(_stored_contrib(rest))
            del props[cypher.CONTRIB_JSON]
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
            seen = tx.run(cypher.LOCK_AND_READ, ids=sorted(known), sha=sha,
                          rels=[[r.type, r.src, r.dst] for r in batch.rels]).single()
            # id -> (fresh, known, plain, contribution keys, props); see cypher.LOCK_AND_READ
            seen_nodes = {row[0]: row[1:] for row in seen["nodes"]}
            # index in batch.rels -> (elementId, known, plain, contribution keys, props)
            seen_rels = {row[0]: row[1:] for row in seen["rels"]}
            # The rare cases that need the whole history: read it (one more round trip each).
            full_nodes = {}
            slow = [i for i, (fresh_, known_, plain, _, _) in seen_nodes.items() if not fresh_ and (known_ or not plain)]
            if slow:
                full_nodes = {r["id"]: r["props"] for r in tx.run(cypher.READ_NODE_PROPS, ids=slow)}
            full_rels = {}
            slow = [eid for eid, known_, plain, _, _ in seen_rels.values() if known_ or not plain]
            if slow:
                full_rels = {r["eid"]: r["props"] for r in tx.run(cypher.READ_RELS_BY_EID, eids=slow)}

            fresh, adds, node_rows = [], [], []
            for n in nodes:
                is_fresh, _, _, keys, stored = seen_nodes[n.id]
                if is_fresh:
                    summary.nodes_created += 1
                    fresh.append([n.id, n.label, contribution_key(n.props), _props(merge_props({}, n.props))])
                elif n.id in full_nodes:
                    props, changed = self._merge_full(full_nodes[n.id], n.props, sha)
                    summary.nodes_updated += changed
                    node_rows.append([n.id, _props(props)])
                else:
                    props, ki = self._merge_new(stored, keys, n.props)
                    summary.nodes_updated += 1  # it gains a source
                    adds.append([n.id, ki, _props(props)])

            new_rels, rel_adds, rel_rows = [], [], []
            for i, r in enumerate(batch.rels):
                if i not in seen_rels:
                    summary.rels_created += 1
                    new_rels.append([r.type, r.src, r.dst, contribution_key(r.props), _props(merge_props({}, r.props))])
                    continue
                eid, _, _, keys, stored = seen_rels[i]
                if eid in full_rels:
                    props, changed = self._merge_full(full_rels[eid], r.props, sha)
                    summary.rels_updated += changed
                    rel_rows.append([eid, _props(props)])
                else:
                    props, ki = self._merge_new(stored, keys, r.props)
                    summary.rels_updated += 1  # it gains a source
                    rel_adds.append([eid, ki, _props(props)])
            tx.run(cypher.WRITE_BATCH, sha=sha, fresh=fresh, adds=adds, nodes=node_rows, new_rels=new_rels,
                   rel_adds=rel_adds, rels=rel_rows).consume()
            self._after_writes(tx)
            return summary

        try:
            return self._run(work, write=True)
        except Neo4jError as e:
            raise StoreError(f"Neo4j write failed: {e.message or e}") from e

    @staticmethod
    def _merge_new(stored: dict[str, Any], keys: list[str], new: dict[str, Any]) -> tuple[dict[str, Any], int]:
        """A document new to an existing node or relationship, from what ``LOCK_AND_READ``
        read (its properties without ``sources``, its distinct contributions): the
        properties to set (the merged ones that change, and the distinct contributions
        when this one is new) and the index of its contribution."""
        old = _light(stored)
        merged = merge_props(old, new)
        props = {k: v for k, v in merged.items() if old.get(k) != v}
        key = contribution_key(new)
        try:
            return props, keys.index(key)
        except ValueError:
            props[cypher.CONTRIB_KEYS] = [*keys, key]
            return props, len(keys)

    @staticmethod
    def _merge_full(stored: dict[str, Any], new: dict[str, Any], sha: str) -> tuple[dict[str, Any], int]:
        """A document written again, or contributions in an earlier form: merge with the
        whole stored record (``model`` rules) and store the contributions in the current
        form. Returns the properties to set and 1 when the public properties changed."""
        old, contrib = _split(stored)
        old.pop("id", None)
        merged = merge_props(old, {**new, "sources": [sha]})
        contrib = add_contribution(contrib, sha, new, known=in_sorted(old.get("sources"), sha))
        return {**merged, **_stored_contrib(contrib)}, int(merged != old)

    def _after_writes(self, tx: ManagedTransaction) -> None:
        """Hook at the end of a write transaction (tests inject failures here)."""

    def delete_document(self, sha256: str) -> bool:
        return bool(self._run(lambda tx: self._remove_source(tx, sha256), write=True))

    # -- reading ----------------------------------------------------------------------
    def get_many(self, ids: Iterable[str], sources: bool = True) -> dict[str, NodeRec]:
        ids = list(dict.fromkeys(ids))
        out: dict[str, NodeRec] = {}
        q = _pick(cypher.GET_NODES, sources)
        for chunk in _chunks(ids):
            for r in self._read(q, ids=chunk):
                out[r["id"]] = NodeRec(r["label"], r["id"], _node_props(r["props"], sources))
        return out

    def find(self, label: str, where: dict[str, object] | None = None, limit: int | None = None,
             offset: int = 0, sources: bool = True) -> list[NodeRec]:
        if label not in cypher.FIND:
            return []
        where = dict(where or {})
        limit_ = int(limit) if limit is not None else 2**62
        indexed = next((k for k in where if (label, k) in cypher.FIND_BY and where[k] is not None), None)
        if indexed is not None:
            value = where.pop(indexed)
            rows = self._read(_pick(cypher.FIND_BY[(label, indexed)], sources), value=value, where=where,
                              offset=int(offset), limit=limit_)
        else:
            rows = self._read(_pick(cypher.FIND[label], sources), where=where, offset=int(offset), limit=limit_)
        return [NodeRec(label, r["id"], _node_props(r["props"], sources)) for r in rows]

    def edges(self, ids: Iterable[str], types: Iterable[str] | None = None,
              direction: Direction = "out", sources: bool = True) -> dict[str, list[Edge]]:
        ids = list(dict.fromkeys(ids))
        tlist = list(types) if types is not None else None
        out: dict[str, list[Edge]] = {i: [] for i in ids}
        q = {"out": cypher.EDGES_OUT, "in": cypher.EDGES_IN, "both": cypher.EDGES_BOTH}[direction]
        for chunk in _chunks(ids):
            for r in self._read(_pick(q, sources), ids=chunk, types=tlist):
                other = r["dst"] if r["src"] == r["id"] else r["src"]
                out[r["id"]].append(Edge(RelRec(r["type"], r["src"], r["dst"], _rel_props(r["rprops"], sources)),
                                         NodeRec(r["label"], other, _node_props(r["props"], sources))))
        for v in out.values():
            v.sort(key=lambda e: (e.rel.type, e.rel.src, e.rel.dst))
        return out

    def lineage_reads(self, rec_id: str) -> Store:
        """Everything ``queries.lineage`` reads, in one statement (``cypher.LINEAGE_READS``)
        instead of one round trip per step: the same records ``get_many`` and ``edges``
        would return (light reads), held in a ``Prefetched`` view."""
        from .queries import LINEAGE_STEPS  # queries imports no store: no cycle at import

        rows = self._read(cypher.LINEAGE_READS, id=rec_id)
        nodes: dict[str, NodeRec | None] = {rec_id: None}
        found: dict[tuple[str, str], dict[tuple[str, str, str], Edge]] = {}
        covered: dict[tuple[str, str], set[str]] = {}

        def cover(ids: Iterable[str], direction: str, step: str) -> None:
            for i in ids:
                found.setdefault((i, direction), {})
                covered.setdefault((i, direction), set()).update(LINEAGE_STEPS[step])

        if rows:
            r = rows[0]
            nodes[rec_id] = NodeRec(r["label"], rec_id, _node_props(r["props"], False))
            cover([rec_id], "out", "around")
            cover([rec_id], "in", "around")
            cover(r["answerers"], "out", "answerer_out")
            cover(r["answerers"], "in", "update_in")
            cover(r["updates"], "out", "update_out")
            cover(r["roles"], "in", "role_in")
            for owner, direction, rtype, src, dst, rprops, label, props in r["edges"]:
                other = dst if direction == "out" else src
                found[(owner, direction)][(rtype, src, dst)] = Edge(
                    RelRec(rtype, src, dst, _rel_props(rprops, False)), NodeRec(label, other, _node_props(props, False)))
        edges = {k: (frozenset(covered[k]), list(v.values())) for k, v in found.items()}
        return Prefetched(self, nodes, edges)

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

    def search(self, query: str, labels: Iterable[str] | None = None, limit: int = 20,
               sources: bool = True) -> list[tuple[NodeRec, float]]:
        q = lucene_query(query)
        if not q:
            return []
        rows = self._read(_pick(cypher.SEARCH, sources), q=q, labels=list(labels) if labels else None,
                          limit=int(limit))
        return [(NodeRec(r["label"], r["id"], _node_props(r["props"], sources)), float(r["score"])) for r in rows]
