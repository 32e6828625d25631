"""The storage interface shared by Neo4j and the embedded store.

Stores offer a small set of primitives (write a document's batch in one transaction,
remove what a document contributed, read nodes and their relationships, in batches).
Everything an auditor asks (lineage, who owns what) is answered once, above this
interface, in ``graph.queries``: the two stores cannot drift apart in what they answer,
and each question costs a constant number of store round trips, never one per row.
"""

from __future__ import annotations

import contextlib
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from .model import GraphBatch, NodeRec, RelRec, digest_of

Direction = Literal["out", "in", "both"]


class StoreError(Exception):
    """The store could not do what was asked (unreachable, corrupt file, failed write)."""


class StoreUnavailable(StoreError):
    """The store cannot be reached now; the request may succeed later (HTTP 503)."""


@dataclass
class WriteSummary:
    """What one document's write did, for ingest summaries and the upload response."""

    sha256: str
    nodes_created: int = 0
    nodes_updated: int = 0
    rels_created: int = 0
    rels_updated: int = 0
    replaced: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "sha256": self.sha256,
            "nodes_created": self.nodes_created,
            "nodes_updated": self.nodes_updated,
            "rels_created": self.rels_created,
            "rels_updated": self.rels_updated,
            "replaced": list(self.replaced),
        }


@dataclass
class Edge:
    """A relationship seen from one node: the relationship and the node at its other end."""

    rel: RelRec
    node: NodeRec


