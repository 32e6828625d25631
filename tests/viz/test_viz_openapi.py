"""The pages' OpenAPI entries list every status they answer (400 bad date, 404 unknown
id, 500 store failure, 503 store unreachable), as HTML, and describe the dates they take."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from viz_data import REC
from viz_server import make_app

VIEWS = ["/view/recommendation/{rec_id}", "/view/board/{board_id}", "/view/person/{node_id}",
         "/view/role/{node_id}", "/view/meeting/{meeting_id}", "/view/node/{node_id}"]


def test_pages_declare_their_error_answers(hand_store):
    with TestClient(make_app(hand_store)) as c:
        paths = c.get("/openapi.json").json()["paths"]
    assert set(VIEWS) | {"/"} <= set(paths)
    for path in VIEWS + ["/"]:
        responses = paths[path]["get"]["responses"]
        wanted = {"200", "500", "503"} | ({"400", "404", "422"} if path != "/" else set())
        assert wanted <= set(responses), (path, sorted(responses))
        for code in wanted - {"422"}:
            assert "text/html" in responses[code]["content"], (path, code)
            assert responses[code]["description"]
    params = {p["name"]: p["schema"] for p in paths["/view/board/{board_id}"]["get"]["parameters"]}
    for name in ("from", "to"):
        pattern = next(s["pattern"] for s in params[name]["anyOf"] if "pattern" in s)
        assert all(re.fullmatch(pattern.strip("^$"), d) for d in ("2018", "2018-07", "2018-07-31"))
        assert not any(re.fullmatch(pattern.strip("^$"), d) for d in ("last-june", "18", "٢٠١٨"))


def test_answers_are_among_the_declared(hand_store):
    with TestClient(make_app(hand_store)) as c:
        paths = c.get("/openapi.json").json()["paths"]
        declared = set(paths["/view/recommendation/{rec_id}"]["get"]["responses"])
        for url in (f"/view/recommendation/{REC}", "/view/recommendation/nope",
                    f"/view/recommendation/{REC}?from=last-june", f"/view/recommendation/{REC}?to=٢٠١٨"):
            r = c.get(url)
            assert str(r.status_code) in declared, (url, r.status_code)
            assert r.status_code == 200 or r.headers["content-type"].startswith("text/html")
        assert c.get(f"/view/recommendation/{REC}?to=٢٠١٨").status_code == 400  # ASCII digits only
