"""Shared fixtures: a store of each kind, real ones.

``store`` is parametrised over the embedded store and Neo4j, so every test that takes it
runs the same assertions on both. Neo4j comes from ``NEO4J_URI`` when set, otherwise a
local server is started once per session (scripts/neo4j_local.py). Under ``CI=true`` a
Neo4j test never skips: if the server cannot start, the test fails with the reason.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(TESTS))


def shared_or_skip() -> Path:
    """The read-only ../shared folder (present in CI); skip only where it is absent."""
    if not SHARED.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{SHARED} is missing under CI")
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def neo4j_conn():
    from neo4j_server import neo4j_connection, neo4j_required

    try:
        return neo4j_connection()
    except Exception as e:  # noqa: BLE001 - the reason is reported either way
        if neo4j_required():
            pytest.fail(f"Neo4j could not be started under CI: {e}")
        pytest.skip(f"Neo4j not available: {e}")


@pytest.fixture
def neo4j_store(neo4j_conn):
    from govgraph.graph.neo4j_store import Neo4jStore

    uri, user, password = neo4j_conn
    s = Neo4jStore(uri, user, password)
    s.wipe()
    yield s
    s.close()


@pytest.fixture
def embedded_store(tmp_path):
    from govgraph.graph.embedded import EmbeddedStore

    s = EmbeddedStore(tmp_path / "store")
    yield s
    s.close()


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request):
    """The same test, once on each store."""
    return request.getfixturevalue(f"{request.param}_store")