class Store(ABC):
    """A graph store. Implementations: ``EmbeddedStore``, ``Neo4jStore``."""

    kind: str = "abstract"

    # -- writing -------------------------------------------------------------------
    @abstractmethod
    def write(self, batch: GraphBatch, replaces: Iterable[str] = ()) -> WriteSummary:
        """Write one document's batch in one transaction.

        ``replaces`` names earlier versions (sha256) of the same document whose
        contribution is removed in the same transaction, so a changed document never
        leaves both versions, nor neither, behind.
        """

    @abstractmethod
    def delete_document(self, sha256: str) -> bool:
        """Remove exactly what one document contributed; False if it is not loaded."""

    # -- reading -------------------------------------------------------------------
    # Reads take ``sources=False`` to leave each node's and relationship's ``sources`` list
    # out (it may be left out: the embedded store keeps it, at no cost). ``graph.queries``
    # reads that way: on a board, a role or a national recommendation the list grows with
    # every document that mentions it, and no answer shows it.
    @abstractmethod
    def get_many(self, ids: Iterable[str], sources: bool = True) -> dict[str, NodeRec]:
        """The nodes with these ids (missing ids are left out)."""

    @abstractmethod
    def find(self, label: str, where: dict[str, object] | None = None, limit: int | None = None,
             offset: int = 0, sources: bool = True) -> list[NodeRec]:
        """Nodes of a label whose properties equal ``where``, ordered by id."""

    @abstractmethod
    def edges(self, ids: Iterable[str], types: Iterable[str] | None = None,
              direction: Direction = "out", sources: bool = True) -> dict[str, list[Edge]]:
        """For each id, its relationships (of these types) and the nodes at the other end."""

    @abstractmethod
    def count(self, label: str | None = None) -> int:
        """How many nodes (of a label)."""

    @abstractmethod
    def count_rels(self, type: str | None = None) -> int:
        """How many relationships (of a type)."""

    @abstractmethod
    def all_nodes(self) -> Iterator[NodeRec]:
        """Every node, for export, analysis and the digest."""

    @abstractmethod
    def all_rels(self) -> Iterator[RelRec]:
        """Every relationship, for export, analysis and the digest."""

    @abstractmethod
    def search(self, query: str, labels: Iterable[str] | None = None, limit: int = 20,
               sources: bool = True) -> list[tuple[NodeRec, float]]:
        """Full-text search over the text and title of searchable nodes, best first.

        ``sources=False``: the nodes may come without their ``sources`` list (a light read,
        as in ``get_many``): a recommendation that every force discusses has thousands."""

    def ping(self) -> bool:
        """True when the store answers."""
        return True

    def close(self) -> None:  # noqa: B027 - optional hook, most stores hold nothing
        """Release connections and locks."""

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[Store]:
        """Many reads that should see one state of the store, checked for freshness once
        (the embedded store: one ``stat`` of its file instead of one per read). Here, for
        stores that need nothing of the kind: the store itself."""
        yield self

    def lineage_reads(self, rec_id: str) -> Store | None:
        """A view holding everything ``queries.lineage(rec_id)`` reads, fetched in one
        round trip, or None to read from the store itself (what most stores do)."""
        return None

    # -- derived -------------------------------------------------------------------
    def get(self, node_id: str, sources: bool = True) -> NodeRec | None:
        return self.get_many([node_id], sources=sources).get(node_id)

    def digest(self) -> str:
        """A canonical hash of the whole graph: equal content gives an equal digest."""
        return digest_of(list(self.all_nodes()), list(self.all_rels()))

    def documents(self) -> list[NodeRec]:
        return self.find("Document")

    def document_by_source(self, source: str) -> list[NodeRec]:
        """Loaded versions of a document, found by its source path or URL."""
        return self.find("Document", {"source": source})

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Prefetched(Store):
    """A read-only view over a part of a store fetched in advance (``lineage_reads``).

    It answers ``get_many`` and ``edges`` (as light reads, ``sources=False``) for the
    nodes, directions and relationship types it was given, exactly as the store would:
    same records, same order. Anything else it was not given is read from the store,
    so a view that misses something is slower, never wrong.
    """

    kind = "prefetched"

    def __init__(self, store: Store, nodes: dict[str, NodeRec | None],
                 edges: dict[tuple[str, str], tuple[frozenset[str], list[Edge]]]) -> None:
        # ``nodes``: id -> record (None: looked up, absent); ``edges``: (id, "out"/"in") ->
        # (the types fetched, every relationship of those types in that direction).
        self.store = store
        self.nodes = nodes
        self.edge_map = edges

    def get_many(self, ids: Iterable[str], sources: bool = True) -> dict[str, NodeRec]:
        ids = list(ids)
        if sources or any(i not in self.nodes for i in ids):
            return self.store.get_many(ids, sources=sources)
        return {i: n for i in ids if (n := self.nodes[i]) is not None}

    def _have(self, nid: str, direction: str, wanted: set[str] | None) -> bool:
        got = self.edge_map.get((nid, direction))
        return got is not None and wanted is not None and wanted <= got[0]

    def edges(self, ids: Iterable[str], types: Iterable[str] | None = None,
              direction: Direction = "out", sources: bool = True) -> dict[str, list[Edge]]:
        ids = list(dict.fromkeys(ids))
        wanted = set(types) if types is not None else None
        dirs = ("out", "in") if direction == "both" else (direction,)
        if sources or not all(self._have(i, d, wanted) for i in ids for d in dirs):
            return self.store.edges(ids, types, direction, sources=sources)
        out: dict[str, list[Edge]] = {}
        for i in ids:
            found = [e for d in dirs for e in self.edge_map[(i, d)][1] if e.rel.type in wanted]  # type: ignore[operator]
            found.sort(key=lambda e: (e.rel.type, e.rel.src, e.rel.dst))
            out[i] = found
        return out

    # The rest is the store's.
    def write(self, batch: GraphBatch, replaces: Iterable[str] = ()) -> WriteSummary:
        raise StoreError("a prefetched view is read-only")

    def delete_document(self, sha256: str) -> bool:
        raise StoreError("a prefetched view is read-only")

    def find(self, label: str, where: dict[str, object] | None = None, limit: int | None = None,
             offset: int = 0, sources: bool = True) -> list[NodeRec]:
        return self.store.find(label, where, limit, offset, sources)

    def count(self, label: str | None = None) -> int:
        return self.store.count(label)

    def count_rels(self, type: str | None = None) -> int:
        return self.store.count_rels(type)

    def all_nodes(self) -> Iterator[NodeRec]:
        return self.store.all_nodes()

    def all_rels(self) -> Iterator[RelRec]:
        return self.store.all_rels()

    def search(self, query: str, labels: Iterable[str] | None = None, limit: int = 20,
               sources: bool = True) -> list[tuple[NodeRec, float]]:
        return self.store.search(query, labels, limit, sources)
