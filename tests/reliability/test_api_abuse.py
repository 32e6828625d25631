"""Hostile requests: injection in every parameter of every route, path traversal in
upload names, oversized and trickled uploads, writes without the right token, CORS.

Each request must change nothing (the store's digest before and after is equal), leak
nothing (no stack trace, exception class, file path, Cypher or driver text in the
body) and never answer 5xx (503, documented, would only mean the store is down; it is
not, here).
"""

from __future__ import annotations

import builtins
import contextlib
import json
import os
import re
import socket
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient
from govgraph.api import create_app
from govgraph.api.upload import safe_filename

from .support import AUTH, GOOD, TOKEN, api_settings, free_port, wait_until

# The payloads sent in every string parameter on every store (what could reach Cypher,
# Lucene or HTML); on the embedded store, string parameters get all of INJECTIONS.
CORE = [
    "}) MATCH (n) DETACH DELETE n //", "x'}) MATCH (n) DETACH DELETE n WITH 1 AS x MATCH (m {id: 'x",
    "' OR 1=1 --", "`Meeting`) DETACH DELETE n //", ":Entity", "-[:HELD]->", "CALL db.labels()", "*:*",
    "text:(knife OR crime)~2^4", "\\", "<script>alert(1)</script>", "\x00", "\u202eevil\u202c", "x" * 10_000,
    "9" * 400, "../../etc/passwd",
]
# Typed parameters (numbers, booleans, enums, dates) are validated before any store call.
TYPED = ["' OR 1=1 --", "\x00", "x" * 10_000, "9" * 400, "-1", "1e309", "NaN", "true"]
INJECTIONS = [
    "}) MATCH (n) DETACH DELETE n //",
    "x'}) MATCH (n) DETACH DELETE n WITH 1 AS x MATCH (m {id: 'x",
    "' OR 1=1 --",
    '" OR ""="',
    "1; DROP TABLE meetings; --",
    "Document", ":Entity", "n:Person", "`Meeting`) DETACH DELETE n //", "-[:HELD]->", "HELD]->(x) DELETE x //",
    "CALL db.labels()", "CALL apoc.cypher.runWrite('MATCH (n) DETACH DELETE n', {})",
    "$where", "{id: 'x'}", "*:*", "text:(knife OR crime)~2^4", "\\", '"', "/*", "%s%n%x{0}{__class__}",
    "../../etc/passwd", "..%2f..%2fetc%2fpasswd", "<script>alert(1)</script>", "javascript:alert(1)",
    "\x00", "a\x00b", "\u202eevil\u202c", "\U0001f600" * 100, "e\u0301" * 50, "\ufeff", "\r\nX-Injected: 1",
    "x" * 10_000, "-1", "0", "9" * 400, "1e309", "NaN", "true", "null", "[]", "{}",
]
# Text that would show an internal error or internals reaching the client.
LEAKS = re.compile(
    r"Traceback|File \"|\.py\b|site-packages|neo4j\.exceptions|Neo\.(?:Client|Transient|Database)Error|"
    r"CypherSyntaxError|SyntaxError|KeyError|TypeError|ValueError|AttributeError|RuntimeError|Exception\b|"
    r"bolt://|govgraph-test|networkx|MATCH \(|DETACH DELETE|UNWIND")
# HTML pages inline a JS library that names its own TypeErrors: there, only the unmistakable.
HTML_LEAKS = re.compile(r"Traceback|File \"|site-packages|neo4j\.exceptions|Neo\.\w+Error|CypherSyntaxError|"
                        r"bolt://|govgraph-test")
XSS = "<script>alert(1)</script>"


def _strip_echo(body: str, payload: str) -> str:
    """The body without echoes of the payload itself (a 404 or 422 may quote the input)."""
    for form in {payload, json.dumps(payload)[1:-1], quote(payload, safe=""), payload[:77]}:
        if form:
            body = body.replace(form, "")
    return body


def _is_text(schema: dict) -> bool:
    """A free-text parameter: a string (or list of strings) without enum or format."""
    options = schema.get("anyOf", [schema])
    for o in options:
        o = o.get("items", o) if o.get("type") == "array" else o
        if o.get("type") == "string" and "enum" not in o and "format" not in o and "$ref" not in o:
            return True
    return False


