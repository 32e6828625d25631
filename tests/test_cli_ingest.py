"""``govgraph ingest`` stopped part-way still reports: Ctrl-C (a real SIGINT to a real
``govgraph ingest``) prints what was loaded and what was not and exits 130; a store
that becomes unreachable mid-run does the same with exit 3. Never a traceback."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from govgraph.graph import StoreUnavailable
from govgraph.graph.embedded import EmbeddedStore
from typer.testing import CliRunner

from govgraph import cli

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "assurance-meeting-2018-07.txt"
GOVGRAPH = str(Path(sys.executable).with_name("govgraph"))


def _copies(folder: Path, n: int) -> list[Path]:
    """``n`` distinct documents (the seed with a numbered last line), in load order."""
    folder.mkdir()
    text = SEED.read_text(encoding="utf-8")
    files = [folder / f"minutes-{i:03d}.txt" for i in range(n)]
    for i, f in enumerate(files):
        f.write_text(f"{text}\nCopy {i}.\n", encoding="utf-8")
    return files


def test_ctrl_c_prints_the_partial_report_and_exits_130(tmp_path):
    files = _copies(tmp_path / "minutes", 150)
    data_dir = tmp_path / "store"
    env = {**os.environ, "GOVGRAPH_STORE": "embedded", "GOVGRAPH_DATA_DIR": str(data_dir)}
    proc = subprocess.Popen([GOVGRAPH, "ingest", "--json", str(tmp_path / "minutes")], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    graph = data_dir / "graph.json"
    deadline = time.monotonic() + 120
    while not graph.exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)  # the embedded store saves after each document: one is in
    assert proc.poll() is None, "the ingest finished before it could be interrupted"
    time.sleep(0.3)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=120)

    assert proc.returncode == 130, stderr[-2000:]
    assert "Traceback" not in stderr
    report = json.loads(stdout)
    assert report["interrupted"] == "interrupted (Ctrl-C)"
    assert report["ok"] >= 1 and report["not_loaded"]
    assert report["ok"] + len(report["not_loaded"]) == len(files)  # every file is in one list or the other
    assert report["not_loaded"] == [str(f) for f in files[report["ok"]:]]
    assert "ingest stopped" in stderr and "run the same command again" in stderr

    # What the report says was loaded is in the store (the one in flight may be too).
    store = EmbeddedStore(data_dir)
    loaded = len(store.find("Document"))
    store.close()
    assert report["ok"] <= loaded <= report["ok"] + 1


class DropsAfter(EmbeddedStore):
    """An embedded store whose connection 'drops' after ``n`` writes."""

    def __init__(self, data_dir: Path, n: int) -> None:
        super().__init__(data_dir)
        self.writes_left = n

    def write(self, batch, replaces=()):
        if self.writes_left == 0:
            raise StoreUnavailable("connection refused")
        self.writes_left -= 1
        return super().write(batch, replaces=replaces)


def test_store_lost_mid_run_prints_the_partial_report_and_exits_3(tmp_path, monkeypatch):
    files = _copies(tmp_path / "minutes", 4)
    monkeypatch.setattr(cli, "_open_store", lambda kind: DropsAfter(tmp_path / "store", 2))
    result = CliRunner().invoke(cli.app, ["ingest", str(tmp_path / "minutes")])
    assert result.exit_code == 3, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "ok: 2" in result.output
    assert "not loaded: 2" in result.output
    for f in files[2:]:
        assert str(f) in result.output
    assert "the store became unreachable: connection refused" in result.output
