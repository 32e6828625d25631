"""Load documents into a store: read -> extract -> resolve -> write, one document at a time.

Each document is one transaction: it lands whole or not at all, and a document that
cannot be read, extracted, resolved or written is reported (file and reason) while the
others still load. A document whose bytes are already loaded is skipped (unchanged);
a new version of a loaded file (same source path, new bytes) replaces the old
version's contribution in the same transaction as it is written.

When the store becomes unreachable mid-way, :class:`IngestInterrupted` (a
``StoreUnavailable``) is raised carrying the report so far and the files that did not
load; running the same ingest again loads them (what loaded is skipped as unchanged).
A document that loads but in which little of the usual structure of minutes was found
(no date, no board, no attendance, no items) gets ``warnings`` and ``confidence:
"low"``, so a person can look at it.

>>> report = IngestReport()
>>> {k: report.as_dict()[k] for k in ("ok", "failed", "unchanged")}
{'ok': 0, 'failed': 0, 'unchanged': 0}
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govgraph.graph.model import GraphBatch
from govgraph.graph.store import Store, StoreUnavailable, WriteSummary

from .readers import FORMATS
from .resolve import resolve

EXTENSIONS = frozenset(FORMATS)


@dataclass
class DocumentResult:
    """What happened to one document."""

    file: str
    status: str  # ok | unchanged | failed
    sha256: str | None = None
    message: str | None = None
    summary: WriteSummary | None = None
    warnings: list[str] = field(default_factory=list)  # loaded, but little was recognised
    confidence: str | None = None  # "ok" | "low" (documents that were extracted)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"file": self.file, "status": self.status, "sha256": self.sha256}
        if self.message:
            out["message"] = self.message
        if self.confidence:
            out["confidence"] = self.confidence
        if self.warnings:
            out["warnings"] = list(self.warnings)
        if self.summary is not None:
            out["write"] = self.summary.as_dict()
        return out


@dataclass
class IngestReport:
    documents_ok: int = 0
    documents_failed: int = 0
    documents_unchanged: int = 0
    nodes_created: int = 0
    nodes_updated: int = 0
    rels_created: int = 0
    rels_updated: int = 0
    replaced: list[str] = field(default_factory=list)  # sha256 of earlier versions removed
    errors: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    results: list[DocumentResult] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (file, warning), loaded documents

    @property
    def ok(self) -> bool:
        """True when no document failed."""
        return self.documents_failed == 0

    def add(self, result: DocumentResult) -> None:
        self.results.append(result)
        if result.status == "failed":
            self.documents_failed += 1
            self.errors.append((result.file, result.message or "failed"))
        elif result.status == "unchanged":
            self.documents_unchanged += 1
        else:
            self.documents_ok += 1
        self.warnings.extend((result.file, w) for w in result.warnings)
        s = result.summary
        if s is not None:
            self.nodes_created += s.nodes_created
            self.nodes_updated += s.nodes_updated
            self.rels_created += s.rels_created
            self.rels_updated += s.rels_updated
            self.replaced.extend(s.replaced)

    def as_dict(self) -> dict[str, Any]:
        """Flat counts (what ``govgraph ingest`` prints), errors as ``[file, message]`` pairs."""
        return {
            "documents": len(self.results),
            "ok": self.documents_ok,
            "failed": self.documents_failed,
            "unchanged": self.documents_unchanged,
            "nodes_created": self.nodes_created,
            "nodes_updated": self.nodes_updated,
            "rels_created": self.rels_created,
            "rels_updated": self.rels_updated,
            "replaced": list(self.replaced),
            "errors": [[f, m] for f, m in self.errors],
        }

    def details(self) -> list[dict[str, Any]]:
        """One entry per document: file, status, sha256, and its write summary or error."""
        return [r.as_dict() for r in self.results]


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files to load: files as given; folders searched recursively for minutes formats.

    Hidden files and folders (".git", editor temp files) are skipped inside folders; a
    file named explicitly is always tried, so an unsupported one is reported, not ignored.
    """
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(
                f for f in p.rglob("*")
                if f.is_file() and f.suffix.lower() in EXTENSIONS
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            ))
        else:
            out.append(p)
    seen: set[Path] = set()
    unique = []
    for f in out:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


class IngestInterrupted(StoreUnavailable):
    """The store became unreachable during an ingest: nothing more was loaded.

    ``report`` holds what happened to the documents before (those with status ``ok``
    are loaded whole); ``not_loaded`` lists the files that were not, the one in flight
    first. Each document is one transaction, so none is half-written; the one in flight
    may have been committed just before the connection dropped, which a re-run reports
    as ``unchanged``.
    """

    def __init__(self, cause: StoreUnavailable, report: IngestReport, not_loaded: list[str]) -> None:
        shown = ", ".join(not_loaded[:5]) + (f" and {len(not_loaded) - 5} more" if len(not_loaded) > 5 else "")
        super().__init__(f"{cause}; ingest stopped after {report.documents_ok} loaded, "
                         f"{len(not_loaded)} not loaded: {shown}")
        self.report = report
        self.not_loaded = not_loaded


