"""The pages served by ``viz.routes``: status codes, escaping of untrusted text, offline."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from govgraph.graph.model import GraphBatch, Label, NodeRec, RelRec, make_id
from html_checks import assert_no_markup_from_documents, assert_offline
from viz_data import AMANDA, BOARD, DCC, F1, HOSTILE_SOURCE, HOSTILE_TEXT, IMG, M7, REC, SCRIPT
from viz_server import make_app


@pytest.fixture
def client(hand_store):
    with TestClient(make_app(hand_store)) as c:
        yield c


PAGES = [
    f"/view/recommendation/{REC}",
    f"/view/board/{BOARD}",
    f"/view/board/{BOARD}?attendance=true&chairs=true",
    f"/view/person/{AMANDA}",
    f"/view/person/{DCC}",
    f"/view/role/{DCC}",
    f"/view/meeting/{M7}",
    f"/view/node/{F1}?depth=1",
    f"/view/node/{M7}?depth=3&limit=50",
]


@pytest.mark.parametrize("path", PAGES)
def test_pages_render_offline(client, path):
    r = client.get(path)
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in r.headers["content-security-policy"]
    assert "new vis.Network" in r.text and 'id="gg-legend"' in r.text
    assert_offline(r.text)
    assert_no_markup_from_documents(r.text, scripts=2)  # vis-network, and the page's own


def test_lineage_page_escapes_hostile_text(client):
    html = client.get(f"/view/recommendation/{REC}").text
    assert_no_markup_from_documents(html, scripts=2)
    # The text is there, as JSON data the page shows with textContent.
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in html
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in html
    assert ".innerHTML" not in html.split("new vis.Network")[1]


def test_titles_and_names_are_escaped_in_markup(store):
    """Text that the page puts in its markup (title, subtitle, legend, index) is escaped."""
    sha = "d" * 64
    doc = NodeRec(Label.DOCUMENT, make_id(Label.DOCUMENT, sha), {"sha256": sha, "source": HOSTILE_SOURCE})
    rec = make_id(Label.RECOMMENDATION, "x", SCRIPT)
    board = make_id(Label.BOARD, IMG)
    person = make_id(Label.PERSON, SCRIPT)
    store.write(GraphBatch(doc, [
        NodeRec(Label.RECOMMENDATION, rec, {"ref": SCRIPT, "text": HOSTILE_TEXT}),
        NodeRec(Label.BOARD, board, {"name": IMG}),
        NodeRec(Label.PERSON, person, {"name": SCRIPT}),
    ], [RelRec("EVIDENCED_BY", rec, doc.id, {"quote": HOSTILE_TEXT, "start": 0, "end": 5})]))
    with TestClient(make_app(store)) as c:
        for path in (f"/view/recommendation/{rec}", f"/view/board/{board}", f"/view/person/{person}",
                     f"/view/node/{doc.id}"):
            r = c.get(path)
            assert r.status_code == 200
            assert_no_markup_from_documents(r.text, scripts=2)
            assert "&lt;script&gt;" in r.text or "&lt;img" in r.text or path.startswith("/view/node")
        index = c.get("/").text
        assert_no_markup_from_documents(index, scripts=1)
        assert "&lt;img src=x onerror=alert(1)&gt;" in index and "&lt;script&gt;alert(1)&lt;/script&gt;" in index
        missing = c.get("/view/node/" + quote(SCRIPT, safe=""))
        assert missing.status_code == 404
        assert_no_markup_from_documents(missing.text, scripts=0)


def test_index_lists_and_links(client):
    r = client.get("/")
    assert r.status_code == 200
    html = r.text
    for path in (f"/view/board/{BOARD}", f"/view/meeting/{M7}", f"/view/recommendation/{REC}",
                 f"/view/person/{AMANDA}", f"/view/person/{DCC}"):
        assert f'href="{path}"' in html
    assert 'href="/docs"' in html
    assert 'fetch(linkBase + "/search?limit=100&q="' in html
    assert ".innerHTML" not in html
    assert_offline(html)
    assert re.search(r"Meetings <span[^>]*>\(3\)", html)


def test_unknown_ids_are_404_pages(client):
    for path in ("/view/recommendation/nope", f"/view/recommendation/{M7}", "/view/board/nope",
                 "/view/person/nope", f"/view/person/{M7}", "/view/meeting/nope", "/view/node/nope"):
        r = client.get(path)
        assert r.status_code == 404, path
        assert r.headers["content-type"].startswith("text/html")
        assert "No " in r.text and "nope" in r.text or M7 in r.text


def test_bad_parameters(client):
    assert client.get(f"/view/recommendation/{REC}?from=last-june").status_code == 400
    assert client.get(f"/view/node/{F1}?depth=9").status_code == 422
    assert client.get(f"/view/node/{F1}?limit=0").status_code == 422


def test_filters_as_query_params(client):
    def node_ids(html: str) -> set[str]:
        return set(re.findall(r'"id": "((?:rec|rpt|mtg|fnd|act|upd|rol|per|brd|doc)_[0-9a-f]+)"', html))

    full = node_ids(client.get(f"/view/recommendation/{REC}").text)
    later = node_ids(client.get(f"/view/recommendation/{REC}?from=2018-07").text)
    assert later < full
    only = client.get(f"/view/recommendation/{REC}?types=Finding&types=Report").text
    assert {i[:3] for i in node_ids(only)} == {"rec", "rpt", "fnd"}
    assert node_ids(client.get(f"/view/recommendation/{REC}?types=Finding,Report").text) == node_ids(only)
    assert 'value="Finding" checked' in only and 'value="Meeting">' in only


def test_cap_note(client):
    html = client.get(f"/view/recommendation/{REC}?limit=5").text
    assert re.search(r"Showing 5 of 13 nodes\s+\(limit 5\)", html)
    assert 'id="gg-cap-note"' not in client.get(f"/view/recommendation/{REC}").text
    html = client.get(f"/view/node/{M7}?depth=2&limit=3").text
    assert re.search(r"Showing 3 of at least \d+ nodes", html)


def test_store_not_configured_is_503(hand_store):
    app = make_app(hand_store)
    app.state.store = None
    with TestClient(app) as c:
        r = c.get("/")
        assert r.status_code == 503 and "cannot be reached" in r.text
        assert c.get(f"/view/recommendation/{REC}").status_code == 503


def test_router_in_the_api_app(hand_store):
    """Mounted in the API's app, the pages find its store and sit beside its routes."""
    from govgraph.api.app import create_app
    from govgraph.viz.routes import router

    app = create_app(store=hand_store)
    app.include_router(router)
    with TestClient(app) as c:
        assert c.get("/").status_code == 200
        r = c.get(f"/view/recommendation/{REC}")
        assert r.status_code == 200 and "new vis.Network" in r.text
        assert c.get("/view/meeting/nope").status_code == 404
        hits = c.get("/search", params={"q": "OC16"}).json()
        assert {"id", "label"} <= set(hits["items"][0]["node"])  # the shape the index page reads
