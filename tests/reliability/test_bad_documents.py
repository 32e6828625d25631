"""Bad documents: each gets a clear error naming it, or a best-effort extraction; never
a crash, a hang or a partial write; in one batch with good minutes, the good ones load
exactly as they would alone."""

from __future__ import annotations

import builtins
import io
import random
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from govgraph.api import create_app
from govgraph.graph.model import Label, make_id
from govgraph.ingest.extract.confidence import assess
from govgraph.ingest.load import ingest_paths
from govgraph.ingest.readers import ReadDocument, ReadError, read_document

from .bad_documents import HIDDEN, WIN1252_LINE, Expect, make_all, sparse_file
from .support import AUTH, GOOD, api_settings, clean_digest, loaded_shas, sha_of, time_limit

# Each bad document alone must be answered within this (the slowest, the zip bomb, takes ~0.1 s).
PER_DOCUMENT_S = 15


@pytest.fixture(scope="module")
def bad(tmp_path_factory) -> tuple[Path, dict[str, Expect]]:
    folder = tmp_path_factory.mktemp("bad")
    return folder, make_all(folder)


def _names() -> list[str]:
    """The cases ``make_all`` writes (names only: the fixture makes the files)."""
    return ["empty.txt", "blank.md", "junk.txt", "junk-no-nul.txt", "elf.txt", "utf16-broken.txt",
            "windows-1252.txt", "truncated.pdf", "corrupt.pdf", "not-a.pdf", "encrypted.pdf",
            "zip-of-other.docx", "truncated.docx", "xxe.docx", "bomb.docx", "hostile.html", "controls.txt",
            "no-structure.txt", "minutes.rtf", "fifo.txt", "zero.txt", "dangling.txt"]


def test_the_list_of_cases_is_complete(bad):
    assert sorted(bad[1]) == sorted(_names())


@pytest.mark.parametrize("name", _names())
def test_each_bad_document_is_read_or_refused_clearly(bad, name):
    folder, expected = bad
    path, expect = folder / name, expected[name]
    with time_limit(PER_DOCUMENT_S, f"reading {name}"):
        if expect.reason is not None:
            with pytest.raises(ReadError) as e:
                read_document(path)
            message = str(e.value)
            assert message.startswith(f"{path}: "), message  # names the file
            assert expect.reason in message, message
            assert "Traceback" not in message and "\n" not in message
            return
        doc = read_document(path)
    assert isinstance(doc, ReadDocument) and doc.text.strip()
    if name == "windows-1252.txt":
        assert WIN1252_LINE in doc.text and "\r" not in doc.text
        assert "\u201cmodest\u201d" in doc.text
    if name == "hostile.html":
        assert [h for h in HIDDEN if h in doc.text] == []
        assert "Present: Ann Smith (Chair), Bob Jones, Carol White" in doc.text
        assert "Action: Bob Jones to circulate the audit plan." in doc.text
    if name == "xxe.docx":
        assert "root:" not in doc.text and "lollol" not in doc.text
    if name == "controls.txt":
        assert "Ann\u200b Smith" in doc.text  # kept as written: offsets must match the file


def test_a_directory_named_like_minutes_is_not_read(tmp_path):
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(ReadError, match="folder.txt: not a regular file"):
        read_document(tmp_path / "folder.txt")


# -- the size limit ---------------------------------------------------------------------

@pytest.fixture
def no_reads(monkeypatch):
    """Fail the test if any file named big.* is opened or read."""
    opened: list[str] = []
    real_open, real_io_open, real_read_bytes = builtins.open, io.open, Path.read_bytes

    def guard(name):
        if Path(str(name)).name.startswith("big."):
            opened.append(str(name))
            raise AssertionError(f"{name} was opened")

    def fake_open(file, *a, **k):
        guard(file)
        return real_open(file, *a, **k)

    def fake_io_open(file, *a, **k):
        guard(file)
        return real_io_open(file, *a, **k)

    def fake_read_bytes(self):
        guard(self)
        return real_read_bytes(self)

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(io, "open", fake_io_open)
    monkeypatch.setattr(Path, "read_bytes", fake_read_bytes)
    return opened


