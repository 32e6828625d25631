"""Nothing in the API depends on which store it is: the same minutes in the embedded
store and in Neo4j give the same JSON, route by route."""

from __future__ import annotations

import pytest

from .support import MINUTES, client_for, find_recommendation, ingest_minutes

pytestmark = pytest.mark.neo4j


def _urls(c) -> list[str]:
    rec = find_recommendation(c, "(OC16)")["recommendation"]["id"]
    meetings = [m["meeting"]["id"] for m in c.get("/meetings").json()["items"]]
    people = [p["person"]["id"] for p in c.get("/people").json()["items"]]
    boards = [b["board"]["id"] for b in c.get("/boards").json()["items"]]
    actions = [a["id"] for a in c.get("/actions").json()["items"]]
    return [
        "/recommendations", "/recommendations?evidence=unanswered", f"/recommendations/{rec}/lineage",
        "/meetings", *[f"/meetings/{m}" for m in meetings], "/people", *[f"/people/{p}" for p in people],
        "/boards", *[f"/boards/{b}" for b in boards], "/actions", "/actions?status=open&owner=DCC",
        *[f"/actions/{a}" for a in actions], "/roles/DCC?at=2018-07-31", "/roles/CC",
    ]


def test_both_stores_answer_alike(embedded_store, neo4j_store):
    for s in (embedded_store, neo4j_store):
        ingest_minutes(s, MINUTES)
    assert embedded_store.digest() == neo4j_store.digest()
    with client_for(embedded_store) as e, client_for(neo4j_store) as n:
        for url in _urls(e):
            assert e.get(url).json() == n.get(url).json(), url
        # search scores are each engine's own; the hits are the same nodes
        hits = [{h["node"]["id"] for h in c.get("/search", params={"q": "OC16", "limit": 500}).json()["items"]}
                for c in (e, n)]
        assert hits[0] == hits[1]
        counts = [c.get("/health").json() for c in (e, n)]
        assert counts[0]["counts"] == counts[1]["counts"]