def _requests(spec: dict, ids: dict[str, str], text_payloads: list[str]) -> list[tuple[str, str, dict, str]]:
    """(method, url, params, payload) for every GET route and parameter: ``text_payloads``
    in free-text parameters, ``TYPED`` in the others."""
    out = []
    for path, ops in spec["paths"].items():
        op = ops.get("get")
        if op is None:
            continue
        params = op.get("parameters", [])
        path_params = [p["name"] for p in params if p["in"] == "path"]
        base = path
        for name in path_params:
            base = base.replace("{" + name + "}", quote(ids.get(name, "x"), safe=""))
        for p in params:
            for payload in text_payloads if _is_text(p.get("schema", {})) else TYPED:
                if p["in"] == "path":
                    url = path
                    for name in path_params:
                        value = payload if name == p["name"] else ids.get(name, "x")
                        url = url.replace("{" + name + "}", quote(value, safe=""))
                    out.append(("GET", url, {}, payload))
                else:
                    out.append(("GET", base, {p["name"]: payload}, payload))
    return out


def _check(r: httpx.Response, payload: str, where: str) -> None:
    assert r.status_code < 500, (where, r.status_code, r.text[:300])
    body = r.text
    ctype = r.headers.get("content-type", "")
    if ctype.startswith("application/json"):
        json.loads(body)
    pattern = HTML_LEAKS if ctype.startswith("text/html") else LEAKS
    leaks = [m for m in pattern.findall(_strip_echo(body, payload)) if m not in payload]  # not echoes
    assert not leaks, (where, r.status_code, leaks[:5], body[:300])
    if ctype.startswith("text/html"):
        assert XSS not in body, (where, "payload reflected unescaped in HTML")


@pytest.fixture
def seeded(store):
    from govgraph.ingest.load import ingest_paths

    assert ingest_paths(list(GOOD), store, progress=False).ok
    return store


def _ids(client: TestClient) -> dict[str, str]:
    """Real ids for the path parameters not under attack, so the rest of a URL is valid."""
    rec = client.get("/recommendations", params={"limit": 1}).json()["items"][0]["recommendation"]["id"]
    meeting = client.get("/meetings", params={"limit": 1}).json()["items"][0]["meeting"]["id"]
    doc = client.get("/documents", params={"limit": 1}).json()["items"][0]["sha256"]
    return {"rec_id": rec, "meeting_id": meeting, "node_id": meeting, "board_id": "x", "person_id": "x",
            "finding_id": "x", "action_id": "x", "abbr": "CC", "sha256": doc, "kind": "actions"}


def test_injection_in_every_parameter_changes_and_leaks_nothing(seeded):
    store = seeded
    before = store.digest()
    payloads = INJECTIONS if store.kind == "embedded" else CORE
    with TestClient(create_app(store, api_settings()), raise_server_exceptions=False) as c:
        spec = c.get("/openapi.json").json()
        requests = _requests(spec, _ids(c), payloads)
        assert len(requests) > 600  # every GET route, every parameter, many payloads
        statuses: dict[int, int] = {}
        for method, url, params, payload in requests:
            r = c.request(method, url, params=params)
            statuses[r.status_code] = statuses.get(r.status_code, 0) + 1
            _check(r, payload, f"{method} {url[:80]} {str(params)[:80]}")
        # Writes with the right token but hostile ids: refused or not found, never a change.
        for payload in payloads:
            r = c.delete(f"/documents/{quote(payload, safe='')}", headers=AUTH)
            assert r.status_code in (404, 405, 422), (payload, r.status_code)
            _check(r, payload, "DELETE /documents/{payload}")
    assert store.digest() == before
    assert set(statuses) <= {200, 404, 400, 422}, statuses
    print(f"\n[abuse] {store.kind}: {sum(statuses.values())} hostile GETs + {len(payloads)} DELETEs, "
          f"statuses {dict(sorted(statuses.items()))}")


# -- uploads ----------------------------------------------------------------------------------

