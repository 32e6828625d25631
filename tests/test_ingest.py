"""Loading files: folders, one transaction per document, errors per document, versions.

These tests go through the real reader and extractor; what they check (which documents
load, fail, stay unchanged or replace an earlier version, and that a failed write
leaves no trace) does not depend on how much the extractor finds. The lineage the
extracted records build is checked in test_lineage_series.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from govgraph.graph.embedded import EmbeddedStore
from govgraph.graph.neo4j_store import Neo4jStore
from govgraph.graph.store import Store, StoreUnavailable
from govgraph.ingest import load
from govgraph.ingest.load import IngestReport, expand_paths, ingest_paths

TESTS = Path(__file__).resolve().parent
MINUTES = [
    TESTS / "fixtures" / "series" / "assurance-meeting-2018-06.txt",
    TESTS.parent / "examples" / "assurance-meeting-2018-07.txt",
    TESTS / "fixtures" / "series" / "assurance-meeting-2018-08.txt",
]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The three minutes in a folder of their own (tests edit them)."""
    d = tmp_path / "minutes"
    (d / "2018").mkdir(parents=True)
    for f in MINUTES:
        shutil.copy(f, d / "2018" / f.name)
    return d


def counts(report) -> tuple[int, int, int]:
    """(ok, failed, unchanged) documents of an ingest report."""
    return report.documents_ok, report.documents_failed, report.documents_unchanged


def files_of(folder: Path) -> list[Path]:
    return sorted((folder / "2018").glob("*.txt"))


def edit(path: Path) -> None:
    """A corrected version of a file: same path, one sentence changed."""
    text = path.read_text(encoding="utf-8")
    assert "Hindlip" in text
    path.write_text(text.replace("Actions Arising:", "Actions arising:", 1) + "\n[Corrected copy.]\n",
                    encoding="utf-8")


def embedded_digest(tmp_path: Path, files: list[Path], name: str = "expected") -> str:
    """The digest of a fresh embedded store loaded with ``files`` (the stores agree on digests)."""
    s = EmbeddedStore(tmp_path / name)
    report = ingest_paths(files, s, progress=False)
    assert report.ok, report.errors
    return s.digest()


def fail_on_write(monkeypatch: pytest.MonkeyPatch, store: Store, calls: set[int]) -> None:
    """Make the store's n-th write (1-based, for n in ``calls``) fail after its changes were made."""
    count = {"n": 0}

    def boom(*_args) -> None:
        count["n"] += 1
        if count["n"] in calls:
            raise RuntimeError("disk full (injected)")

    if isinstance(store, EmbeddedStore):
        monkeypatch.setattr(EmbeddedStore, "_before_rename", lambda self, tmp: boom())
    else:
        monkeypatch.setattr(Neo4jStore, "_after_writes", lambda self, tx: boom())


# -- finding the files --------------------------------------------------------------

def test_folders_are_searched_recursively_by_extension(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / ".git").mkdir()
    for name in ["a/one.txt", "a/b/two.MD", "a/b/three.pdf", "a/b/four.htm", "a/five.docx", "a/six.html",
                 "a/notes.csv", "a/.git/seven.txt", "a/.draft.txt"]:
        (tmp_path / name).write_text("x")
    explicit = tmp_path / "a" / "notes.csv"
    found = expand_paths([tmp_path / "a", explicit, tmp_path / "a" / "one.txt"])
    rel = [str(p.relative_to(tmp_path)) for p in found]
    assert rel == ["a/b/four.htm", "a/b/three.pdf", "a/b/two.MD", "a/five.docx", "a/one.txt", "a/six.html",
                   "a/notes.csv"]  # hidden skipped; a file named explicitly is kept (and reported if bad)


# -- one document at a time ----------------------------------------------------------

def test_bad_documents_are_reported_and_the_others_load(embedded_store, folder):
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    odd = folder / "agenda.xlsx"
    odd.write_bytes(b"PK")
    report = ingest_paths([folder, odd, folder / "missing.txt"], embedded_store, progress=False)
    d = report.as_dict()
    assert (d["documents"], d["ok"], d["failed"], d["unchanged"]) == (7, 3, 4, 0)
    failed = {Path(f).name: msg for f, msg in report.errors}
    assert set(failed) == {"empty.txt", "broken.pdf", "agenda.xlsx", "missing.txt"}
    assert failed["empty.txt"] == "read: file is empty" and failed["missing.txt"] == "read: file not found"
    assert all(msg.startswith("read: ") for msg in failed.values())
    assert embedded_store.count("Document") == 3
    assert [r["status"] for r in report.details()].count("ok") == 3
    assert d["nodes_created"] == report.nodes_created > 0
    assert sorted(Path(f).name for f, _ in d["errors"]) == sorted(failed)  # [file, message] pairs


