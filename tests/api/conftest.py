"""Fixtures for the API tests: the seed minutes and the June/August series loaded once
per test module into each store (embedded and Neo4j), and clients over them."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from .support import client_for, ingest_minutes


@pytest.fixture(scope="module", params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def loaded_store(request) -> Iterator:
    """June, July (the seed) and August minutes, loaded once per module into each store.
    Read-only: tests that write use the function-scoped ``store`` fixture instead."""
    if request.param == "embedded":
        from govgraph.graph.embedded import EmbeddedStore

        with tempfile.TemporaryDirectory(prefix="govgraph-api-") as tmp:
            store = EmbeddedStore(Path(tmp) / "store")
            ingest_minutes(store)
            yield store
            store.close()
    else:
        from govgraph.graph.neo4j_store import Neo4jStore

        uri, user, password = request.getfixturevalue("neo4j_conn")
        store = Neo4jStore(uri, user, password)
        store.wipe()
        ingest_minutes(store)
        yield store
        store.close()


@pytest.fixture(scope="module")
def client(loaded_store) -> Iterator[TestClient]:
    """A client over the loaded store (one app per module and store)."""
    with client_for(loaded_store) as c:
        yield c