TRAVERSALS = [
    "../../etc/passwd.txt", "../../../../../../tmp/govgraph-probe.txt", "..\\..\\windows\\win.ini.txt",
    "/etc/cron.d/govgraph-probe.txt", "....//....//govgraph-probe.txt", "%2e%2e%2fgovgraph-probe.txt",
    "a/../../b/../govgraph-probe.txt", "C:\\temp\\..\\govgraph-probe.txt", "~/.bashrc.txt", "./.env.txt",
    "\u202etxt.exe\u202c.txt", "con.txt", " minutes.txt", "x" * 500 + ".txt", "\u0430\u0431\u0432.txt",
    "name\r\nX-Injected: 1.txt", "<script>alert(1)</script>.txt", "'; DROP TABLE x; --.txt",
]


class WriteRecorder:
    """Every path opened for writing (built-in open, os.open) while active."""

    def __init__(self) -> None:
        self.paths: list[str] = []

    @contextlib.contextmanager
    def active(self, monkeypatch):
        real_open, real_os_open = builtins.open, os.open

        def rec_open(file, mode="r", *a, **k):
            if isinstance(file, (str, os.PathLike)) and any(m in mode for m in "wax+"):
                self.paths.append(os.path.abspath(file))
            return real_open(file, mode, *a, **k)

        def rec_os_open(path, flags, *a, **k):
            if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
                self.paths.append(os.path.abspath(path))
            return real_os_open(path, flags, *a, **k)

        with monkeypatch.context() as m:
            m.setattr(builtins, "open", rec_open)
            m.setattr(os, "open", rec_os_open)
            yield self


def test_upload_filenames_never_become_paths(embedded_store, monkeypatch, tmp_path):
    tmp_root = Path(tempfile.gettempdir()).resolve()
    before_tmp = set(tmp_root.glob("govgraph-upload-*"))
    data_dir = Path(embedded_store.data_dir).resolve()
    base = GOOD[1].read_bytes()
    recorder = WriteRecorder()
    with TestClient(create_app(embedded_store, api_settings())) as c, recorder.active(monkeypatch):
        for i, name in enumerate(TRAVERSALS):
            body = base + f"\n[upload {i}]\n".encode()
            r = c.post("/documents", files={"file": (name, body)}, headers=AUTH)
            assert r.status_code == 201, (name, r.status_code, r.text[:300])
            source = r.json()["document"]["source"]
            if "\r" not in name:  # (httpx sends CR LF in a filename percent-encoded)
                assert source == safe_filename(name), (name, source)
            assert "/" not in source and "\\" not in source and not source.startswith(".")
            assert re.fullmatch(r"[A-Za-z0-9._ -]+", source), source
    # Every write went to an upload temp dir of ours, or to the store's own folder.
    for p in recorder.paths:
        rp = Path(p).resolve()
        inside_upload = rp.parent.name.startswith("govgraph-upload-") and rp.parent.parent == tmp_root
        assert inside_upload or rp.is_relative_to(data_dir), f"wrote outside temp: {p}"
    assert any(Path(p).parent.name.startswith("govgraph-upload-") for p in recorder.paths)
    # ... and nothing is left behind, nor did a probe file appear anywhere near.
    assert set(tmp_root.glob("govgraph-upload-*")) == before_tmp
    for where in {Path.cwd(), *Path.cwd().parents, tmp_root, *tmp_root.parents, data_dir, data_dir.parent}:
        assert not (where / "govgraph-probe.txt").exists(), where
    # One document per sanitised name (a later upload of a name replaces the earlier one).
    sources = sorted(d.props["source"] for d in embedded_store.documents())
    assert len(sources) == len(set(sources)) == len({safe_filename(n) for n in TRAVERSALS})
    assert {"passwd.txt", "win.ini.txt", "govgraph-probe.txt", "bashrc.txt"} <= set(sources), sources


