"""scripts/neo4j_local.py's `reset` deletes only run dirs it made (it runs `rm -rf`)."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT

SCRIPT = ROOT / "scripts" / "neo4j_local.py"


def _reset(run_dir) -> subprocess.CompletedProcess:
    env = {**os.environ, "GOVGRAPH_NEO4J_RUN_DIR": str(run_dir), "GOVGRAPH_NEO4J_BOLT_PORT": "7691"}
    return subprocess.run([sys.executable, str(SCRIPT), "reset"], env=env, capture_output=True, text=True,
                          timeout=60)


def test_reset_of_a_dir_that_never_ran_a_server_succeeds(tmp_path):
    # found by the benchmarks: reset's own stop() made the dir and its lock, then refused it
    rd = tmp_path / "never-started"
    r = _reset(rd)
    assert r.returncode == 0, r.stderr
    assert not rd.exists()


def test_reset_refuses_a_foreign_dir(tmp_path):
    rd = tmp_path / "someone-elses"
    rd.mkdir()
    (rd / "precious.txt").write_text("keep me")
    r = _reset(rd)
    assert r.returncode != 0 and "does not look like a neo4j_local run dir" in r.stderr
    assert (rd / "precious.txt").read_text() == "keep me"
