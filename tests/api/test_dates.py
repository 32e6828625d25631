"""Date parameters take ISO dates (YYYY-MM-DD) only. Pydantic's lax mode would read a
number as a Unix time (``?today=0`` was 1970-01-01, ``?at=20180731`` a day in August
1970): those are refused with a 422 that says which format is wanted."""

from __future__ import annotations

import pytest

# (path, date parameter, other parameters) for every date parameter of the API.
DATE_PARAMS = [
    ("/actions", "raised_before", {}),
    ("/roles/DCC", "at", {}),
    ("/analysis/gaps", "today", {}),
    ("/reports/recommendations", "today", {"format": "csv"}),
    ("/reports/actions", "today", {"format": "md"}),
]
NOT_ISO = ["0", "1530403200", "20180731", "1530403200.5", "2018-07-31T00:00:00", "31/07/2018", "2018-7-31",
           " 2018-07-31", "2018-07-31 "]


def test_every_date_parameter_is_listed_here(client):
    spec = client.get("/openapi.json").json()
    found = {(path, p["name"]) for path, ops in spec["paths"].items() for op in ops.values()
             for p in op.get("parameters", [])
             if any(s.get("format") == "date" for s in [p["schema"], *p["schema"].get("anyOf", [])])}
    listed = {("/roles/{abbr}" if path.startswith("/roles/") else
               "/reports/{kind}" if path.startswith("/reports/") else path, name) for path, name, _ in DATE_PARAMS}
    assert found == listed


@pytest.mark.parametrize("path, name, extra", DATE_PARAMS)
def test_dates_must_be_iso(client, path, name, extra):
    assert client.get(path, params={**extra, name: "2018-07-31"}).status_code == 200
    for value in NOT_ISO:
        r = client.get(path, params={**extra, name: value})
        assert r.status_code == 422, (path, name, value, r.status_code)
        [error] = r.json()["detail"]
        assert error["loc"] == ["query", name]
        assert "YYYY-MM-DD" in error["msg"], error
    r = client.get(path, params={**extra, name: "2018-02-30"})  # ISO-shaped, but no such day
    assert r.status_code == 422
