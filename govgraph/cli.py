"""The ``govgraph`` command: a thin layer over functions you can call from Python.

Exit codes: 0 success, 1 some input failed (the others were still processed),
2 usage error (typer's own), 3 the store could not be reached or opened, 130 stopped
by Ctrl-C (``ingest`` prints what it loaded first).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from . import __version__

app = typer.Typer(
    name="govgraph",
    help="A knowledge graph of governance accountability, built from meeting minutes.",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True)
out = Console()

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DIR = ROOT / "examples"

StoreOpt = Annotated[str | None, typer.Option("--store", help="embedded or neo4j (default: GOVGRAPH_STORE, else embedded)")]
JsonOpt = Annotated[bool, typer.Option("--json", help="machine-readable JSON on stdout")]


def _version(value: bool) -> None:
    if value:
        print(f"govgraph {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                               help="print the version and exit")] = False) -> None:
    """govgraph: minutes in, an accountability graph out."""


def _open_store(kind: str | None):
    from .graph import StoreError, open_store

    if kind not in (None, "embedded", "neo4j"):
        err.print(f"[red]error:[/red] --store must be 'embedded' or 'neo4j', not {kind!r}")
        raise typer.Exit(2)
    try:
        return open_store(kind=kind)
    except StoreError as e:
        err.print(f"[red]error:[/red] cannot open the {kind or 'configured'} store: {e}")
        raise typer.Exit(3) from e


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="minutes files (.txt .md .docx .pdf .html)")],
    as_json: JsonOpt = False,
    out_dir: Annotated[Path | None, typer.Option("--out", help="write NAME.json per input into this folder")] = None,
) -> None:
    """Extract accountability records (govgraph.extraction/1) from minutes files."""
    from .ingest.extract.pipeline import extract_document
    from .ingest.readers import ReadError, read_document

    failed = 0
    results = []
    for f in files:
        try:
            doc = read_document(f)
            result = extract_document(doc)
        except ReadError as e:
            err.print(f"[red]error:[/red] {e}")
            failed += 1
            continue
        if out_dir:
            out_dir.mkdir(parents=True, exist_ok=True)
            (out_dir / f"{f.stem}.json").write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
        results.append(result)
    if not out_dir:
        if as_json:
            payload = results[0] if len(results) == 1 else results
            sys.stdout.write(json.dumps(payload, indent=1, ensure_ascii=False) + "\n")
        else:
            for r in results:
                _print_extraction_summary(r)
    elif not as_json:
        err.print(f"wrote {len(results)} file(s) to {out_dir}")
    raise typer.Exit(1 if failed else 0)


def _print_extraction_summary(r: dict) -> None:
    m = r.get("meeting") or {}
    out.print(f"[bold]{r['document']['source']}[/bold]")
    out.print(f"  meeting: {m.get('title') or m.get('body') or '?'}  date: {m.get('date')}  time: {m.get('time')}")
    out.print(f"  chair: {r.get('chair')}  minute taker: {r.get('minute_taker')}")
    for key in ("participants", "items", "recommendations", "questions", "findings", "actions", "decisions",
                "bodies_mentioned"):
        out.print(f"  {key}: {len(r.get(key) or [])}")


@app.command()
def digest(store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """Print a canonical hash of the graph's content (equal graphs, equal digests)."""
    s = _open_store(store)
    with s:
        d = s.digest()
        counts = {"nodes": s.count(), "relationships": s.count_rels()}
    if as_json:
        print(json.dumps({"store": s.kind, "digest": d, **counts}))
    else:
        print(d)


