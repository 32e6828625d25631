"""Helpers shared by the reliability tests: good minutes, made-up variants of them, a
clean reference load, a time limit, and a separate local Neo4j the tests may stop.

Every expectation here is "the same as a clean, serial load of the documents that
loaded": the digest (``Store.digest``, a canonical hash of every node, relationship and
property except load times) is compared, not counts, so a lost, duplicated or
half-written node or property anywhere shows.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "assurance-meeting-2018-07.txt"
SERIES = ROOT / "tests" / "fixtures" / "series"
JUNE = SERIES / "assurance-meeting-2018-06.txt"
AUGUST = SERIES / "assurance-meeting-2018-08.txt"
GOOD = [JUNE, SEED, AUGUST]
SYNTHETIC = sorted((ROOT / "tests" / "fixtures" / "synthetic").glob("s*.txt"))
NEO4J_SCRIPT = ROOT / "scripts" / "neo4j_local.py"
TOKEN = "reliability-token-7c1e"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def ci() -> bool:
    return os.environ.get("CI", "").strip().lower() == "true"


def variants(dest: Path, n: int, start: int = 0) -> list[Path]:
    """``n`` distinct minutes files made from the June/July/August series.

    Variant ``k`` is one of the three months with its year moved to ``2030 + k // 3``:
    new meetings, actions and people's tenures, while the three months of one year still
    share meetings (the June minutes' "next meeting", actions carried forward), so
    documents also merge into nodes that other documents made.
    """
    dest.mkdir(parents=True, exist_ok=True)
    texts = [f.read_text(encoding="utf-8") for f in GOOD]
    out = []
    for k in range(start, start + n):
        src = texts[k % 3]
        year = str(2030 + k // 3)
        p = dest / f"minutes-{k:03d}-{year}-{('06', '07', '08')[k % 3]}.txt"
        p.write_text(src.replace("2018", year), encoding="utf-8")
        out.append(p)
    return out


_DIGESTS: dict[tuple, str] = {}


def clean_digest(files: Iterable[Path], uploads: Iterable[Path] = ()) -> str:
    """Digest of a fresh embedded store loaded serially with ``files`` (through
    ``ingest_paths``) and ``uploads`` (through the API, as a client would send them).
    The two stores give equal digests for equal content (tests/test_store_conformance).
    Remembered per set of files (and their bytes) for the session."""
    files, uploads = list(files), list(uploads)
    key = (tuple(sorted((str(f.resolve()), sha_of(f)) for f in files)),
           tuple(sorted((f.name, sha_of(f)) for f in uploads)))
    if key not in _DIGESTS:
        with tempfile.TemporaryDirectory(prefix="govgraph-clean-") as where:
            _DIGESTS[key] = _clean_digest(files, Path(where), uploads)
    return _DIGESTS[key]


def clean_digests(jobs: list[tuple[list[Path], list[Path]]]) -> list[str]:
    """``clean_digest`` of several (files, uploads) at once, in parallel processes."""
    from concurrent.futures import ProcessPoolExecutor

    ctx = __import__("multiprocessing").get_context("fork")
    with ProcessPoolExecutor(max_workers=min(len(jobs), os.cpu_count() or 1), mp_context=ctx) as pool:
        return list(pool.map(_clean_digest_job, jobs))


def _clean_digest_job(job: tuple[list[Path], list[Path]]) -> str:
    return clean_digest(*job)


def _clean_digest(files: list[Path], where: Path, uploads: list[Path]) -> str:
    from govgraph.graph.embedded import EmbeddedStore
    from govgraph.ingest.load import ingest_paths

    store = EmbeddedStore(where / "store")
    if files:
        with store.bulk():  # one save at the end
            report = ingest_paths(files, store, progress=False)
        assert report.ok, report.errors
    if uploads:
        from fastapi.testclient import TestClient
        from govgraph.api import create_app

        with TestClient(create_app(store, api_settings())) as c:
            for f in uploads:
                r = c.post("/documents", files={"file": (f.name, f.read_bytes())}, headers=AUTH)
                assert r.status_code in (200, 201), r.text
    digest = store.digest()
    store.close()
    return digest


def api_settings(**overrides):
    """Settings for a test app, independent of the environment and any .env file."""
    from govgraph.settings import Settings

    values = {"api_token": TOKEN, "max_upload_bytes": 2_000_000, "cors_origins": "", "store": "embedded"}
    values.update(overrides)
    return Settings(_env_file=None, **values)


def loaded_shas(store) -> set[str]:
    return {str(d.props.get("sha256")) for d in store.find("Document")}


def sha_of(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


@contextlib.contextmanager
def time_limit(seconds: float, what: str = "operation") -> Iterator[None]:
    """Fail (instead of hanging) when the block runs longer than ``seconds``.

    SIGALRM interrupts Python code in the main thread, which is where tests run; a
    blocking system call (a read on a FIFO) is interrupted too (EINTR, then the
    handler raises).
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum, frame):
        raise TimeoutError(f"{what} took longer than {seconds} s")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(predicate, timeout: float, interval: float = 0.05, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(interval)


class OwnNeo4j:
    """A Neo4j server of our own (scripts/neo4j_local.py with its own run dir and Bolt
    port), which fault tests stop and restart without touching the session's server.

    The script is always run as a child process with the environment set for it only:
    the session's server (tests/neo4j_server.py) reads the same variables at exit.
    """

    USER = "neo4j"
    PASSWORD = "govgraph-test"

    def __init__(self, run_dir: Path, port: int | None = None) -> None:
        self.run_dir = run_dir
        self.port = port or free_port()
        self.uri = f"bolt://127.0.0.1:{self.port}"
        self._starting: subprocess.Popen | None = None
        self.start_seconds: list[float] = []

    @property
    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "GOVGRAPH_NEO4J_"))}
        env.update(GOVGRAPH_NEO4J_RUN_DIR=str(self.run_dir), GOVGRAPH_NEO4J_BOLT_PORT=str(self.port),
                   GOVGRAPH_NEO4J_HEAP="512m", GOVGRAPH_NEO4J_PAGECACHE="64m",
                   GOVGRAPH_NEO4J_START_TIMEOUT="240", NEO4J_PASSWORD=self.PASSWORD)
        return env

    def _cmd(self, what: str) -> list[str]:
        return [sys.executable, str(NEO4J_SCRIPT), what]

    def start_async(self) -> None:
        """Begin starting the server (in a child process) and return at once."""
        if self._starting is None:
            self._t0 = time.monotonic()
            self._starting = subprocess.Popen(self._cmd("start"), env=self.env, stdout=subprocess.PIPE,
                                              stderr=subprocess.STDOUT, text=True)

    def wait_started(self, timeout: float = 300) -> str:
        """Wait for ``start_async``; the Bolt URI (raises with the script's output on failure)."""
        self.start_async()
        assert self._starting is not None
        try:
            out, _ = self._starting.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self._starting.kill()
            out, _ = self._starting.communicate()
            raise RuntimeError(f"own Neo4j did not start within {timeout} s:\n{out}") from None
        code = self._starting.returncode
        self._starting = None
        if code != 0:
            raise RuntimeError(f"own Neo4j failed to start (exit {code}):\n{out}")
        self.start_seconds.append(round(time.monotonic() - self._t0, 1))
        return self.uri

    def start(self) -> str:
        self.start_async()
        return self.wait_started()

    def settle(self, timeout: float = 300) -> None:
        """Wait for a start in progress, if any (never begins one): a start script killed
        half-way would leave its java running."""
        if self._starting is not None:
            with contextlib.suppress(Exception):
                self.wait_started(timeout)

    def stop(self) -> None:
        subprocess.run(self._cmd("stop"), env=self.env, capture_output=True, text=True, timeout=120, check=False)

    def store(self, setup_schema: bool = True):
        from govgraph.graph.neo4j_store import Neo4jStore

        return Neo4jStore(self.uri, self.USER, self.PASSWORD, setup_schema=setup_schema)

    def skip_or_fail(self, exc: BaseException) -> None:
        if ci():
            pytest.fail(f"own Neo4j could not be started under CI: {exc}")
        pytest.skip(f"own Neo4j not available: {exc}")
