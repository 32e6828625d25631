"""POST /documents and DELETE /documents/{sha256}: the token, the limits, the pipeline,
and that a delete removes exactly what one document contributed. Each test gets an
empty store of each kind (the function-scoped ``store`` fixture)."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path

import pytest

from .support import AUGUST, AUTH, JUNE, SEED, client_for, find_recommendation, ingest_minutes

SEED_BYTES = SEED.read_bytes()
SEED_SHA = hashlib.sha256(SEED_BYTES).hexdigest()


def upload(client, data: bytes = SEED_BYTES, name: str = SEED.name, headers=AUTH):
    return client.post("/documents", files={"file": (name, data, "application/octet-stream")}, headers=headers)


def multipart_stream(data: bytes, name: str, chunk: int = 4096):
    """A multipart body sent in chunks with no Content-Length (chunked transfer)."""
    boundary = uuid.uuid4().hex
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            "Content-Type: text/plain\r\n\r\n").encode()
    body = head + data + f"\r\n--{boundary}--\r\n".encode()

    def gen():
        for i in range(0, len(body), chunk):
            yield body[i:i + chunk]

    return gen(), {"Content-Type": f"multipart/form-data; boundary={boundary}", **AUTH}


# -- who may write --------------------------------------------------------------------------
def test_writes_need_the_right_bearer_token(store):
    with client_for(store) as c:
        for headers in ({}, {"Authorization": "Bearer wrong-token"}, {"Authorization": "Basic dGVzdA=="},
                        {"Authorization": "Bearer "}, {"Authorization": f"Bearer {AUTH['Authorization'][7:]}x"}):
            r = upload(c, headers=headers)
            assert r.status_code == 401, headers
            assert r.json() == {"detail": "a valid bearer token is required for writes"}
            assert r.headers["www-authenticate"] == "Bearer"
            assert c.delete(f"/documents/{SEED_SHA}", headers=headers).status_code == 401
    assert store.count() == 0


@pytest.mark.parametrize("token", [None, ""])
def test_writes_are_refused_when_no_token_is_configured(store, token):
    with client_for(store, api_token=token) as c:
        for headers in ({}, AUTH, {"Authorization": "Bearer "}):
            r = upload(c, headers=headers)
            assert r.status_code == 403
            assert "writes are disabled" in r.json()["detail"]
            assert c.delete(f"/documents/{SEED_SHA}", headers=headers).status_code == 403
        assert c.get("/meetings").status_code == 200  # reads still work
    assert store.count() == 0


# -- what may be uploaded -------------------------------------------------------------------
def test_oversize_upload_is_413(store):
    with client_for(store, max_upload_bytes=1000) as c:
        r = upload(c, data=b"x" * 5000, name="big.txt")  # refused as the part streams past the limit
        assert r.status_code == 413
        assert r.json() == {"detail": "file too large: the limit is 1000 bytes"}
        r = upload(c, data=b"x" * 100_000, name="big.txt")  # refused from its Content-Length alone
        assert r.status_code == 413
        # no Content-Length to go by: the limit is enforced while the body streams in
        body, headers = multipart_stream(b"y" * 200_000, "big.txt")
        r = c.post("/documents", content=body, headers=headers)
        assert r.status_code == 413
        assert upload(c, data=b"Chair: Ann Smith\n" * 10, name="small.txt").status_code == 201
    assert [d.props["source"] for d in store.documents()] == ["small.txt"]


@pytest.mark.parametrize("name", ["minutes.exe", "minutes", "minutes.txt.exe", "minutes.TXT.zip", ".txt",
                                  "minutes.txt\x00.sh"])
def test_other_file_types_are_415(store, name):
    with client_for(store) as c:
        r = upload(c, data=b"Chair: Ann Smith\n", name=name)
        assert r.status_code == 415, r.text
        assert r.json()["detail"].startswith("unsupported file type")
    assert store.count() == 0


def test_a_body_that_is_not_multipart_is_415_and_a_missing_file_422(store):
    with client_for(store) as c:
        r = c.post("/documents", content=SEED_BYTES, headers={**AUTH, "Content-Type": "text/plain"})
        assert r.status_code == 415
        r = c.post("/documents", data={"note": "no file"}, files={"other": ("x.txt", b"x")}, headers=AUTH)
        assert r.status_code == 422
        r = c.post("/documents", data={"note": "no file at all"}, headers={**AUTH})
        assert r.status_code in (415, 422)  # urlencoded, not multipart
        r = c.post("/documents", content=b"--x\r\nnot really", headers={
            **AUTH, "Content-Type": "multipart/form-data; boundary=y"})
        assert r.status_code == 422 and r.json() == {"detail": "malformed multipart body"}
        two = [("file", ("a.txt", b"Chair: A\n")), ("file", ("b.txt", b"Chair: B\n"))]
        r = c.post("/documents", files=two, headers=AUTH)
        assert r.status_code == 422 and r.json() == {"detail": "send one file per upload"}
    assert store.count() == 0


@pytest.mark.parametrize("name,data", [("empty.txt", b""), ("broken.pdf", b"%PDF-1.4 not really a pdf"),
                                       ("broken.docx", b"PK\x03\x04 not a zip")])
def test_an_unreadable_document_is_422_with_a_clear_message(store, name, data):
    with client_for(store) as c:
        r = upload(c, data=data, name=name)
        assert r.status_code == 422, r.text
        detail = r.json()["detail"]
        assert detail.startswith(f"{name}: could not be read")
        assert "govgraph-upload-" not in detail and "/tmp" not in detail  # our temp path stays ours
        assert "Traceback" not in detail
    assert store.count() == 0


# -- a good upload --------------------------------------------------------------------------
def test_a_good_upload_is_201_and_queryable_at_once(store):
    with client_for(store) as c:
        assert c.get("/search", params={"q": "OC16"}).json()["total"] == 0
        r = upload(c)
        assert r.status_code == 201, r.text
        body = r.json()
        assert body["status"] == "created"
        assert body["document"] == {"sha256": SEED_SHA, "source": SEED.name, "format": "txt",
                                    "title": body["document"]["title"]}
        assert body["write"]["sha256"] == SEED_SHA and body["write"]["replaced"] == []
        assert body["write"]["nodes_created"] == store.count() and body["write"]["rels_created"] > 0
        assert body["extracted"]["findings"] > 0 and body["extracted"]["recommendations"] > 0

        doc = c.get(f"/documents/{SEED_SHA}").json()
        assert doc["source"] == SEED.name and doc["ingested_at"]
        assert c.get("/documents").json()["total"] == 1
        hits = c.get("/search", params={"q": "OC16"}).json()
        assert hits["total"] > 0 and "Recommendation" in {h["node"]["label"] for h in hits["items"]}
        assert any(m["meeting"]["date"] == "2018-07-31" for m in c.get("/meetings").json()["items"])

        again = upload(c)  # the same bytes again: nothing to do
        assert again.status_code == 200 and again.json()["status"] == "unchanged"
        assert c.get("/documents").json()["total"] == 1


def test_a_new_version_replaces_the_old_in_one_write(store):
    v2 = SEED_BYTES.replace(b"Tuesday 31 July @ 10:30", b"Tuesday 31 July @ 11:00")
    assert v2 != SEED_BYTES
    with client_for(store) as c:
        first = upload(c).json()
        second = upload(c, data=v2).json()
        assert second["status"] == "created"
        assert second["write"]["replaced"] == [first["document"]["sha256"]]
        assert c.get(f"/documents/{SEED_SHA}").status_code == 404
        docs = c.get("/documents").json()["items"]
        assert [(d["source"], d["sha256"]) for d in docs] == [(SEED.name, hashlib.sha256(v2).hexdigest())]


def test_the_client_filename_is_never_a_path(store, tmp_path):
    target = Path("/tmp/govgraph-evil-upload.txt")
    target.unlink(missing_ok=True)
    with client_for(store) as c:
        r = upload(c, data=b"Chair: Ann Smith\n", name="../../../../tmp/govgraph-evil-upload.txt")
        assert r.status_code == 201
        assert r.json()["document"]["source"] == "govgraph-evil-upload.txt"
        r = upload(c, data=b"Chair: Bo Smith\n", name="..\\..\\Windows\\<odd> name;rm -rf.md")
        assert r.status_code == 201
        assert r.json()["document"]["source"] == "_odd_ name_rm -rf.md"
    assert not target.exists()


# -- delete -----------------------------------------------------------------------------------
OTHER_MINUTES = b"""Audit Committee March 2019 - Minutes