def test_oversized_uploads_are_refused_and_leave_nothing(store):
    """413 with or without a Content-Length; a chunked body is cut off at the limit."""
    before = store.digest()
    tmp_root = Path(tempfile.gettempdir())
    leftovers = set(tmp_root.glob("govgraph-upload-*"))
    limit = 200_000
    with TestClient(create_app(store, api_settings(max_upload_bytes=limit))) as c:
        big = b"Present: Ann Smith\n" * (limit // 10)
        r = c.post("/documents", files={"file": ("big.txt", big)}, headers=AUTH)
        assert r.status_code == 413 and "limit is 200000 bytes" in r.json()["detail"]

        boundary = "govgraphboundary"

        def chunked():  # no Content-Length: Transfer-Encoding chunked
            yield _part_head(boundary, "big.txt")
            for _ in range(50):
                yield b"x" * 16384
            yield f"\r\n--{boundary}--\r\n".encode()

        r = c.post("/documents", content=chunked(), headers={
            **AUTH, "Content-Type": f"multipart/form-data; boundary={boundary}"})
        assert r.status_code == 413

        # Lying Content-Length (small) with a big body: cut off at the limit all the same.
        r = c.post("/documents", content=b"x" * (limit * 2), headers={
            **AUTH, "Content-Type": f"multipart/form-data; boundary={boundary}", "Content-Length": "10"})
        assert r.status_code in (413, 422, 400)

        # Form fields (not the file) that go on and on.
        r = c.post("/documents", data={"note": "x" * 200_000}, files={"file": ("m.txt", b"Present: A")},
                   headers=AUTH)
        assert r.status_code == 413
    assert set(tmp_root.glob("govgraph-upload-*")) == leftovers
    assert store.digest() == before


def _part_head(boundary: str, filename: str) -> bytes:
    return (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\n"
            "Content-Type: text/plain\r\n\r\n").encode()


@contextlib.contextmanager
def serve(app, port: int):
    """The app on a real HTTP server (uvicorn, loopback only), in a thread."""
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    wait_until(lambda: server.started, 30, what="uvicorn to start")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(30)


def test_a_trickled_upload_completes_and_does_not_block_others(embedded_store):
    body_text = GOOD[0].read_bytes()
    chunks = [body_text[i:i + 512] for i in range(0, len(body_text), 512)]
    boundary = "trickleboundary"
    port = free_port()
    with serve(create_app(embedded_store, api_settings()), port) as url:
        def trickle():
            yield (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"june.txt\"\r\n"
                   "Content-Type: text/plain\r\n\r\n").encode()
            for ch in chunks:
                time.sleep(3.0 / len(chunks))  # ~3 s for the whole file
                yield ch
            yield f"\r\n--{boundary}--\r\n".encode()

        result: dict = {}

        def upload():
            with httpx.Client(timeout=60) as client:
                result["r"] = client.post(f"{url}/documents", content=trickle(), headers={
                    **AUTH, "Content-Type": f"multipart/form-data; boundary={boundary}"})

        t = threading.Thread(target=upload)
        t.start()
        latencies = []
        with httpx.Client(timeout=10) as client:
            while t.is_alive():
                t0 = time.perf_counter()
                assert client.get(f"{url}/health").status_code == 200
                latencies.append(time.perf_counter() - t0)
                time.sleep(0.1)
        t.join()
        assert result["r"].status_code == 201, result["r"].text
        assert len(latencies) >= 10 and max(latencies) < 2.0, latencies
        print(f"\n[abuse] trickled upload: 201; {len(latencies)} /health answers meanwhile, "
              f"slowest {max(latencies) * 1000:.0f} ms")

        # A client that sends half a body and hangs up: nothing loaded, nothing left behind.
        tmp_root = Path(tempfile.gettempdir())
        leftovers = set(tmp_root.glob("govgraph-upload-*"))
        part = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"half.txt\"\r\n"
                "Content-Type: text/plain\r\n\r\n").encode() + GOOD[2].read_bytes()[:4000]
        with socket.create_connection(("127.0.0.1", port)) as s:
            s.sendall((f"POST /documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {TOKEN}\r\n"
                       f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
                       f"Content-Length: {len(part) * 3}\r\n\r\n").encode() + part)
            time.sleep(0.5)
        wait_until(lambda: set(tmp_root.glob("govgraph-upload-*")) == leftovers, 10,
                   what="the abandoned upload's temp dir to go")
        with httpx.Client(timeout=10) as client:
            docs = client.get(f"{url}/documents").json()
        assert [d["source"] for d in docs["items"]] == ["june.txt"]


