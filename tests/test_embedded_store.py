"""Embedded store specifics: the file survives crashes, holds data not code, and
serialises writers from several processes."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
from govgraph.graph.embedded import EmbeddedStore
from govgraph.graph.store import StoreError
from test_store_conformance import sample_batch


def test_store_file_survives_a_crash_between_temp_write_and_rename(tmp_path):
    data = tmp_path / "store"
    s = EmbeddedStore(data)
    s.write(sample_batch("a" * 64))
    before = (data / "graph.json").read_bytes()
    digest = s.digest()
    child = textwrap.dedent(f"""
        import os, sys
        sys.path.insert(0, {str(tmp_path.parent)!r})
        from govgraph.graph.embedded import EmbeddedStore
        sys.path.insert(0, {str(__import__('pathlib').Path(__file__).parent)!r})
        from test_store_conformance import sample_batch
        s = EmbeddedStore({str(data)!r})
        s._before_rename = lambda tmp: os._exit(9)   # the process dies here, as if killed
        s.write(sample_batch("b" * 64, finding="A second document.", source="n.txt"))
    """)
    proc = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 9, proc.stderr
    assert (data / "graph.json").read_bytes() == before
    assert EmbeddedStore(data).digest() == digest


def test_failed_write_rolls_back_in_memory_too(tmp_path):
    s = EmbeddedStore(tmp_path / "store")
    s.write(sample_batch("a" * 64))
    digest = s.digest()

    def boom(tmp):
        raise OSError("disk full")

    s._before_rename = boom
    with pytest.raises(OSError):
        s.write(sample_batch("b" * 64, finding="Never lands.", source="n.txt"))
    assert s.digest() == digest
    assert EmbeddedStore(tmp_path / "store").digest() == digest


def test_store_file_is_json_data_not_code(tmp_path):
    s = EmbeddedStore(tmp_path / "store")
    s.write(sample_batch())
    data = json.loads((tmp_path / "store" / "graph.json").read_text())
    assert data["format"] == "govgraph-embedded/1"
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "graph.json").write_bytes(b"\x80\x04\x95 pickle?")
    with pytest.raises(StoreError, match="graph.json"):
        EmbeddedStore(tmp_path / "bad")


def test_writers_in_two_processes_lose_nothing(tmp_path):
    data = tmp_path / "store"
    EmbeddedStore(data)
    child = textwrap.dedent("""
        import sys
        sys.path.insert(0, sys.argv[3])
        from govgraph.graph.embedded import EmbeddedStore
        from test_store_conformance import sample_batch
        s = EmbeddedStore(sys.argv[1])
        for i in range(15):
            sha = (sys.argv[2] + format(i, "02d")) * 16
            s.write(sample_batch(sha[:64], finding=f"Finding {sys.argv[2]} {i}", source=f"{sys.argv[2]}{i}.txt"))
    """)
    tests_dir = str(__import__("pathlib").Path(__file__).parent)
    procs = [subprocess.Popen([sys.executable, "-c", child, str(data), tag, tests_dir]) for tag in ("aa", "bb")]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    s = EmbeddedStore(data)
    assert s.count("Finding") == 30
    assert s.count("Document") == 30


def test_bulk_load_saves_once_and_writes_inside_it_do_not_wait_for_themselves(tmp_path):
    s = EmbeddedStore(tmp_path / "store")
    with s.bulk():
        s.write(sample_batch("a" * 64))
        s.write(sample_batch("b" * 64, finding="Second.", source="n.txt"))
        assert not (tmp_path / "store" / "graph.json").exists()  # not saved yet
    assert EmbeddedStore(tmp_path / "store").count("Finding") == 2
