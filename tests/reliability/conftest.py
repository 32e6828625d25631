"""Fixtures for the reliability suite.

``own_neo4j`` is a Neo4j server of this suite's own (separate run dir and Bolt port,
see ``support.OwnNeo4j``), so that fault tests can stop and restart it. It takes ~30 s
to start on a small machine, so its start begins as soon as collection shows a test
that needs it, and runs while the other tests do. Under ``CI=true`` it never skips.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from .support import OwnNeo4j, variants

_OWN: dict[str, OwnNeo4j] = {}


def _own() -> OwnNeo4j:
    if "server" not in _OWN:
        run_dir = Path(tempfile.mkdtemp(prefix="govgraph-reliability-neo4j-")) / "run"
        _OWN["server"] = OwnNeo4j(run_dir)
    return _OWN["server"]


def pytest_collection_finish(session: pytest.Session) -> None:
    if session.config.option.collectonly:
        return
    if any("own_neo4j" in getattr(item, "fixturenames", ()) for item in session.items):
        try:
            _own().start_async()
        except OSError:
            pass  # reported by the fixture


def _finish(server: OwnNeo4j) -> None:
    """Stop our server (waiting for a start in progress first) and delete its run dir."""
    server.settle()
    server.stop()
    shutil.rmtree(server.run_dir.parent, ignore_errors=True)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """A start begun at collection for tests that then did not run (-x, interrupted)."""
    server = _OWN.pop("server", None)
    if server is not None:
        _finish(server)


@pytest.fixture(scope="session")
def own_neo4j():
    server = _own()
    try:
        server.wait_started()
    except Exception as e:  # noqa: BLE001 - skip (or fail under CI) with the reason
        _OWN.pop("server", None)
        _finish(server)
        server.skip_or_fail(e)
    yield server
    _OWN.pop("server", None)
    _finish(server)


@pytest.fixture
def own_store(own_neo4j):
    """A wiped store on our own Neo4j (restarted first if a fault test left it down)."""
    try:
        s = own_neo4j.store()
    except Exception:  # noqa: BLE001 - a previous test may have left it stopped
        own_neo4j.start()
        s = own_neo4j.store()
    s.wipe()
    yield s
    s.close()


@pytest.fixture(scope="session")
def variant_docs(tmp_path_factory) -> list[Path]:
    """60 distinct minutes (support.variants), made once: tests share the files, so a
    clean reference load of the same files is computed once (support.clean_digest)."""
    return variants(tmp_path_factory.mktemp("variants"), 60)