Date: Thursday 14 March 2019 @ 14:00

Chair: Jo Bloggs

1 MINUTES OF THE LAST MEETING
The minutes were agreed as a true record.
"""


def test_delete_removes_exactly_what_the_document_contributed(store):
    ingest_minutes(store, [JUNE, AUGUST])  # other documents stay loaded throughout
    before = store.digest()
    with client_for(store) as c:
        sha = upload(c, data=OTHER_MINUTES, name="audit-committee-2019-03.txt").json()["document"]["sha256"]
        assert store.digest() != before
        assert c.get("/documents").json()["total"] == 3
        r = c.delete(f"/documents/{sha}", headers=AUTH)
        assert r.status_code == 200 and r.json() == {"sha256": sha, "deleted": True}
        assert store.digest() == before
        assert c.get(f"/documents/{sha}").status_code == 404
        r = c.delete(f"/documents/{sha}", headers=AUTH)
        assert r.status_code == 404 and r.json()["detail"].startswith("no document with id")


def test_delete_keeps_what_other_documents_still_support(store):
    ingest_minutes(store, [JUNE, AUGUST])
    with client_for(store) as c:
        people = c.get("/people").json()["total"]
        sha = upload(c).json()["document"]["sha256"]
        assert c.get("/search", params={"q": "diary car appointments"}).json()["total"] > 0  # a July finding
        assert c.delete(f"/documents/{sha}", headers=AUTH).status_code == 200
        assert c.get("/people").json()["total"] == people
        names = {p["person"]["name"] for p in c.get("/people").json()["items"]}
        assert "Amanda Blakeman" in names  # June and August name her too
        assert c.get("/search", params={"q": "diary car appointments"}).json()["total"] == 0
        assert find_recommendation(c, "(OC16)")["report"]  # discussed again in August: still there


def test_delete_of_minutes_that_share_a_meeting_restores_the_digest(store):
    ingest_minutes(store, [JUNE, AUGUST])  # both refer to the July meeting
    before = store.digest()
    with client_for(store) as c:
        sha = upload(c).json()["document"]["sha256"]
        assert c.delete(f"/documents/{sha}", headers=AUTH).status_code == 200
    assert store.digest() == before


def test_a_corrected_version_replaces_the_old_as_if_never_loaded(store):
    """The June minutes also announce the July meeting (10:30, Room 1.38), so a corrected
    July must give exactly the graph of June + August + the corrected July."""
    ingest_minutes(store, [JUNE, AUGUST])
    corrected = SEED_BYTES.replace(b"Venue Meeting Room 1.38", b"Venue Meeting Room 2.01")
    with client_for(store) as c:
        upload(c)
        assert upload(c, data=corrected).json()["write"]["replaced"] == [SEED_SHA]
        july = next(m for m in c.get("/meetings").json()["items"] if m["meeting"]["date"] == "2018-07-31")
        assert july["meeting"]["venue"].startswith("Meeting Room 2.01")
        after_correction = store.digest()
        for d in store.documents():
            store.delete_document(d.props["sha256"])
        assert store.count() == 0
        ingest_minutes(store, [JUNE, AUGUST])
        upload(c, data=corrected)
    assert store.digest() == after_correction


def test_delete_checks_the_sha256(store):
    with client_for(store) as c:
        assert c.delete("/documents/not-a-sha", headers=AUTH).status_code == 422
        assert c.delete("/documents/" + "0" * 64, headers=AUTH).status_code == 404
        assert c.get("/documents/" + "0" * 63).status_code == 422


def test_an_upload_says_which_earlier_document_it_replaced(store):
    """Two uploads whose file names sanitise alike are versions of one document: the
    second replaces the first (by design), and says so, naming it."""
    v2 = SEED_BYTES.replace(b"Tuesday 31 July @ 10:30", b"Tuesday 31 July @ 11:00")
    with client_for(store) as c:
        first = upload(c, name="../drafts/July minutes.txt").json()
        assert first["document"]["source"] == "July minutes.txt" and first["replaced"] == []
        loaded_at = c.get(f"/documents/{SEED_SHA}").json()["ingested_at"]
        second = upload(c, data=v2, name="C:\\final\\July minutes.txt")
        assert second.status_code == 201
        body = second.json()
        assert body["document"]["source"] == "July minutes.txt"
        assert body["replaced"] == [{"sha256": SEED_SHA, "source": "July minutes.txt",
                                     "title": first["document"]["title"], "ingested_at": loaded_at}]
        assert body["write"]["replaced"] == [SEED_SHA]
        other = upload(c, name="August minutes.txt", data=SEED_BYTES + b"\n").json()
        assert other["replaced"] == []  # another name: nothing replaced