@pytest.mark.parametrize("ext", [".txt", ".pdf", ".docx", ".html"])
def test_a_200_mb_file_is_refused_without_being_read(tmp_path, no_reads, ext):
    big = sparse_file(tmp_path / f"big{ext}", 200 * 1024 * 1024)
    t0 = time.perf_counter()
    with pytest.raises(ReadError, match=rf"big\{ext}: file too large \(209715200 bytes, limit 50000000\)"):
        read_document(big)
    assert time.perf_counter() - t0 < 0.5
    assert no_reads == []


def test_ingest_uses_the_configured_size_limit(tmp_path, monkeypatch, embedded_store):
    """GOVGRAPH_MAX_DOCUMENT_BYTES applies to ``govgraph ingest`` too, not only to uploads."""
    from govgraph.settings import get_settings

    big = tmp_path / "big.txt"
    big.write_bytes(GOOD[1].read_bytes() * 20)  # ~230 KB of real minutes
    monkeypatch.setenv("GOVGRAPH_MAX_DOCUMENT_BYTES", "100000")
    get_settings.cache_clear()
    try:
        report = ingest_paths([big, GOOD[0]], embedded_store, progress=False)
    finally:
        monkeypatch.delenv("GOVGRAPH_MAX_DOCUMENT_BYTES")
        get_settings.cache_clear()
    assert report.errors == [(str(big), f"read: file too large ({big.stat().st_size} bytes, limit 100000)")]
    assert report.documents_ok == 1
    report = ingest_paths([big], embedded_store, progress=False, max_bytes=1000)
    assert report.errors[0][1].startswith("read: file too large")


def test_ingest_refuses_a_200_mb_file_without_reading_it(tmp_path, no_reads, embedded_store):
    big = sparse_file(tmp_path / "big.txt", 200 * 1024 * 1024)
    t0 = time.perf_counter()
    report = ingest_paths([big], embedded_store, progress=False)
    assert time.perf_counter() - t0 < 2
    assert report.errors == [(str(big), "read: file too large (209715200 bytes, limit 50000000)")]
    assert no_reads == [] and embedded_store.count() == 0


# -- in one batch with good minutes ---------------------------------------------------------

def _evidence_problems(store, files: list[Path]) -> list[str]:
    """Every EVIDENCED_BY quote is exactly the words at its offsets in its document's text."""
    texts = {}
    for f in files:
        doc = read_document(f)
        texts[make_id(Label.DOCUMENT, doc.sha256)] = doc.text
    out = []
    for r in store.all_rels():
        if r.type != "EVIDENCED_BY" or r.dst not in texts:
            continue
        text, p = texts[r.dst], r.props
        if text[p["start"]:p["end"]] != p["quote"]:
            out.append(f"{r.src}: {p['quote']!r} != text[{p['start']}:{p['end']}]")
    return out


