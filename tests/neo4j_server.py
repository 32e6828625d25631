"""Where the tests find a real Neo4j server (a helper module, imported by conftest.py).

``neo4j_connection()`` returns ``(uri, user, password)``:

- when ``NEO4J_URI`` is set, that server is used as is (with ``NEO4J_USER``,
  default ``neo4j``, and ``NEO4J_PASSWORD``, default ``govgraph-test``), e.g. the
  docker-compose service or a server CI started;
- otherwise the local server of ``scripts/neo4j_local.py`` (Neo4j Community from
  Maven Central, no Docker) is used, through a lease: a server that is already
  running is reused; one started here is stopped when the last process using it
  (this one, or a concurrent test run sharing the run dir) exits.  A server
  started by hand (``scripts/neo4j-local start``) is left running.

The first local start fetches ~125 MB of jars with Maven (cached outside the repo
afterwards); a warm start takes a few seconds.  Failures raise
``Neo4jUnavailable`` with the reason (java or mvn missing, port busy, timeout
with the server's last log lines, wrong password for an existing run dir, ...).

``neo4j_required()`` is True under CI (``CI=true``), where a Neo4j test must fail
rather than skip when no server can be had.
"""

from __future__ import annotations

import atexit
import importlib.util
import os
import sys
import threading
from pathlib import Path
from types import ModuleType

__all__ = ["Neo4jUnavailable", "neo4j_connection", "neo4j_required", "local_server_module"]

_SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "neo4j_local.py"
_lock = threading.Lock()
_cached: tuple[str, str, str] | None = None


class Neo4jUnavailable(RuntimeError):
    """No Neo4j server could be found or started; the message says why."""


def neo4j_required() -> bool:
    """True when a Neo4j test must not be skipped (under CI)."""
    return os.environ.get("CI", "").strip().lower() == "true"


def local_server_module() -> ModuleType:
    """scripts/neo4j_local.py imported as a module (scripts/ is not a package)."""
    name = "govgraph_scripts_neo4j_local"
    if name in sys.modules:
        return sys.modules[name]
    if not _SCRIPT.exists():
        raise Neo4jUnavailable(f"{_SCRIPT} is missing")
    spec = importlib.util.spec_from_file_location(name, _SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def neo4j_connection() -> tuple[str, str, str]:
    """``(uri, user, password)`` of a running Neo4j; starts the local one if needed."""
    global _cached
    with _lock:
        if _cached is not None:
            return _cached
        user = os.environ.get("NEO4J_USER") or "neo4j"
        uri = os.environ.get("NEO4J_URI")
        if uri:
            _cached = (uri, user, os.environ.get("NEO4J_PASSWORD") or "govgraph-test")
            return _cached
        local = local_server_module()
        try:
            uri = local.lease()  # starts it, or reuses a running one after checking it answers
        except local.Neo4jLocalError as exc:
            raise Neo4jUnavailable(
                f"NEO4J_URI is not set and the local Neo4j server could not be started: {exc}"
            ) from exc
        except OSError as exc:
            raise Neo4jUnavailable(f"starting the local Neo4j server failed: {exc!r}") from exc
        atexit.register(_release_local, local)
        _cached = (uri, local.USER, local.password())
        return _cached


def _release_local(local: ModuleType) -> None:
    try:
        local.release()  # stops the server if a lease started it and this was its last user
    except Exception as exc:  # noqa: BLE001 - never fail interpreter exit
        print(f"[neo4j-local] could not stop the local server: {exc}", file=sys.stderr)
