"""The embedded store: a networkx MultiDiGraph kept in one JSON file.

Why JSON and not pickle: loading a store file must never be able to run code. Why one
file written to a temp file and renamed: a crash mid-write leaves the old file whole.
Why a lock file: an upload through the API while an ingest runs must not lose either
write; writers take an exclusive ``flock`` and reload the file if another process
changed it since we read it.

Next to its properties, every node and relationship keeps each document's own
contribution (``contrib``: canonical JSON of the contributed properties -> the shas that
contributed exactly that; see ``model.add_contribution``), never inside ``props``, so
removing a document recomputes what the remaining documents say. File format
``govgraph-embedded/2`` stores them; ``/1`` files (without) still load, their
properties counted as contributed by all their sources.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import gc
import json
import os
import re
import tempfile
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from .model import (
    SEARCH_PROPS,
    SEARCHABLE,
    Contributions,
    GraphBatch,
    NodeRec,
    RelRec,
    add_contribution,
    in_sorted,
    legacy_contributions,
    merge_props,
    props_of_contributions,
    remove_contribution,
)
from .store import Direction, Edge, Store, StoreError, WriteSummary

FORMAT = "govgraph-embedded/2"
FORMAT_V1 = "govgraph-embedded/1"  # no contributions: still read
FILENAME = "graph.json"
_TOKEN = re.compile(r"\w+")
# Properties ``find`` answers from an index (label -> properties): the lookups ``ingest``
# makes for every document ("is this sha256 loaded?", "earlier versions of this source?")
# and the API's board by name; any other ``find`` filters the label's nodes.
INDEXED: dict[str, tuple[str, ...]] = {"Document": ("sha256", "source"), "Board": ("name",)}


def _reading(method):
    """Run a read under the store's in-process lock.

    The API serves requests on several threads while an upload may be writing; a read
    must see the graph before or after a write, never halfway through one.

    Inside ``snapshot()`` the freshness check was made once on entry: each read skips it
    (a ``stat`` of the file per call was most of a lineage's time).
    """

    @functools.wraps(method)
    def locked(self, *args, **kwargs):
        with self._mutex:
            if not self._snapshot_depth:
                self._refresh()
            return method(self, *args, **kwargs)

    return locked


def _tokens(text: str) -> list[str]:
    return [t.casefold() for t in _TOKEN.findall(text or "")]


def _contrib_from_file(data: Any) -> Contributions:
    """Contributions as saved: ``{canonical JSON of the props: [sha, ...]}``, the very map
    kept in memory, so saving costs no re-encoding."""
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, list) for k, v in data.items()):
        raise ValueError("contributions are not a map of JSON text to shas")
    return {k: sorted(v) for k, v in data.items()}


class EmbeddedStore(Store):
    """A store in one file under ``data_dir`` (default ``./govgraph-data/``)."""

    kind = "embedded"

    def __init__(self, data_dir: str | os.PathLike[str] = "govgraph-data", autosave: bool = True) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / FILENAME
        self._lock_path = self.data_dir / ".lock"
        self._mutex = threading.RLock()
        self._bulk_depth = 0
        self._lock_depth = 0
        self._snapshot_depth = 0
        self._swept = False  # stale temp files removed under the writer lock yet
        self._dirty = False
        self._autosave = autosave
        self._stamp: tuple[int, int] | None = None
        self.g: nx.MultiDiGraph = nx.MultiDiGraph()
        self._by_label: dict[str, set[str]] = defaultdict(set)
        self._by_source: dict[str, set[tuple]] = defaultdict(set)
        self._by_value: dict[tuple[str, str, Any], set[str]] = defaultdict(set)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self._sweep_if_idle()
        self._load()

    # -- file ----------------------------------------------------------------------
    def _file_stamp(self) -> tuple[int, int] | None:
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return None
        return (st.st_mtime_ns, st.st_size)

    def _load(self) -> None:
        self.g = nx.MultiDiGraph()
        self._by_label = defaultdict(set)
        self._by_source = defaultdict(set)
        self._by_value = defaultdict(set)
        self._search_index = None  # built from the graph this replaces
        stamp = self._file_stamp()
        if stamp is not None:
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as e:
                raise StoreError(f"{self.path}: not a readable govgraph store ({e})") from e
            if not isinstance(data, dict) or data.get("format") not in (FORMAT, FORMAT_V1):
                raise StoreError(f"{self.path}: not a govgraph store file (format {data.get('format')!r})"
                                 if isinstance(data, dict) else f"{self.path}: not a govgraph store file")
            if data["format"] == FORMAT_V1:
                for label, nid, props in data.get("nodes", []):
                    self._put_node(NodeRec(label, nid, props), legacy_contributions(props))
                for rtype, src, dst, props in data.get("rels", []):
                    self._put_rel(RelRec(rtype, src, dst, props), legacy_contributions(props))
            else:
                try:
                    for label, nid, props, contrib in data.get("nodes", []):
                        self._put_node(NodeRec(label, nid, props), _contrib_from_file(contrib))
                    for rtype, src, dst, props, contrib in data.get("rels", []):
                        self._put_rel(RelRec(rtype, src, dst, props), _contrib_from_file(contrib))
                except (TypeError, ValueError) as e:
                    raise StoreError(f"{self.path}: not a readable govgraph store ({e})") from e
            # The loaded graph lives as long as the store: move it out of the cyclic garbage
            # collector's generations. Otherwise each full collection walks its millions of
            # objects again: at 1k meetings, seconds added to whichever query triggers it.
            gc.freeze()
        self._stamp = stamp

    def _save(self) -> None:
        """Write the whole graph to a temp file, fsync it, then rename over the old one."""
        data = {
            "format": FORMAT,
            "nodes": [[d["label"], nid, d["props"], d["contrib"]] for nid, d in self.g.nodes(data=True)],
            "rels": [[k, u, v, d["props"], d["contrib"]] for u, v, k, d in self.g.edges(keys=True, data=True)],
        }
        fd, tmp = tempfile.mkstemp(prefix=".graph-", suffix=".tmp", dir=self.data_dir)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                # json.dumps, not json.dump: dump() streams through the pure-Python encoder
                f.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
                f.flush()
                os.fsync(f.fileno())
            self._before_rename(tmp)
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise
        self._stamp = self._file_stamp()
        self._dirty = False

    def _sweep_temp_files(self) -> None:
        """Remove temp files a writer killed mid-``_save`` left (``kill -9`` skips the
        cleanup). Only called with the writer lock held: no live writer owns one then."""
        for tmp in self.data_dir.glob(".graph-*.tmp"):
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()

    def _sweep_if_idle(self) -> None:
        """On open, sweep stale temp files if no writer holds the lock; never wait for one
        (opening a store to read must not queue behind a long ingest)."""
        try:
            lockf = open(self._lock_path, "a+")  # noqa: SIM115 - closed below
        except OSError:
            return  # a directory we may only read: we could not remove anything from it either
        with lockf:
            try:
                fcntl.flock(lockf, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return  # a writer is at work: its temp file may be live; the next writer sweeps
            try:
                self._sweep_temp_files()
            finally:
                fcntl.flock(lockf, fcntl.LOCK_UN)

    def _before_rename(self, tmp_path: str) -> None:
        """Hook between the temp write and the rename (tests simulate a crash here)."""

    @contextlib.contextmanager
    def _write_lock(self) -> Iterator[None]:
        """Exclusive across threads and processes; re-entrant within one thread.

        ``flock`` locks belong to an open file description, so a second ``open`` +
        ``flock`` in the same process would wait for itself: nested calls (a write
        inside ``bulk()``) reuse the lock already held.
        """
        with self._mutex:
            if self._lock_depth:
                self._lock_depth += 1
                try:
                    yield
                finally:
                    self._lock_depth -= 1
                return
            with open(self._lock_path, "a+") as lockf:
                fcntl.flock(lockf, fcntl.LOCK_EX)
                self._lock_depth = 1
                try:
                    if not self._swept:
                        self._sweep_temp_files()
                        self._swept = True
                    if self._file_stamp() != self._stamp:
                        self._load()  # another process wrote since we read
                    yield
                finally:
                    self._lock_depth = 0
                    fcntl.flock(lockf, fcntl.LOCK_UN)

    @contextlib.contextmanager
    def bulk(self) -> Iterator[EmbeddedStore]:
        """Hold the writer lock for many documents and save once at the end.

        Each document is still applied all-or-nothing in memory; saving the whole file
        after every document would make loading N documents cost O(N^2).
        """
        with self._write_lock():
            self._bulk_depth += 1
            try:
                yield self
            finally:
                self._bulk_depth -= 1
                if self._bulk_depth == 0 and self._dirty:
                    self._save()

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[EmbeddedStore]:
        """One consistent state for many reads, checked for freshness once.

        Holds the in-process lock (no write of this process lands halfway) and checks the
        file once on entry (another process's write that lands later is seen by the next
        snapshot or read, as it would be by a read that started a moment earlier).
        """
        with self._mutex:
            if not self._snapshot_depth:
                self._refresh()
            self._snapshot_depth += 1
            try:
                yield self
            finally:
                self._snapshot_depth -= 1

    def _refresh(self) -> None:
        """Readers see other processes' writes: reload when the file changed."""
        if self._bulk_depth == 0 and self._file_stamp() != self._stamp:
            with self._mutex:
                self._load()

    # -- in-memory primitives ---------------------------------------------------------
    # Contribution maps are never changed in place (``add_contribution`` and
    # ``remove_contribution`` return new ones), so undo snapshots can share them.
    def _index_values(self, label: str, nid: str, props: dict[str, Any], add: bool) -> None:
        for k in INDEXED.get(label, ()):
            v = props.get(k)
            if isinstance(v, (str, int, float, bool)):  # hashable property values
                if add:
                    self._by_value[(label, k, v)].add(nid)
                else:
                    self._by_value[(label, k, v)].discard(nid)

    def _put_node(self, n: NodeRec, contrib: Contributions) -> None:
        self.g.add_node(n.id, label=n.label, props=n.props, contrib=contrib)
        self._by_label[n.label].add(n.id)
        self._index_values(n.label, n.id, n.props, True)
        for s in n.props.get("sources") or []:
            self._by_source[s].add(("n", n.id))

    def _drop_node(self, nid: str) -> None:
        d = self.g.nodes[nid]
        self._by_label[d["label"]].discard(nid)
        self._index_values(d["label"], nid, d["props"], False)
        for s in d["props"].get("sources") or []:
            self._by_source[s].discard(("n", nid))
        self.g.remove_node(nid)

    def _put_rel(self, r: RelRec, contrib: Contributions) -> None:
        self.g.add_edge(r.src, r.dst, key=r.type, props=r.props, contrib=contrib)
        for s in r.props.get("sources") or []:
            self._by_source[s].add(("r", r.key))

    def _drop_rel(self, key: tuple[str, str, str]) -> None:
        rtype, src, dst = key
        props = self.g.edges[src, dst, rtype]["props"]
        for s in props.get("sources") or []:
            self._by_source[s].discard(("r", key))
        self.g.remove_edge(src, dst, key=rtype)

    def _node(self, nid: str) -> NodeRec | None:
        if nid not in self.g:
            return None
        d = self.g.nodes[nid]
        return NodeRec(d["label"], nid, dict(d["props"]))

    def _rel(self, key: tuple[str, str, str]) -> RelRec | None:
        rtype, src, dst = key
        if not self.g.has_edge(src, dst, key=rtype):
            return None
        return RelRec(rtype, src, dst, dict(self.g.edges[src, dst, rtype]["props"]))

    def _node_snap(self, nid: str) -> tuple[NodeRec, Contributions] | None:
        """A node and its contributions as they are now (for undo)."""
        n = self._node(nid)
        return None if n is None else (n, self.g.nodes[nid]["contrib"])

    def _rel_snap(self, key: tuple[str, str, str]) -> tuple[RelRec, Contributions] | None:
        r = self._rel(key)
        return None if r is None else (r, self.g.edges[r.src, r.dst, r.type]["contrib"])

    def _restore(self, undo: list[tuple[str, Any, Any]]) -> None:
        """Put back what a failed write changed, newest change first."""
        for kind, key, old in reversed(undo):
            if kind == "r":
                if self._rel(key) is not None:
                    self._drop_rel(key)
                if old is not None:
                    self._put_rel(*old)
            elif key in self.g:
                if old is None:  # created by the failed write; its relationships are undone already
                    self._drop_node(key)
                else:
                    self._reput_node(key, old[0].props, old[1])
            elif old is not None:
                self._put_node(*old)

    def _reput_node(self, nid: str, props: dict[str, Any], contrib: Contributions) -> None:
        """Replace a node's properties, updating the indexes by what changed (a node that
        thousands of documents mention must not cost its whole ``sources`` per write)."""
        d = self.g.nodes[nid]
        old = d["props"]
        self._index_values(d["label"], nid, old, False)
        self._index_values(d["label"], nid, props, True)
        before, after = old.get("sources") or [], props.get("sources") or []
        if before != after:
            b, a = set(before), set(after)
            for s in b - a:
                self._by_source[s].discard(("n", nid))
            for s in a - b:
                self._by_source[s].add(("n", nid))
        d["props"] = props
        d["contrib"] = contrib

    def _remove_source(self, sha: str, undo: list) -> bool:
        """Take ``sha``'s contribution out of everything it supports, recomputing the
        properties of what other documents still support from their contributions."""
        members = list(self._by_source.get(sha, ()))
        if not members:
            return False
        for _, key in sorted((m for m in members if m[0] == "r"), key=str):
            snap = self._rel_snap(key)
            if snap is None:
                continue
            undo.append(("r", key, snap))
            rel, contrib = snap
            rest = remove_contribution(contrib, sha)
            self._drop_rel(key)
            if rest:
                self._put_rel(RelRec(rel.type, rel.src, rel.dst, props_of_contributions(rest)), rest)
        for _, key in sorted((m for m in members if m[0] == "n"), key=str):
            snap = self._node_snap(key)
            if snap is None:
                continue
            undo.append(("n", key, snap))
            node, contrib = snap
            rest = remove_contribution(contrib, sha)
            if rest:
                self._reput_node(key, props_of_contributions(rest), rest)
            elif self.g.degree(key) == 0:
                self._drop_node(key)
            else:  # still linked by a relationship no document supports: keep, unsourced
                self._reput_node(key, {**node.props, "sources": []}, {})
        self._by_source.pop(sha, None)
        return True

    # -- Store API -----------------------------------------------------------------
    def write(self, batch: GraphBatch, replaces: Iterable[str] = ()) -> WriteSummary:
        batch = batch.deduplicated()
        sha = batch.sha256
        known = {batch.document.id} | {n.id for n in batch.nodes}
        for r in batch.rels:
            if r.src not in known or r.dst not in known:
                raise StoreError(f"relationship {r.type} {r.src}->{r.dst} has an end outside its document's batch")
        summary = WriteSummary(sha)
        with self._write_lock():
            undo: list[tuple[str, Any, Any]] = []
            try:
                for old_sha in replaces:
                    if old_sha != sha and self._remove_source(old_sha, undo):
                        summary.replaced.append(old_sha)
                for n in [batch.document, *batch.nodes]:
                    new_props = {**n.props, "sources": [sha]}
                    snap = self._node_snap(n.id)
                    undo.append(("n", n.id, snap))
                    if snap is None:
                        self._put_node(NodeRec(n.label, n.id, merge_props({}, new_props)),
                                       add_contribution({}, sha, n.props, known=False))
                        summary.nodes_created += 1
                    else:
                        old, contrib = snap
                        merged = merge_props(old.props, new_props)
                        new_contrib = add_contribution(contrib, sha, n.props,
                                                       known=in_sorted(old.props.get("sources"), sha))
                        if merged != old.props or new_contrib is not contrib:
                            self._reput_node(n.id, merged, new_contrib)
                            if merged != old.props:
                                summary.nodes_updated += 1
                for r in batch.rels:
                    new_props = {**r.props, "sources": [sha]}
                    rsnap = self._rel_snap(r.key)
                    undo.append(("r", r.key, rsnap))
                    if rsnap is None:
                        self._put_rel(RelRec(r.type, r.src, r.dst, merge_props({}, new_props)),
                                      add_contribution({}, sha, r.props, known=False))
                        summary.rels_created += 1
                    else:
                        old_rel, contrib = rsnap
                        merged = merge_props(old_rel.props, new_props)
                        new_contrib = add_contribution(contrib, sha, r.props,
                                                       known=in_sorted(old_rel.props.get("sources"), sha))
                        if merged != old_rel.props or new_contrib is not contrib:
                            self._drop_rel(r.key)
                            self._put_rel(RelRec(r.type, r.src, r.dst, merged), new_contrib)
                            if merged != old_rel.props:
                                summary.rels_updated += 1
                self._dirty = True
                self._search_index = None
                if self._bulk_depth == 0 and self._autosave:
                    self._save()
            except BaseException:
                self._restore(undo)
                raise
        return summary

    def delete_document(self, sha256: str) -> bool:
        with self._write_lock():
            undo: list = []
            try:
                found = self._remove_source(sha256, undo)
                if found:
                    self._dirty = True
                    self._search_index = None
                    if self._bulk_depth == 0 and self._autosave:
                        self._save()
            except BaseException:
                self._restore(undo)
                raise
        return found

    def save(self) -> None:
        with self._write_lock():
            self._save()

    # ``sources=False`` (reads that may leave ``sources`` out) costs nothing to honour
    # here, and nothing to ignore: the lists are shared, not copied.
    @_reading
    def get_many(self, ids: Iterable[str], sources: bool = True) -> dict[str, NodeRec]:
        out = {}
        for i in ids:
            n = self._node(i)
            if n is not None:
                out[i] = n
        return out

    @_reading
    def find(self, label: str, where: dict[str, object] | None = None, limit: int | None = None,
             offset: int = 0, sources: bool = True) -> list[NodeRec]:
        where = dict(where or {})
        key = next((k for k in INDEXED.get(label, ()) if k in where), None)
        if key is not None and isinstance(where[key], (str, int, float, bool)):
            ids = self._by_value.get((label, key, where.pop(key)), set())
        else:
            ids = self._by_label.get(label, set())
        out = []
        for nid in sorted(ids):
            props = self.g.nodes[nid]["props"]
            if where and any(props.get(k) != v for k, v in where.items()):
                continue
            out.append(NodeRec(label, nid, dict(props)))
        end = None if limit is None else offset + limit
        return out[offset:end]

    @_reading
    def edges(self, ids: Iterable[str], types: Iterable[str] | None = None,
              direction: Direction = "out", sources: bool = True) -> dict[str, list[Edge]]:
        wanted = set(types) if types is not None else None
        out: dict[str, list[Edge]] = {}
        for nid in ids:
            if nid not in self.g:
                out[nid] = []
                continue
            found: list[Edge] = []
            if direction in ("out", "both"):
                for _, dst, k, d in self.g.out_edges(nid, keys=True, data=True):
                    if wanted is None or k in wanted:
                        found.append(Edge(RelRec(k, nid, dst, dict(d["props"])), self._node(dst)))  # type: ignore[arg-type]
            if direction in ("in", "both"):
                for src, _, k, d in self.g.in_edges(nid, keys=True, data=True):
                    if wanted is None or k in wanted:
                        found.append(Edge(RelRec(k, src, nid, dict(d["props"])), self._node(src)))  # type: ignore[arg-type]
            found.sort(key=lambda e: (e.rel.type, e.rel.src, e.rel.dst))
            out[nid] = found
        return out

    @_reading
    def count(self, label: str | None = None) -> int:
        if label is None:
            return self.g.number_of_nodes()
        return len(self._by_label.get(label, ()))

    @_reading
    def count_rels(self, type: str | None = None) -> int:
        if type is None:
            return self.g.number_of_edges()
        return sum(1 for _, _, k in self.g.edges(keys=True) if k == type)

    def all_nodes(self) -> Iterator[NodeRec]:
        with self._mutex:
            self._refresh()
            nodes = [NodeRec(d["label"], nid, dict(d["props"])) for nid, d in self.g.nodes(data=True)]
        yield from nodes

    def all_rels(self) -> Iterator[RelRec]:
        with self._mutex:
            self._refresh()
            rels = [RelRec(k, u, v, dict(d["props"])) for u, v, k, d in self.g.edges(keys=True, data=True)]
        yield from rels

    _search_index: dict[str, dict[str, int]] | None = None

    def _index(self) -> dict[str, dict[str, int]]:
        """token -> {node id: occurrences}, rebuilt lazily after writes."""
        if self._search_index is None:
            index: dict[str, dict[str, int]] = defaultdict(dict)
            for label in SEARCHABLE:
                for nid in self._by_label.get(label, ()):
                    props = self.g.nodes[nid]["props"]
                    for p in SEARCH_PROPS:
                        for t in _tokens(str(props.get(p) or "")):
                            index[t][nid] = index[t].get(nid, 0) + 1
            self._search_index = dict(index)
        return self._search_index

    @_reading
    def search(self, query: str, labels: Iterable[str] | None = None, limit: int = 20,
               sources: bool = True) -> list[tuple[NodeRec, float]]:
        """Rank nodes by how many of the query's words they contain, then by frequency.

        Ranks ids first and builds records only for the ``limit`` returned: a common word
        matches thousands of nodes, and copying each one's properties was most of the cost.
        """
        terms = sorted(set(_tokens(query)))
        if not terms:
            return []
        wanted = set(labels) if labels else None
        index = self._index()
        scores: dict[str, float] = defaultdict(float)
        hits: dict[str, int] = defaultdict(int)
        for t in terms:
            for nid, n in index.get(t, {}).items():
                hits[nid] += 1
                scores[nid] += 1.0 + 0.1 * min(n, 5)
        nodes = self.g.nodes
        ranked = [(round(s * hits[nid] / len(terms), 4), nid) for nid, s in scores.items()
                  if nid in nodes and not (wanted and nodes[nid]["label"] not in wanted)]
        ranked.sort(key=lambda x: (-x[0], x[1]))
        return [(self._node(nid), score) for score, nid in ranked[:limit]]  # type: ignore[misc]