def test_an_endless_chunked_upload_is_cut_off_at_the_limit(embedded_store):
    """Over a real socket: the 413 arrives once the limit is passed, long before the
    client has sent what it meant to (64 MB), and nothing is kept."""
    limit, boundary, port = 500_000, "endlessboundary", free_port()
    tmp_root = Path(tempfile.gettempdir())
    leftovers = set(tmp_root.glob("govgraph-upload-*"))
    with serve(create_app(embedded_store, api_settings(max_upload_bytes=limit)), port), \
            socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall((f"POST /documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {TOKEN}\r\n"
                   f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
                   "Transfer-Encoding: chunked\r\n\r\n").encode())
        head = _part_head(boundary, "endless.txt")
        s.sendall(f"{len(head):x}\r\n".encode() + head + b"\r\n")
        sent, answer = 0, b""
        chunk = b"x" * 65536
        s.setblocking(False)
        while sent < 64 * 1024 * 1024 and not answer:
            try:
                s.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                sent += len(chunk)
            except (BlockingIOError, BrokenPipeError, ConnectionResetError):
                time.sleep(0.01)
            with contextlib.suppress(BlockingIOError):
                answer = s.recv(4096)
        s.setblocking(True)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    # Cut off at the limit: what was sent beyond it sat in loopback socket buffers (a few MB).
    assert sent < limit + 16 * 1024 * 1024, sent
    print(f"\n[abuse] endless chunked upload: 413 after {sent / 1e6:.1f} MB sent (limit {limit / 1e6:.1f} MB)")
    assert set(tmp_root.glob("govgraph-upload-*")) == leftovers
    assert embedded_store.count() == 0


# -- auth and CORS ---------------------------------------------------------------------------

BAD_AUTH = [
    {}, {"Authorization": ""}, {"Authorization": "Bearer"}, {"Authorization": "Bearer "},
    {"Authorization": "Bearer wrong"}, {"Authorization": f"Bearer {TOKEN[:-1]}"},
    {"Authorization": f"Bearer {TOKEN}x"}, {"Authorization": f"Basic {TOKEN}"}, {"Authorization": TOKEN},
    {"Authorization": f"Token {TOKEN}"}, {"Authorization": "Bearer ' OR 1=1 --"},
    {"Authorization": "Bearer " + "x" * 10_000}, {"X-Api-Token": TOKEN}, {"Cookie": f"token={TOKEN}"},
]


def test_writes_without_the_right_token_change_nothing(seeded):
    store = seeded
    before = store.digest()
    sha = store.documents()[0].props["sha256"]
    upload = {"file": ("new.txt", GOOD[0].read_bytes() + b"\n[new]\n")}
    with TestClient(create_app(store, api_settings())) as c:
        for headers in BAD_AUTH:
            r = c.post("/documents", files=upload, headers=headers)
            assert r.status_code == 401, (headers, r.status_code)
            assert r.headers.get("www-authenticate") == "Bearer"
            assert r.json() == {"detail": "a valid bearer token is required for writes"}
            r = c.delete(f"/documents/{sha}", headers=headers)
            assert r.status_code == 401, (headers, r.status_code)
    for token in (None, ""):
        with TestClient(create_app(store, api_settings(api_token=token))) as c:
            for headers in [*BAD_AUTH, AUTH, {"Authorization": "Bearer "}]:
                assert c.post("/documents", files=upload, headers=headers).status_code == 403
                assert c.delete(f"/documents/{sha}", headers=headers).status_code == 403
    assert store.digest() == before


def test_cors_is_closed_by_default(embedded_store):
    hostile = ["https://evil.example", "null", "http://127.0.0.1:8000", "file://", "https://evil.example\r\nX: 1"]
    with TestClient(create_app(embedded_store, api_settings())) as c:
        for origin in hostile:
            for r in (c.get("/health", headers={"Origin": origin}),
                      c.options("/documents", headers={"Origin": origin, "Access-Control-Request-Method": "POST",
                                                       "Access-Control-Request-Headers": "authorization"})):
                assert not any(h.lower().startswith("access-control-") for h in r.headers), (origin, r.headers)
    with TestClient(create_app(embedded_store, api_settings(cors_origins="https://good.example"))) as c:
        r = c.get("/health", headers={"Origin": "https://good.example"})
        assert r.headers["access-control-allow-origin"] == "https://good.example"
        assert "access-control-allow-credentials" not in r.headers
        for origin in hostile:
            r = c.get("/health", headers={"Origin": origin})
            assert "access-control-allow-origin" not in r.headers, origin
            r = c.options("/documents", headers={"Origin": origin, "Access-Control-Request-Method": "DELETE"})
            assert "access-control-allow-origin" not in r.headers, origin
