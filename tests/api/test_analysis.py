"""GET /export, /analysis/gaps and /reports: the same answers as the command line."""

from __future__ import annotations

import csv
import io

import rdflib
from govgraph.graph import analysis, reports


def test_export_turtle_parses_and_types_every_node(client, loaded_store):
    r = client.get("/export", params={"format": "ttl"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    g = rdflib.Graph().parse(data=r.text, format="turtle")
    assert len(g) > 100
    r = client.get("/export", params={"format": "xml"})
    assert r.status_code == 422
    assert client.get("/export", params={"board": "brd_nope"}).status_code == 404


def test_gaps_match_the_library(client, loaded_store):
    r = client.get("/analysis/gaps", params={"today": "2019-06-01", "months": 6})
    assert r.status_code == 200
    body = r.json()
    direct = analysis.gaps(loaded_store, months=6, today="2019-06-01")
    assert body["counts"] == direct["counts"]
    assert client.get("/analysis/gaps", params={"months": 0}).status_code == 422


def test_tracker_download_lists_oc16(client, loaded_store):
    r = client.get("/reports/recommendations", params={"format": "csv", "today": "2018-09-01"})
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == len(reports.recommendation_tracker(loaded_store, today="2018-09-01"))
    oc16 = [row for row in rows if "OC16" in row["text"]]
    assert oc16 and int(oc16[0]["findings"]) >= 4 and oc16[0]["last_discussed"] == "2018-08-28"
    x = client.get("/reports/actions", params={"format": "xlsx"})
    assert x.status_code == 200 and x.content[:2] == b"PK"