@app.command()
def stats(store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """Count nodes by label and relationships by type."""
    from .graph.model import Label, Rel

    s = _open_store(store)
    with s:
        data = {
            "store": s.kind,
            "nodes": {lbl.value: s.count(lbl.value) for lbl in Label},
            "relationships": {r.value: s.count_rels(r.value) for r in Rel},
        }
    if as_json:
        print(json.dumps(data))
        return
    out.print(f"store: {data['store']}")
    for k in ("nodes", "relationships"):
        out.print(f"[bold]{k}[/bold]")
        for name, n in data[k].items():
            if n:
                out.print(f"  {name:16} {n}")


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="files or folders (searched recursively by extension)")],
    store: StoreOpt = None,
    as_json: JsonOpt = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar")] = False,
) -> None:
    """Extract minutes and load them into the store, one transaction per document.

    Stopped part-way (Ctrl-C: exit 130; the store unreachable: exit 3), it still prints
    what was loaded and what was not; running it again loads the rest (what loaded is
    skipped as unchanged).
    """
    from .ingest.load import IngestInterrupted, IngestReport, expand_paths, ingest_paths
    from .settings import get_settings

    missing = [p for p in paths if not p.exists()]
    for p in missing:
        err.print(f"[red]error:[/red] {p}: no such file or folder")
    s = _open_store(store)
    files = expand_paths([p for p in paths if p.exists()])
    max_bytes = get_settings().max_document_bytes
    report = IngestReport()
    done = 0
    stopped: tuple[int, str] | None = None  # (exit code, why)
    # One document at a time, so that when the run is stopped the report so far is here.
    with s, _ingest_progress(files, enabled=not (quiet or as_json)) as advance:
        try:
            for f in files:
                for result in ingest_paths([f], s, progress=False, max_bytes=max_bytes).results:
                    report.add(result)
                done += 1
                advance(f)
        except KeyboardInterrupt:
            stopped = (130, "interrupted (Ctrl-C)")
        except IngestInterrupted as e:
            stopped = (3, f"the store became unreachable: {e.__cause__ or e}")
    data = report.as_dict()
    if stopped is not None:
        data["interrupted"] = stopped[1]
        data["not_loaded"] = [str(f) for f in files[done:]]
    if as_json:
        print(json.dumps(data))
    else:
        _print_ingest_report(data, s.kind)
    if stopped is not None:
        code, why = stopped
        in_flight = data["not_loaded"][0] if data["not_loaded"] else "-"
        err.print(f"[red]ingest stopped:[/red] {escape(why)}. {data['ok']} document(s) loaded, "
                  f"{data['unchanged']} unchanged, {len(data['not_loaded'])} not loaded. Each document is one "
                  f"transaction: the one in flight ({escape(in_flight)}) is either wholly loaded or not at all; "
                  "run the same command again to load the rest (what is loaded is skipped as unchanged).",
                  soft_wrap=True)
        raise typer.Exit(code)
    raise typer.Exit(1 if (missing or data.get("failed")) else 0)


@contextmanager
def _ingest_progress(files: list[Path], enabled: bool) -> Iterator[Callable[[Path], None]]:
    """A progress bar on stderr (stdout may carry the JSON report); yields ``advance(file)``."""
    if not enabled or not files:
        yield lambda f: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("[bold]ingest[/bold]"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
               TextColumn("{task.description}"))
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task(files[0].name, total=len(files))

        def advance(f: Path) -> None:
            bar.advance(task)
            bar.update(task, description=f.name)

        yield advance