def test_extract_and_resolve_errors_stay_with_their_document(embedded_store, folder, monkeypatch):
    from govgraph.ingest.extract import pipeline

    real_extract, real_resolve = pipeline.extract_document, load.resolve

    def extract(doc):
        if doc.source.endswith("2018-06.txt"):
            raise ValueError("table layout not understood")
        return real_extract(doc)

    def resolve(extraction, ingested_at=None):
        if extraction["document"]["source"].endswith("2018-08.txt"):
            raise KeyError("meeting")
        return real_resolve(extraction, ingested_at)

    monkeypatch.setattr(pipeline, "extract_document", extract)
    monkeypatch.setattr(load, "resolve", resolve)
    report = ingest_paths([folder], embedded_store, progress=False)
    assert (report.documents_ok, report.documents_failed) == (1, 2)
    errors = {Path(f).name: m for f, m in report.errors}
    assert errors == {"assurance-meeting-2018-06.txt": "extract: ValueError: table layout not understood",
                      "assurance-meeting-2018-08.txt": "resolve: KeyError: 'meeting'"}
    (doc,) = embedded_store.documents()
    assert doc.props["source"].endswith("assurance-meeting-2018-07.txt")


def test_source_is_the_absolute_path_and_reingest_is_unchanged(store, folder, monkeypatch):
    monkeypatch.chdir(folder)
    first = ingest_paths([Path("2018")], store, progress=False)
    assert first.documents_ok == 3 and first.nodes_created > 0
    sources = sorted(d.props["source"] for d in store.documents())
    assert sources == [str(f.resolve()) for f in files_of(folder)]
    before = store.digest()
    again = ingest_paths([folder], store, progress=False)
    assert counts(again) == (0, 0, 3)
    assert (again.nodes_created, again.rels_created, again.nodes_updated, again.rels_updated) == (0, 0, 0, 0)
    assert store.digest() == before


def test_changed_file_replaces_only_its_own_contribution(store, folder, tmp_path):
    ingest_paths([folder], store, progress=False)
    old = {d.props["source"]: d.props["sha256"] for d in store.documents()}
    august = files_of(folder)[2]
    edit(august)
    report = ingest_paths([folder], store, progress=False)
    assert counts(report) == (1, 0, 2)
    assert report.replaced == [old[str(august.resolve())]]
    assert store.count("Document") == 3
    assert store.digest() == embedded_digest(tmp_path, files_of(folder))


def test_a_failed_write_leaves_no_trace(store, folder, tmp_path, monkeypatch):
    ingest_paths([folder], store, progress=False)
    before = store.digest()
    august = files_of(folder)[2]
    edit(august)  # the failed write would also have replaced the old version
    fail_on_write(monkeypatch, store, {1})
    report = ingest_paths([august], store, progress=False)
    assert report.documents_failed == 1
    ((file, message),) = report.errors
    assert file == str(august) and message == "store: RuntimeError: disk full (injected)"
    assert store.digest() == before
    if isinstance(store, EmbeddedStore):  # and nothing half-written on disk either
        assert EmbeddedStore(store.data_dir).digest() == before
    monkeypatch.undo()
    assert ingest_paths([august], store, progress=False).documents_ok == 1


def test_a_failed_write_does_not_stop_the_others(store, folder, tmp_path, monkeypatch):
    files = files_of(folder)
    fail_on_write(monkeypatch, store, {2})
    report = ingest_paths(files, store, progress=False)
    assert (report.documents_ok, report.documents_failed) == (2, 1)
    assert [Path(f).name for f, _ in report.errors] == [files[1].name]
    monkeypatch.undo()
    assert store.digest() == embedded_digest(tmp_path, [files[0], files[2]])


def test_progress_bar(embedded_store, folder, capsys):
    report = ingest_paths([folder], embedded_store, progress=True)
    assert report.documents_ok == 3
    assert capsys.readouterr().out == ""  # the bar goes to stderr; stdout stays for --json


def test_unreachable_store_stops_the_ingest(folder):
    class Down(EmbeddedStore):
        def find(self, *a, **k):
            raise StoreUnavailable("Neo4j at bolt://nowhere is unavailable")

    with pytest.raises(StoreUnavailable):
        ingest_paths([folder], Down(folder / "store"), progress=False)


def test_empty_report_shape():
    assert IngestReport().as_dict() == {
        "documents": 0, "ok": 0, "failed": 0, "unchanged": 0,
        "nodes_created": 0, "nodes_updated": 0, "rels_created": 0, "rels_updated": 0,
        "replaced": [], "errors": [],
    }


def test_extractions_without_a_source_never_replace_each_other(embedded_store):
    from govgraph.ingest.load import ingest_extraction

    one = {"schema": "govgraph.extraction/1", "meeting": {"body": "Board", "date": "2019-01-08"}}
    two = {"schema": "govgraph.extraction/1", "meeting": {"body": "Board", "date": "2019-02-12"}}
    assert ingest_extraction(one, embedded_store).documents_ok == 1
    report = ingest_extraction(two, embedded_store)
    assert report.documents_ok == 1 and report.replaced == []
    assert embedded_store.count("Document") == 2
    assert ingest_extraction(one, embedded_store).documents_unchanged == 1
    bad = ingest_extraction({"schema": "other/1"}, embedded_store)
    assert bad.errors == [("<extraction>", "resolve: ResolveError: unsupported extraction schema 'other/1' "
                                           "(expected 'govgraph.extraction/1')")]
