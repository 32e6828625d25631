"""GET /health: which store, whether it answers, how many nodes of each label."""

from __future__ import annotations

from fastapi.testclient import TestClient
from govgraph.api import create_app

from .support import api_settings


def test_health_reports_the_store_and_its_counts(client, loaded_store):
    r = client.get("/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["reachable"] is True
    assert body["store"] == loaded_store.kind
    assert body["counts"]["Document"] == 3
    assert body["counts"]["Meeting"] >= 3 and body["counts"]["Finding"] > 0
    assert sum(body["counts"].values()) == loaded_store.count()
    assert body["relationships"] == loaded_store.count_rels()


def test_health_is_503_when_neo4j_cannot_be_reached():
    settings = api_settings(store="neo4j", neo4j_uri="bolt://127.0.0.1:9", neo4j_password="x")
    with TestClient(create_app(settings=settings)) as c:  # the app starts all the same
        r = c.get("/health")
        assert r.status_code == 503
        assert r.json() == {"status": "unavailable", "store": "neo4j", "reachable": False, "counts": {},
                            "relationships": None}
        r = c.get("/meetings")
        assert r.status_code == 503
        assert r.json() == {"detail": "the graph store is unavailable; try again later"}
