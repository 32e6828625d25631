"""The graph: the model (``graph.model``), the store interface (``graph.store``), the
embedded store and the Neo4j store, and store-independent queries (``graph.queries``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .store import Store, StoreError, StoreUnavailable

if TYPE_CHECKING:
    from govgraph.settings import Settings


def open_store(settings: Settings | None = None, kind: str | None = None) -> Store:
    """Open the store that the settings (or ``kind``) choose; embedded by default."""
    from govgraph.settings import get_settings

    settings = settings or get_settings()
    kind = kind or settings.store
    if kind == "embedded":
        from .embedded import EmbeddedStore

        return EmbeddedStore(settings.data_dir)
    if kind == "neo4j":
        from .neo4j_store import Neo4jStore

        return Neo4jStore(settings.neo4j_uri, settings.neo4j_user, settings.neo4j_password,
                          database=settings.neo4j_database)
    raise StoreError(f"unknown store {kind!r}: choose 'embedded' or 'neo4j'")


__all__ = ["Store", "StoreError", "StoreUnavailable", "open_store"]
