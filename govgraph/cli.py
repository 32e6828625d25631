"""The ``govgraph`` command: a thin layer over functions you can call from Python.

Exit codes: 0 success, 1 some input failed (the others were still processed),
2 usage error (typer's own), 3 the store could not be reached or opened.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

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
    """Extract minutes and load them into the store, one transaction per document."""
    from .ingest.load import ingest_paths

    missing = [p for p in paths if not p.exists()]
    for p in missing:
        err.print(f"[red]error:[/red] {p}: no such file or folder")
    s = _open_store(store)
    with s:
        report = ingest_paths([p for p in paths if p.exists()], s, progress=not (quiet or as_json))
    data = report.as_dict()
    if as_json:
        print(json.dumps(data))
    else:
        _print_ingest_report(data, s.kind)
    raise typer.Exit(1 if (missing or data.get("failed")) else 0)


def _print_ingest_report(data: dict, kind: str) -> None:
    out.print(f"store: {kind}")
    for k, v in data.items():
        if k != "errors":
            out.print(f"  {k}: {v}")
    for f, msg in data.get("errors") or []:
        err.print(f"[red]error:[/red] {f}: {msg}" if not str(msg).startswith(str(f)) else f"[red]error:[/red] {msg}")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port")] = 8000,
    store: StoreOpt = None,
) -> None:
    """Serve the API (/docs) and the visualisations (/) over HTTP."""
    import uvicorn

    if store:
        os.environ["GOVGRAPH_STORE"] = store
    from .api.app import create_app

    s = _open_store(store)
    out.print(f"govgraph on http://{host}:{port}  (store: {s.kind}; API docs at /docs)")
    uvicorn.run(create_app(store=s), host=host, port=port, log_level="info")


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


if __name__ == "__main__":  # pragma: no cover
    app()