def test_one_batch_of_good_and_bad_documents(store, bad, tmp_path):
    folder, expected = bad
    files = [folder / n for n in _names()] + list(GOOD)
    random.Random(3).shuffle(files)
    with time_limit(240, "ingest of the mixed batch"):
        report = ingest_paths(files, store, progress=False)
    by_file = {r.file: r for r in report.results}
    assert sorted(by_file) == sorted(map(str, files))  # one answer per file, nothing dropped

    ok_files = []
    for f in files:
        r = by_file[str(f)]
        expect = expected.get(f.name)
        if expect is None or expect.reason is None:  # good minutes, or readable best-effort
            assert r.status == "ok", (f.name, r.message)
            ok_files.append(f)
        else:
            assert r.status == "failed", f.name
            assert r.message.startswith("read: ") and expect.reason in r.message, (f.name, r.message)
            assert (str(f), r.message) in report.errors
    assert report.documents_ok == len(ok_files) and report.documents_failed == len(files) - len(ok_files)

    # Nothing of a failed document, everything of a loaded one: the store equals a clean
    # load of exactly the documents that loaded, and of the good minutes alone plus those.
    assert loaded_shas(store) == {sha_of(f) for f in ok_files}
    assert store.digest() == clean_digest(ok_files)
    assert _evidence_problems(store, ok_files) == []

    # The good minutes contribute exactly what they do alone.
    good_alone = tmp_path / "good-alone"
    from govgraph.graph.embedded import EmbeddedStore

    alone = EmbeddedStore(good_alone)
    assert ingest_paths(list(GOOD), alone, progress=False).ok
    good_ids = {n.id for n in alone.all_nodes()}
    assert good_ids <= {n.id for n in store.all_nodes()}

    # Best effort is flagged: the prose without structure loads with low confidence.
    prose = by_file[str(folder / "no-structure.txt")]
    assert prose.confidence == "low" and "no meeting date found" in prose.warnings
    assert by_file[str(GOOD[1])].confidence == "ok" and by_file[str(GOOD[1])].warnings == []
    assert (str(folder / "no-structure.txt"), "no agenda items found") in report.warnings

    # The cp1252 minutes' words survive into the graph as written.
    quotes = [r.props["quote"] for r in store.all_rels() if r.type == "EVIDENCED_BY"]
    assert any("O\u2019Brien" in q for q in quotes)


def test_a_bad_document_never_half_writes(store, bad, tmp_path):
    """Loading the bad documents alone leaves exactly the readable ones, whole."""
    folder, expected = bad
    files = [folder / n for n in _names()]
    report = ingest_paths(files, store, progress=False)
    readable = [f for f in files if expected[f.name].reason is None]
    assert report.documents_ok == len(readable)
    assert store.digest() == clean_digest(readable)


def test_assess_keeps_the_extraction_and_adds_two_keys():
    from govgraph.ingest.extract.pipeline import extract_text

    seed = extract_text(GOOD[1].read_text(encoding="utf-8"))
    bare = {k: v for k, v in seed.items() if k not in ("warnings", "confidence")}
    flagged = assess(bare)  # an extraction from before confidence was recorded
    assert {k: v for k, v in flagged.items() if k not in ("warnings", "confidence")} == bare
    assert flagged == seed  # the same assessment extract_text makes
    assert flagged["confidence"] == "ok" and flagged["warnings"] == []
    empty = assess(extract_text("Nothing to see here."))
    assert empty["confidence"] == "low"
    assert "no actions, decisions, recommendations, questions or findings found" in empty["warnings"]


# -- through the API ------------------------------------------------------------------------

def test_uploads_of_bad_documents_get_clear_answers(bad, tmp_path):
    """Each regular bad file uploaded: 422 naming the client's file name (never our temp
    path), or 201 for the best-effort ones; the store ends as a clean load of those."""
    from govgraph.graph.embedded import EmbeddedStore

    folder, expected = bad
    store = EmbeddedStore(tmp_path / "store")
    accepted = []
    with TestClient(create_app(store, api_settings())) as c:
        for name in _names():
            path = folder / name
            if not path.is_file() or path.is_symlink() or path.suffix not in (".txt", ".md", ".pdf", ".docx", ".html"):
                continue
            with time_limit(PER_DOCUMENT_S, f"uploading {name}"):
                r = c.post("/documents", files={"file": (name, path.read_bytes())}, headers=AUTH)
            reason = expected[name].reason
            if reason is None:
                assert r.status_code == 201, (name, r.text)
                accepted.append(path)
                continue
            assert r.status_code == 422, (name, r.status_code, r.text)
            detail = r.json()["detail"]
            assert detail.startswith(f"{name}: "), detail
            assert reason in detail, detail
            assert "govgraph-upload-" not in detail and "/tmp" not in detail and "Traceback" not in detail
    assert store.digest() == clean_digest([], uploads=accepted)