def _print_ingest_report(data: dict, kind: str) -> None:
    out.print(f"store: {kind}")
    for k, v in data.items():
        if k not in ("errors", "not_loaded"):
            out.print(f"  {k}: {v}")
    if data.get("not_loaded"):
        out.print(f"  not loaded: {len(data['not_loaded'])}")
        for f in data["not_loaded"]:
            out.print(f"    {f}", markup=False, highlight=False, soft_wrap=True)
    for f, msg in data.get("errors") or []:
        err.print(f"[red]error:[/red] {f}: {msg}" if not str(msg).startswith(str(f)) else f"[red]error:[/red] {msg}")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port")] = 8000,
    store: StoreOpt = None,
    workers: Annotated[int, typer.Option(min=1, max=64, help="server processes (each opens the store: an "
                                                           "embedded store is loaded into each)")] = 1,
    access_log: Annotated[bool, typer.Option("--access-log/--no-access-log",
                                             help="log one line per request")] = True,
) -> None:
    """Serve the API (/docs) and the visualisations (/) over HTTP."""
    import uvicorn

    if store not in (None, "embedded", "neo4j"):
        err.print(f"[red]error:[/red] --store must be 'embedded' or 'neo4j', not {store!r}")
        raise typer.Exit(2)
    if store:
        os.environ["GOVGRAPH_STORE"] = store
    # One worker: open the store here, so a store that cannot be opened is exit 3 at once.
    # More: each worker process opens its own (uvicorn needs the app as an import string).
    s = _open_store(store) if workers == 1 else None
    kind = s.kind if s is not None else (store or os.environ.get("GOVGRAPH_STORE") or "configured")
    out.print(f"govgraph on http://{host}:{port}  (store: {kind}; API docs at /docs"
              + (f"; {workers} workers" if workers > 1 else "") + ")")
    # uvicorn picks httptools and uvloop (both in uvicorn[standard]) when they are installed.
    options = {"host": host, "port": port, "log_level": "info", "access_log": access_log}
    if s is None:
        uvicorn.run("govgraph.api.app:create_app", factory=True, workers=workers, **options)
        return
    from .api.app import create_app

    uvicorn.run(create_app(store=s), **options)


@app.command()
def demo(
    host: Annotated[str, typer.Option(help="interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port")] = 8000,
    no_serve: Annotated[bool, typer.Option("--no-serve", help="load the sample and stop")] = False,
) -> None:
    """Load the bundled sample minutes into the embedded store and serve them."""
    from .ingest.load import ingest_paths

    s = _open_store("embedded")
    with s:
        report = ingest_paths([SAMPLE_DIR], s, progress=True)
    _print_ingest_report(report.as_dict(), s.kind)
    if report.as_dict().get("failed"):
        raise typer.Exit(1)
    if not no_serve:
        serve(host=host, port=port, store="embedded")


