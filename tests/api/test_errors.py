"""Errors are JSON without stack traces or raw exception text; the store's lifecycle; CORS."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from govgraph.api import create_app
from govgraph.graph import Store, StoreError, StoreUnavailable

from .support import api_settings, client_for

SECRET = "bolt://admin:hunter2@db.internal:7687"


class BrokenStore(Store):
    """A store whose every read raises ``exc``."""

    kind = "broken"

    def __init__(self, exc: Exception) -> None:
        self.exc = exc

    def _fail(self, *args, **kwargs):
        raise self.exc

    write = delete_document = get_many = find = edges = count = count_rels = _fail
    all_nodes = all_rels = search = _fail


@pytest.mark.parametrize("exc,code,detail", [
    (StoreUnavailable(f"Neo4j at {SECRET} is unavailable"), 503, "the graph store is unavailable; try again later"),
    (StoreError(f"Neo4j write failed at {SECRET}"), 500, "the graph store could not complete the request"),
    (RuntimeError(f"unexpected: {SECRET}"), 500, "internal server error"),
    (KeyError(SECRET), 500, "internal server error"),
])
def test_failures_are_json_without_details(exc, code, detail):
    app = create_app(BrokenStore(exc), api_settings())
    with TestClient(app, raise_server_exceptions=False) as c:
        for url in ("/meetings", "/recommendations/rec_0/lineage", "/search?q=x", "/people/per_0", "/actions"):
            r = c.get(url)
            assert r.status_code == code, url
            assert r.json() == {"detail": detail}
            assert "hunter2" not in r.text and "Traceback" not in r.text
        if code == 503:
            assert r.headers["retry-after"] == "5"


def test_unknown_routes_and_methods_are_json():
    with client_for(BrokenStore(RuntimeError())) as c:
        r = c.get("/nothing-here")
        assert r.status_code == 404 and r.json() == {"detail": "Not Found"}
        assert c.put("/meetings").status_code == 405


class CountingStore(BrokenStore):
    closed = 0

    def ping(self) -> bool:
        return True

    def close(self) -> None:
        self.closed += 1


def test_a_store_passed_in_stays_open_and_an_opened_one_is_closed(tmp_path):
    given = CountingStore(RuntimeError())
    with client_for(given):
        pass
    assert given.closed == 0  # the caller's to close

    app = create_app(settings=api_settings(store="embedded", data_dir=tmp_path / "data"))
    with TestClient(app) as c:
        assert c.get("/health").json()["store"] == "embedded"
        holder = app.state.store_holder
        opened = holder.get()
        assert holder.get() is opened  # one store per app
    assert holder._store is None  # closed and dropped on shutdown


def test_cors_is_closed_by_default(loaded_store_free_client):
    r = loaded_store_free_client.get("/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers
    r = loaded_store_free_client.options("/documents", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in r.headers


def test_cors_allows_only_configured_origins(tmp_path):
    from govgraph.graph.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path / "s")
    with client_for(store, cors_origins="https://audit.example, https://other.example") as c:
        r = c.get("/health", headers={"Origin": "https://audit.example"})
        assert r.headers["access-control-allow-origin"] == "https://audit.example"
        r = c.options("/documents", headers={"Origin": "https://other.example",
                                             "Access-Control-Request-Method": "POST",
                                             "Access-Control-Request-Headers": "authorization"})
        assert r.status_code == 200 and r.headers["access-control-allow-origin"] == "https://other.example"
        r = c.get("/health", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in r.headers


@pytest.fixture
def loaded_store_free_client(tmp_path):
    from govgraph.graph.embedded import EmbeddedStore

    with client_for(EmbeddedStore(tmp_path / "s")) as c:
        yield c
