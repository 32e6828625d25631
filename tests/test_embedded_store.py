"""Embedded store specifics: the file survives crashes, holds data not code, and
serialises writers from several processes."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
from govgraph.graph.embedded import EmbeddedStore
from govgraph.graph.model import props_of_contributions
from govgraph.graph.store import StoreError
from test_store_conformance import MTG, minutes_batch, sample_batch


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
    assert data["format"] == "govgraph-embedded/2"
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


def test_contributions_are_kept_in_the_file_next_to_the_properties(tmp_path):
    s = EmbeddedStore(tmp_path / "store")
    s.write(minutes_batch("a" * 64, "2018-07-31", {"title": "Assurance"}))
    s.write(minutes_batch("b" * 64, "2018-07-31", {"title": "Monthly Assurance Meeting"}, source="agenda.txt"))
    data = json.loads((tmp_path / "store" / "graph.json").read_text())
    label, nid, props, contrib = next(n for n in data["nodes"] if n[1] == MTG)
    assert props["title"] == "Monthly Assurance Meeting" and "contrib" not in props
    assert contrib == {'{"date":"2018-07-31","title":"Assurance"}': ["a" * 64],
                       '{"date":"2018-07-31","title":"Monthly Assurance Meeting"}': ["b" * 64]}
    role = next(r for r in data["rels"] if r[0] == "HELD")
    assert role[4] == {'{"from":"2018-07-31","to":"2018-07-31"}': ["a" * 64, "b" * 64]}  # grouped
    reopened = EmbeddedStore(tmp_path / "store")  # read back from the file
    assert reopened.delete_document("b" * 64) is True
    assert reopened.get(MTG).props["title"] == "Assurance"


def test_a_version_1_file_still_loads_its_props_counted_as_all_its_sources(tmp_path):
    s = EmbeddedStore(tmp_path / "store")
    s.write(minutes_batch("a" * 64, "2018-07-31", {"title": "Assurance"}))
    s.write(minutes_batch("b" * 64, "2018-07-31", {"venue": "HQ"}, source="agenda.txt"))
    digest = s.digest()
    path = tmp_path / "store" / "graph.json"
    data = json.loads(path.read_text())
    v1 = {"format": "govgraph-embedded/1", "nodes": [n[:3] for n in data["nodes"]],
          "rels": [r[:4] for r in data["rels"]]}
    path.write_text(json.dumps(v1))
    old = EmbeddedStore(tmp_path / "store")
    assert old.digest() == digest
    assert old.delete_document("b" * 64) is True  # what b said cannot be told apart: kept, as before
    assert old.get(MTG).props == {"date": "2018-07-31", "title": "Assurance", "venue": "HQ", "sources": ["a" * 64]}
    old.write(minutes_batch("c" * 64, "2018-07-31", {"time": "10:30"}, source="c.txt"))
    assert json.loads(path.read_text())["format"] == "govgraph-embedded/2"  # saved in the new format
    assert EmbeddedStore(tmp_path / "store").delete_document("c" * 64) is True
    assert "time" not in EmbeddedStore(tmp_path / "store").get(MTG).props


def test_failed_delete_and_replace_roll_back_contributions_too(tmp_path):
    s = EmbeddedStore(tmp_path / "store")
    s.write(minutes_batch("a" * 64, "2018-07-31", {"title": "Assurance"}))
    s.write(minutes_batch("b" * 64, "2018-07-31", {"title": "Monthly Assurance Meeting"}, source="agenda.txt"))
    digest = s.digest()
    contribs = {nid: d["contrib"] for nid, d in s.g.nodes(data=True)}

    def boom(tmp):
        raise OSError("disk full")

    s._before_rename = boom
    with pytest.raises(OSError):
        s.delete_document("b" * 64)
    with pytest.raises(OSError):
        s.write(minutes_batch("c" * 64, "2018-07-31", {"title": "Never"}), replaces=["a" * 64])
    assert s.digest() == digest
    assert {nid: d["contrib"] for nid, d in s.g.nodes(data=True)} == contribs
    del s._before_rename
    assert s.delete_document("b" * 64) is True
    assert s.get(MTG).props["title"] == "Assurance"


def test_props_are_always_what_the_contributions_merge_to(tmp_path):
    s = EmbeddedStore(tmp_path / "store")
    for i, date in enumerate(("2018-06-26", "2018-07-31", "2018-08-28", "2018-07-31")):
        s.write(minutes_batch(f"{i}" * 64, date, {"title": "Assurance " * i}))
    s.write(sample_batch("a" * 64))
    s.write(sample_batch("b" * 64, finding="Another.", source="n.txt"), replaces=["1" * 64])
    s.delete_document("2" * 64)
    items = [d for _, d in s.g.nodes(data=True)] + [d for *_, d in s.g.edges(keys=True, data=True)]
    assert items
    for d in items:
        assert d["props"] == props_of_contributions(d["contrib"])


def test_a_file_with_malformed_contributions_is_refused(tmp_path):
    s = EmbeddedStore(tmp_path / "store")
    s.write(sample_batch())
    path = tmp_path / "store" / "graph.json"
    data = json.loads(path.read_text())
    data["nodes"][0][3] = [["not", "a map"]]
    path.write_text(json.dumps(data))
    with pytest.raises(StoreError, match="graph.json"):
        EmbeddedStore(tmp_path / "store")


def test_temp_files_of_a_killed_save_are_removed_when_the_store_is_next_opened(tmp_path):
    data = tmp_path / "store"
    EmbeddedStore(data).write(sample_batch("a" * 64))
    child = textwrap.dedent(f"""
        import os, sys
        from govgraph.graph.embedded import EmbeddedStore
        sys.path.insert(0, {str(__import__('pathlib').Path(__file__).parent)!r})
        from test_store_conformance import sample_batch
        s = EmbeddedStore({str(data)!r})
        s._before_rename = lambda tmp: os._exit(9)   # killed after the temp write
        s.write(sample_batch("b" * 64, finding="A second document.", source="n.txt"))
    """)
    proc = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 9, proc.stderr
    assert len(list(data.glob(".graph-*.tmp"))) == 1  # what kill -9 leaves
    (data / "notes.tmp").write_text("not the store's")
    EmbeddedStore(data)
    assert list(data.glob(".graph-*.tmp")) == []
    assert (data / "notes.tmp").exists()


def test_opening_a_store_does_not_touch_temp_files_while_a_writer_holds_the_lock(tmp_path):
    import fcntl

    data = tmp_path / "store"
    EmbeddedStore(data)
    live = data / ".graph-live.tmp"
    live.write_text("{}")
    with open(data / ".lock", "a+") as lockf:  # another writer, mid-save
        fcntl.flock(lockf, fcntl.LOCK_EX)
        EmbeddedStore(data)  # opens without waiting
        assert live.exists()
        fcntl.flock(lockf, fcntl.LOCK_UN)
    EmbeddedStore(data).write(sample_batch("a" * 64))  # the next writer sweeps it
    assert not live.exists()


def test_reads_in_a_snapshot_see_one_state_and_later_reads_see_other_processes_writes(tmp_path):
    data = tmp_path / "store"
    reader = EmbeddedStore(data)
    reader.write(sample_batch("a" * 64))
    child = textwrap.dedent(f"""
        import sys
        from govgraph.graph.embedded import EmbeddedStore
        sys.path.insert(0, {str(__import__('pathlib').Path(__file__).parent)!r})
        from test_store_conformance import sample_batch
        EmbeddedStore({str(data)!r}).write(sample_batch("b" * 64, finding="A second document.", source="n.txt"))
    """)
    with reader.snapshot() as snap:
        assert snap.count("Finding") == 1
        proc = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0, proc.stderr
        assert snap.count("Finding") == 1  # the same state throughout
        assert len(snap.search("second")) == 0
    assert reader.count("Finding") == 2  # the next read sees the other process's write
    assert [n.label for n, _ in reader.search("second")] == ["Finding"]