@app.command("export")
def export_cmd(
    fmt: Annotated[str, typer.Option("--format", "-f", help="ttl, jsonld, nt or graphml")] = "ttl",
    out_file: Annotated[Path | None, typer.Option("--out", help="write to this file (default: stdout)")] = None,
    board: Annotated[str | None, typer.Option(help="only this board (id) and what hangs off it")] = None,
    report: Annotated[str | None, typer.Option(help="only this report (id) and what answers it")] = None,
    store: StoreOpt = None,
) -> None:
    """Export the graph as RDF (W3C ORG, PROV-O, Dublin Core + govgraph vocabulary) or GraphML."""
    from .graph.rdf import FORMATS, export

    if fmt not in FORMATS:
        err.print(f"[red]error:[/red] --format must be one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    s = _open_store(store)
    with s:
        try:
            text = export(s, fmt, None, board_id=board, report_id=report)
        except (LookupError, ValueError) as e:
            err.print(f"[red]error:[/red] {e}")
            raise typer.Exit(1) from e
    data = text if isinstance(text, str) else text.decode("utf-8")
    if out_file:
        out_file.write_text(data, encoding="utf-8")
        err.print(f"wrote {out_file}")
    else:
        sys.stdout.write(data)


@app.command("import-rdf")
def import_rdf_cmd(
    file: Annotated[Path, typer.Argument(help="an RDF file written by `govgraph export`")],
    fmt: Annotated[str | None, typer.Option("--format", "-f", help="ttl, jsonld or nt (default: from the extension)")] = None,
    store: StoreOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Rebuild a graph from an RDF export (the same digest as the graph exported)."""
    from .graph.rdf import import_rdf

    if not file.is_file():
        err.print(f"[red]error:[/red] {file}: no such file")
        raise typer.Exit(1)
    s = _open_store(store)
    with s:
        try:
            counts = import_rdf(s, file, fmt)
        except Exception as e:  # noqa: BLE001 - rdflib raises many kinds; report them plainly
            err.print(f"[red]error:[/red] {file}: cannot import: {e}")
            raise typer.Exit(1) from e
    print(json.dumps(counts) if as_json else ", ".join(f"{k}: {v}" for k, v in counts.items()))


@app.command()
def gaps(
    months: Annotated[int, typer.Option(help="evidence older than this many months is out of date")] = 12,
    stale_meetings: Annotated[int, typer.Option(help="an action not updated after this many meetings is stale")] = 2,
    today: Annotated[str | None, typer.Option(help="reference date YYYY-MM-DD (default: today)")] = None,
    store: StoreOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Accountability gaps: unanswered recommendations, stale actions, owners without holders."""
    from .graph.analysis import gaps as find_gaps

    s = _open_store(store)
    with s:
        result = find_gaps(s, months=months, stale_meetings=stale_meetings, today=today)
    if as_json:
        print(json.dumps(result, default=str))
        return
    out.print(f"[bold]as of {result['today']}[/bold]")
    for key, value in (result.get("counts") or {}).items():
        out.print(f"  {key}: {value}")
    for key in ("unanswered", "out_of_date", "stale_actions", "owner_without_holder"):
        rows = result.get(key) or []
        if isinstance(rows, dict):
            rows = [r for group in rows.values() for r in (group if isinstance(group, list) else [group])]
        if rows:
            out.print(f"[bold]{key.replace('_', ' ')}[/bold]")
            for r in rows[:20]:
                text = r.get("text") or r.get("title") or r.get("id") if isinstance(r, dict) else r
                out.print(f"  - {str(text)[:110]}", markup=False)


@app.command()
def report(
    kind: Annotated[str, typer.Argument(help="recommendations (the tracker) or actions (the action log)")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, xlsx or md")] = "csv",
    out_file: Annotated[Path | None, typer.Option("--out", help="write to this file (xlsx needs one)")] = None,
    today: Annotated[str | None, typer.Option(help="reference date YYYY-MM-DD for ages (default: today)")] = None,
    store: StoreOpt = None,
) -> None:
    """Reports for auditors: the recommendation tracker or the action log."""
    from .graph.reports import action_log_rows, recommendation_tracker, write_rows

    if kind not in ("recommendations", "actions"):
        err.print("[red]error:[/red] report is 'recommendations' or 'actions'")
        raise typer.Exit(2)
    if fmt not in ("csv", "xlsx", "md"):
        err.print("[red]error:[/red] --format must be csv, xlsx or md")
        raise typer.Exit(2)
    if fmt == "xlsx" and out_file is None:
        err.print("[red]error:[/red] xlsx needs --out FILE")
        raise typer.Exit(2)
    s = _open_store(store)
    with s:
        rows = recommendation_tracker(s, today=today) if kind == "recommendations" else action_log_rows(s, today=today)
    if out_file:
        write_rows(rows, fmt, out_file)
        err.print(f"wrote {len(rows)} row(s) to {out_file}")
    else:
        content = write_rows(rows, fmt, None)
        sys.stdout.write(content if isinstance(content, str) else content.decode("utf-8"))


@app.command()
def viz(
    kind: Annotated[str, typer.Argument(help="recommendation, board, person, role, meeting or node")],
    node_id: Annotated[str, typer.Argument(help="the node's id (see the API or `govgraph extract`)")],
    out_file: Annotated[Path, typer.Option("--out", help="the HTML file to write")] = Path("govgraph-view.html"),
    depth: Annotated[int, typer.Option(help="neighbourhood depth (node view)")] = 2,
    limit: Annotated[int, typer.Option(help="at most this many nodes")] = 300,
    store: StoreOpt = None,
) -> None:
    """Write an interactive graph page (works offline) for one node."""
    from .viz.cli import write_view

    s = _open_store(store)
    with s:
        try:
            path = write_view(s, kind, node_id, out_file, depth=depth, limit=limit)
        except ValueError as e:
            err.print(f"[red]error:[/red] {e}")
            raise typer.Exit(2) from e
        except LookupError as e:
            err.print(f"[red]error:[/red] {e}")
            raise typer.Exit(1) from e
    err.print(f"wrote {path}")


if __name__ == "__main__":  # pragma: no cover
    app()