def ingest_paths(paths: list[Path], store: Store, progress: bool = True,
                 max_bytes: int | None = None) -> IngestReport:
    """Load files and folders into ``store``; see the module docstring for the rules.

    Files larger than ``max_bytes`` (default: ``GOVGRAPH_MAX_DOCUMENT_BYTES``) are
    refused before they are read. Raises :class:`IngestInterrupted` (a
    ``StoreUnavailable``) when the store cannot be reached (every further document
    would fail the same way); any other error is one document's and is reported in
    ``IngestReport.errors``.
    """
    if max_bytes is None:
        from govgraph.settings import get_settings

        max_bytes = get_settings().max_document_bytes
    files = expand_paths(paths)
    report = IngestReport()
    for i, f in enumerate(_progress(files, progress)):
        try:
            result = _ingest_file(f, store, max_bytes)
        except StoreUnavailable as e:
            raise IngestInterrupted(e, report, [str(x) for x in files[i:]]) from e
        report.add(result)
    return report


def ingest_extraction(extraction: dict, store: Store, ingested_at: str | None = None) -> IngestReport:
    """Load one already-extracted document (``govgraph.extraction/1``), e.g. reviewed JSON."""
    source = (extraction.get("document") or {}).get("source") if isinstance(extraction, dict) else None
    name = str(source or "<extraction>")
    report = IngestReport()
    try:
        batch = resolve(extraction, ingested_at or now_iso())
    except Exception as e:  # noqa: BLE001 - reported, never fatal
        report.add(DocumentResult(name, "failed", message=f"resolve: {_reason(e)}"))
        return report
    # Without a source there is no "earlier version" to replace.
    report.add(_write(name, batch, store, source_key=str(source) if source else None, check_loaded=True))
    return report


def _ingest_file(f: Path, store: Store, max_bytes: int) -> DocumentResult:
    from .extract import pipeline
    from .readers import ReadError, read_document

    name = str(f)
    try:
        doc = read_document(f, max_bytes=max_bytes)
    except ReadError as e:
        # ReadError says "<path>: <reason>"; the report already names the file.
        reason = str(e).removeprefix(f"{f}: ")
        return DocumentResult(name, "failed", message=f"read: {reason}")
    except Exception as e:  # noqa: BLE001
        return DocumentResult(name, "failed", message=f"read: {_reason(e)}")
    doc.source = str(f.resolve())
    try:
        if _loaded(store, doc.sha256):
            return DocumentResult(name, "unchanged", sha256=doc.sha256)
    except StoreUnavailable:
        raise
    except Exception as e:  # noqa: BLE001
        return DocumentResult(name, "failed", doc.sha256, message=f"store: {_reason(e)}")
    try:
        extraction = pipeline.extract_document(doc)  # carries warnings and confidence
    except Exception as e:  # noqa: BLE001
        return DocumentResult(name, "failed", doc.sha256, message=f"extract: {_reason(e)}")
    try:
        batch = resolve(extraction, now_iso())
    except Exception as e:  # noqa: BLE001
        return DocumentResult(name, "failed", doc.sha256, message=f"resolve: {_reason(e)}")
    result = _write(name, batch, store, source_key=doc.source)
    if result.status != "failed":
        result.warnings = list(extraction["warnings"])
        result.confidence = extraction["confidence"]
    return result


def _write(name: str, batch: GraphBatch, store: Store, source_key: str | None,
           check_loaded: bool = False) -> DocumentResult:
    """Write one document's batch, replacing the earlier versions loaded from the same source."""
    sha = batch.sha256
    try:
        if check_loaded and _loaded(store, sha):
            return DocumentResult(name, "unchanged", sha256=sha)
        earlier = store.document_by_source(source_key) if source_key else []
        replaces = sorted({str(d.props.get("sha256")) for d in earlier} - {sha})
        summary = store.write(batch, replaces=replaces)
    except StoreUnavailable:
        raise
    except Exception as e:  # noqa: BLE001
        return DocumentResult(name, "failed", sha, message=f"store: {_reason(e)}")
    return DocumentResult(name, "ok", sha, summary=summary)


def _loaded(store: Store, sha256: str) -> bool:
    return bool(store.find("Document", {"sha256": sha256}, limit=1))


def _reason(e: BaseException) -> str:
    text = str(e).strip()
    return f"{type(e).__name__}: {text}" if text else type(e).__name__


def _progress(files: list[Path], enabled: bool) -> Iterator[Path]:
    if not enabled or not files:
        yield from files
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("[bold]ingest[/bold]"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
               TextColumn("{task.description}"))
    # stderr: stdout may carry the JSON report (govgraph ingest --json).
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("", total=len(files))
        for f in files:
            bar.update(task, description=f.name)
            yield f
            bar.advance(task)

