"""The storage interface shared by Neo4j and the embedded store.

Stores offer a small set of primitives (write a document's batch in one transaction,
remove what a document contributed, read nodes and their relationships, in batches).
Everything an auditor asks (lineage, who owns what) is answered once, above this
interface, in ``graph.queries``: the two stores cannot drift apart in what they answer,
and each question costs a constant number of store round trips, never one per row.
"""

from __future__ import annotations

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
    def search(self, query: str, labels: Iterable[str] | None = None, limit: int = 20) -> list[tuple[NodeRec, float]]:
        """Full-text search over the text and title of searchable nodes, best first."""

    def ping(self) -> bool:
        """True when the store answers."""
        return True

    def close(self) -> None:  # noqa: B027 - optional hook, most stores hold nothing
        """Release connections and locks."""

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
