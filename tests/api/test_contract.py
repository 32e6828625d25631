"""The read routes send the query's dict as it is (api/respond.py: no validation by
FastAPI on the way out, for speed). This checks, for every JSON read route and every
id in the loaded minutes, that what is sent validates against the route's response
model and is exactly what the model would have written, except that an optional field
a node lacks is left out rather than sent as ``null`` (``exclude_unset``): nothing is
dropped, renamed or coerced. The models stay the contract.
"""

from __future__ import annotations

import json

from fastapi.routing import APIRoute
from govgraph.api.app import ROUTERS
from pydantic import TypeAdapter

from .support import client_for

SEARCHES = ["DCC", "domestic abuse", "audit report", "force"]


def _first_difference(a, b, where="$"):
    """Where two JSON values first differ (for the failure message)."""
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{where}.{k}: only in {'sent' if k in a else 'model'}"
            d = _first_difference(a[k], b[k], f"{where}.{k}")
            if d:
                return d
        return None
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return next((d for i, (x, y) in enumerate(zip(a, b, strict=True)) if (d := _first_difference(x, y, f"{where}[{i}]"))), None)
    return None if a == b else f"{where}: {a!r} != {b!r}"


def _ids(client, path: str, *keys: str) -> list[str]:
    items = client.get(path, params={"limit": 500}).json()["items"]
    out = []
    for item in items:
        for k in keys:
            item = item[k]
        out.append(item)
    assert out, path
    return out


def _paths(client) -> dict[str, list[str]]:
    """Concrete paths to ask, by route template, from the lists themselves."""
    recs = _ids(client, "/recommendations", "recommendation", "id")
    lineages = [client.get(f"/recommendations/{r}/lineage").json() for r in recs]
    findings = sorted({f["id"] for lin in lineages for f in lin["findings"]})
    actions = _ids(client, "/actions", "id")
    meetings = _ids(client, "/meetings", "meeting", "id")
    people = _ids(client, "/people", "person", "id")
    roles = sorted({t["role"]["abbr"] for p in client.get("/people", params={"limit": 500}).json()["items"]
                    for t in p["roles"] if t["role"].get("abbr")})
    assert findings and roles
    return {
        "/recommendations": ["/recommendations", "/recommendations?evidence=answered&limit=3&offset=1"],
        "/recommendations/{rec_id}/lineage": [f"/recommendations/{r}/lineage" for r in recs],
        "/findings/{finding_id}": [f"/findings/{f}" for f in findings],
        "/actions": ["/actions", "/actions?status=open", "/actions?owner=DCC&limit=2"],
        "/actions/{action_id}": [f"/actions/{a}" for a in actions],
        "/meetings": ["/meetings", "/meetings?limit=1&offset=1"],
        "/meetings/{meeting_id}": [f"/meetings/{m}" for m in meetings],
        "/people": ["/people"],
        "/people/{person_id}": [f"/people/{p}" for p in people],
        "/roles/{abbr}": [f"/roles/{r}" for r in roles] + [f"/roles/{r}?at=2018-07-31" for r in roles],
        "/boards": ["/boards"],
        "/boards/{board_id}": [f"/boards/{b}" for b in _ids(client, "/boards", "board", "id")],
        "/search": [f"/search?q={q}" for q in SEARCHES] + ["/search?q=DCC&label=Finding&limit=2"],
        "/documents": ["/documents"],
        "/documents/{sha256}": [f"/documents/{d}" for d in _ids(client, "/documents", "sha256")],
        "/health": ["/health"],
        "/analysis/gaps": ["/analysis/gaps?today=2019-01-01"],
    }


def test_every_answer_is_what_its_model_would_write(loaded_store):
    with client_for(loaded_store) as client:
        routes = {r.path: r for module in ROUTERS for r in module.router.routes
                  if isinstance(r, APIRoute) and "GET" in r.methods and r.response_model is not None}
        paths = _paths(client)
        assert set(routes) == set(paths), "a JSON read route is not covered here"
        checked = 0
        for template, concrete in paths.items():
            adapter = TypeAdapter(routes[template].response_model)
            for path in concrete:
                r = client.get(path)
                assert r.status_code == 200, (path, r.text[:200])
                assert r.headers["content-type"] == "application/json", path
                sent = r.json()
                model_json = json.loads(adapter.dump_json(adapter.validate_python(sent), by_alias=True,
                                                           exclude_unset=True))
                assert sent == model_json, (path, _first_difference(sent, model_json))
                checked += 1
        assert checked > 60
