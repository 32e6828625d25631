#!/usr/bin/env python3
"""Run a real Neo4j Community server locally, without Docker.

    python scripts/neo4j_local.py start    # prints bolt://127.0.0.1:PORT
    python scripts/neo4j_local.py status   # exit 0 + URI if running and answering, else exit 1
    python scripts/neo4j_local.py uri      # URI of the running server (no query), else exit 1
    python scripts/neo4j_local.py stop
    python scripts/neo4j_local.py reset    # stop and delete the run dir (data, logs, password)

Only the Python standard library is used; the ``neo4j`` driver is used for the
final readiness check when it is importable.

Why this route
--------------
The machines this project runs on have Java 17 and Maven with access to Maven
Central, but no Docker and no other download site, so neither the Neo4j
container nor the Neo4j tarball can be fetched.  Maven Central does publish the
server itself: ``org.neo4j:neo4j`` is the Community server with its full
runtime classpath (the tarball's ``lib/`` is essentially those jars).  So:

1. A tiny ``pom.xml`` depending on ``org.neo4j:neo4j:<version>`` is written into
   a cache dir outside the repo and ``mvn dependency:copy-dependencies`` copies
   the ~210 jars (~125 MB) into ``<cache>/lib``.  A ``.complete`` marker makes
   this idempotent: later runs skip Maven entirely.
2. The tarball's ``bin/neo4j`` script only runs ``org.neo4j.server.startup.
   Neo4jCommand`` (the "bootloader"), which assembles a JVM command line from
   ``neo4j.conf`` and then starts ``org.neo4j.server.CommunityEntryPoint
   --home-dir=... --config-dir=...``.  We do that last step ourselves: the JVM
   options below are the ones the distribution's neo4j.conf and the bootloader
   set (G1, the ``--add-opens`` Neo4j 5 needs on Java 17, the netty/TLS
   properties, ...), with a small heap and page cache for a 2-core test box.
   This keeps us off the bootloader's assumptions about the tarball layout
   (``bin/``, ``lib/`` under the home dir), and gives us the pid directly.
3. The initial password is set exactly as ``neo4j-admin dbms
   set-initial-password`` does it: by running its Java entry point
   ``org.neo4j.cli.AdminTool`` (what the bootloader's ``Neo4jAdminCommand``
   forks) with ``NEO4J_HOME``/``NEO4J_CONF`` pointing at the run dir, before
   the first start.  It writes ``data/dbms/auth.ini``, which the system
   database consumes when it is created.  Auth stays enabled.

The fallback named in the brief (``org.neo4j.test:neo4j-harness`` from a small
launcher) was not needed: the entry-point route works with the stock jars.

Processes and concurrency
-------------------------
Several shells and test runs may share one run dir at once, so: start, stop and
reset hold an flock on ``<run dir>/.start.lock``; the running java process is
the source of truth (the pid file is checked against ``/proc/<pid>/cmdline``,
and if it is lost the processes are scanned for ``--home-dir=<run dir>``); the
Bolt port is put on the java command line (``-Dgovgraph.neo4j.bolt_port=``) so
it can be read back from the process.  Test sessions use ``lease()`` /
``release()`` (see tests/neo4j_server.py): a server started by a lease is
stopped by the last release; one started with ``start`` is left running.
``stop`` always stops.

Layout and environment
----------------------
- cache dir (jars): ``$GOVGRAPH_NEO4J_HOME`` or ``~/.cache/govgraph/neo4j-<version>``
- run dir (conf/, data/, logs/, neo4j.pid, state.json):
  ``$GOVGRAPH_NEO4J_RUN_DIR`` or ``<cache dir>/run``
- ``GOVGRAPH_NEO4J_VERSION`` (default below), ``GOVGRAPH_NEO4J_BOLT_PORT``
  (default 7687 if free, else a free port; a run dir keeps its port across
  restarts while it stays free), ``NEO4J_PASSWORD`` (default ``govgraph-test``;
  only takes effect on a fresh run dir), ``GOVGRAPH_NEO4J_HEAP`` (max heap,
  default ``1g``), ``GOVGRAPH_NEO4J_PAGECACHE`` (default ``256m``),
  ``GOVGRAPH_NEO4J_START_TIMEOUT`` (seconds, default 120), ``JAVA_HOME``.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections import deque
from pathlib import Path

# Latest 5.26.x (LTS) on Maven Central when this was written.
DEFAULT_VERSION = "5.26.30"
DEFAULT_PASSWORD = "govgraph-test"
USER = "neo4j"
HOST = "127.0.0.1"
DEFAULT_BOLT_PORT = 7687
MIN_PASSWORD_LENGTH = 8  # Neo4j's dbms.security.auth_minimum_password_length default

ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"
RUN_MARKER = ".govgraph-neo4j-run"  # makes `reset` refuse to delete foreign dirs
PORT_PROPERTY = "-Dgovgraph.neo4j.bolt_port="  # on the java command line: `status` reads the port there


class Neo4jLocalError(RuntimeError):
    """Anything that stops the local server from being fetched, started or stopped."""


def log(msg: str) -> None:
    print(f"[neo4j-local] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- settings


def version() -> str:
    return os.environ.get("GOVGRAPH_NEO4J_VERSION") or DEFAULT_VERSION


def password() -> str:
    return os.environ.get("NEO4J_PASSWORD") or DEFAULT_PASSWORD


def cache_dir() -> Path:
    env = os.environ.get("GOVGRAPH_NEO4J_HOME")
    if env:
        return Path(env).expanduser().resolve()
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return (base / "govgraph" / f"neo4j-{version()}").resolve()


def run_dir() -> Path:
    env = os.environ.get("GOVGRAPH_NEO4J_RUN_DIR")
    return Path(env).expanduser().resolve() if env else cache_dir() / "run"


def lib_dir() -> Path:
    return cache_dir() / "lib"


def start_timeout() -> float:
    return float(os.environ.get("GOVGRAPH_NEO4J_START_TIMEOUT") or 120)


def _pid_file() -> Path:
    return run_dir() / "neo4j.pid"


def _state_file() -> Path:
    return run_dir() / "state.json"


def _console_log() -> Path:
    return run_dir() / "logs" / "console.log"


def bolt_uri(port: int) -> str:
    return f"bolt://{HOST}:{port}"


# ---------------------------------------------------------------- java + jars


def find_java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    java = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
    if not java or not os.access(java, os.X_OK):
        where = f"{java} (from JAVA_HOME)" if java_home else "java on PATH"
        raise Neo4jLocalError(f"no {where}; Neo4j {version()} needs Java 17 or 21")
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    except OSError as exc:
        raise Neo4jLocalError(f"cannot run {java}: {exc}") from exc
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if not m:
        raise Neo4jLocalError(f"cannot tell the Java version from `{java} -version`: {out.stderr.strip()}")
    major = int(m.group(1)) if m.group(1) != "1" else int(m.group(2) or 0)
    if major < 17:
        raise Neo4jLocalError(f"{java} is Java {major}; Neo4j {version()} needs Java 17 or 21")
    return java


POM_TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by govgraph scripts/neo4j_local.py: only used to fetch the Neo4j server jars. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>govgraph.local</groupId>
  <artifactId>neo4j-server-jars</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.neo4j</groupId>
      <artifactId>neo4j</artifactId>
      <version>{version}</version>
    </dependency>
  </dependencies>
</project>
"""


def ensure_jars() -> Path:
    """Fetch org.neo4j:neo4j and its runtime dependencies into <cache>/lib (once)."""
    lib = lib_dir()
    marker = lib / ".complete"
    if marker.exists():
        return lib
    mvn = shutil.which("mvn")
    if not mvn:
        raise Neo4jLocalError("mvn (Maven) not found on PATH; it is needed once to fetch the Neo4j jars")
    cache = cache_dir()
    cache.mkdir(parents=True, exist_ok=True)
    with _locked(cache / ".fetch.lock"):
        if marker.exists():  # another process fetched them meanwhile
            return lib
        (cache / "pom.xml").write_text(POM_TEMPLATE.format(version=version()))
        tmp = cache / "lib.partial"
        shutil.rmtree(tmp, ignore_errors=True)
        log(
            f"fetching Neo4j {version()} and its dependencies from Maven Central into {lib} "
            "(first run only: ~125 MB, can take a few minutes)"
        )
        cmd = [
            mvn, "-B", "-Dstyle.color=never", "-f", str(cache / "pom.xml"),
            "dependency:copy-dependencies",
            f"-DoutputDirectory={tmp}", "-DincludeScope=runtime",
        ]
        tail: deque[str] = deque(maxlen=40)
        downloads = 0
        t0 = last = time.monotonic()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, text=True, cwd=cache)
        assert proc.stdout is not None
        for line in proc.stdout:
            tail.append(re.sub(r"\x1b\[[0-9;]*m", "", line.rstrip()))  # drop colour codes
            if "Downloaded from" in line:
                downloads += 1
            if time.monotonic() - last > 10:
                last = time.monotonic()
                log(f"  ... maven still working: {downloads} files downloaded, {time.monotonic() - t0:.0f}s")
        rc = proc.wait()
        if rc != 0:
            raise Neo4jLocalError(
                f"maven failed (exit {rc}) fetching org.neo4j:neo4j:{version()}:\n  $ {' '.join(cmd)}\n"
                + "\n".join(tail)
            )
        jars = list(tmp.glob("*.jar"))
        if not any(j.name == f"neo4j-{version()}.jar" for j in jars):
            raise Neo4jLocalError(f"maven succeeded but neo4j-{version()}.jar is not in {tmp}")
        shutil.rmtree(lib, ignore_errors=True)
        tmp.rename(lib)
        marker.write_text(f"{len(jars)} jars\n")
        log(f"fetched {len(jars)} jars in {time.monotonic() - t0:.0f}s")
    return lib


# ---------------------------------------------------------------- config


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((HOST, port))
        except OSError:
            return False
    return True


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def choose_bolt_port(previous: int | None) -> int:
    env = os.environ.get("GOVGRAPH_NEO4J_BOLT_PORT")
    if env:
        port = int(env)
        if not _port_free(port):
            raise Neo4jLocalError(
                f"port {HOST}:{port} (GOVGRAPH_NEO4J_BOLT_PORT) is busy; another Neo4j or program "
                "is listening there. Free it or choose another port."
            )
        return port
    for candidate in (previous, DEFAULT_BOLT_PORT):
        if candidate and _port_free(candidate):
            return candidate
    port = _free_port()
    log(f"port {DEFAULT_BOLT_PORT} is busy, using {port}")
    return port


def heap_max() -> str:
    return os.environ.get("GOVGRAPH_NEO4J_HEAP") or "1g"


def write_config(port: int) -> Path:
    rd = run_dir()
    conf_dir = rd / "conf"
    for sub in ("conf", "data", "logs", "plugins", "import"):
        (rd / sub).mkdir(parents=True, exist_ok=True)
    (rd / RUN_MARKER).touch()
    conf = f"""# Written by govgraph scripts/neo4j_local.py on every start; edits are overwritten.
server.default_listen_address={HOST}
server.default_advertised_address={HOST}
server.bolt.enabled=true
server.bolt.listen_address={HOST}:{port}
server.bolt.advertised_address={HOST}:{port}
server.bolt.tls_level=DISABLED
server.http.enabled=false
server.https.enabled=false
dbms.routing.enabled=false
dbms.security.auth_enabled=true
dbms.usage_report.enabled=false

server.directories.data=data
server.directories.logs=logs
server.directories.plugins=plugins
server.directories.import=import
server.directories.lib={lib_dir()}

# Small footprint for a test box (the JVM heap itself is set on the java command line).
server.memory.heap.initial_size=512m
server.memory.heap.max_size={heap_max()}
server.memory.pagecache.size={os.environ.get("GOVGRAPH_NEO4J_PAGECACHE") or "256m"}
db.tx_log.rotation.retention_policy=2 files
db.logs.query.enabled=OFF
# Bolt's netty event loops otherwise idle 2 x 5 s before shutdown completes.
internal.dbms.bolt.netty_server_shutdown_quiet_period=0
internal.dbms.bolt.netty_server_shutdown_timeout=5s
"""
    path = conf_dir / "neo4j.conf"
    path.write_text(conf)
    return conf_dir


def jvm_options() -> list[str]:
    """The JVM options of Neo4j 5's stock neo4j.conf + bootloader, sized down."""
    return [
        "-Xms512m",
        f"-Xmx{heap_max()}",
        "-XX:+UseG1GC",
        "-XX:-OmitStackTraceInFastThrow",
        # -XX:+AlwaysPreTouch is left out: it slows start-up and buys nothing in tests.
        "-XX:+UnlockExperimentalVMOptions",
        "-XX:+TrustFinalNonStaticFields",
        "-XX:+DisableExplicitGC",
        "-XX:-RestrictContended",
        "-Djdk.nio.maxCachedBufferSize=1024",
        "-Dio.netty.tryReflectionSetAccessible=true",
        "-Djdk.tls.ephemeralDHKeySize=2048",
        "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
        "-XX:FlightRecorderOptions=stackdepth=256",
        "-XX:+UnlockDiagnosticVMOptions",
        "-XX:+DebugNonSafepoints",
        "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "-Dlog4j2.disable.jmx=true",
        "-Dfile.encoding=UTF-8",
    ]


def _classpath() -> str:
    rd = run_dir()
    return os.pathsep.join([str(rd / "plugins" / "*"), str(rd / "conf"), str(lib_dir() / "*")])


def check_password() -> None:
    if len(password()) < MIN_PASSWORD_LENGTH:
        raise Neo4jLocalError(
            f"NEO4J_PASSWORD must have at least {MIN_PASSWORD_LENGTH} characters (Neo4j's minimum)"
        )


def set_initial_password(java: str) -> None:
    """neo4j-admin dbms set-initial-password, via its Java entry point, on a fresh run dir."""
    rd = run_dir()
    if (rd / "data" / "databases" / "system").exists():
        return  # system database exists: the password was set on its first start
    pw = password()
    env = dict(os.environ, NEO4J_HOME=str(rd), NEO4J_CONF=str(rd / "conf"))
    cmd = [java, "-Xmx256m", "-cp", _classpath(), ADMIN_TOOL, "dbms", "set-initial-password", pw]
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=rd,
                         stdin=subprocess.DEVNULL, timeout=300)
    if out.returncode != 0 or not (rd / "data" / "dbms" / "auth.ini").exists():
        tail = "\n".join((out.stdout + out.stderr).splitlines()[-30:])
        raise Neo4jLocalError(
            f"setting the initial password failed (exit {out.returncode}):\n"
            + tail.replace(pw, "******")
        )
    log(f"initial password for user '{USER}' set (from NEO4J_PASSWORD or the default)")


# ---------------------------------------------------------------- process state


@contextlib.contextmanager
def _locked(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _read_state() -> dict:
    try:
        return json.loads(_state_file().read_text())
    except (OSError, ValueError):
        return {}


def _cmdline(pid: int) -> list[str] | None:
    """The argv of a process, or None where /proc is not available (or it is gone)."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    return raw.decode(errors="replace").split("\0")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    with contextlib.suppress(OSError, IndexError):  # a zombie has exited already
        if Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
            return False
    return True


def _serves_run_dir(pid: int, strict: bool = False) -> bool:
    """Is pid a live Neo4j of ours for this run dir?  (Guards against recycled pids.)"""
    if not _alive(pid):
        return False
    argv = _cmdline(pid)
    if argv is None:
        return not strict  # no /proc (macOS): trust the pid file
    return ENTRY_POINT in argv and f"--home-dir={run_dir()}" in argv


def _scan_for_server() -> int | None:
    """Find this run dir's server among all processes (in case the pid file was lost)."""
    proc = Path("/proc")
    if not proc.is_dir():
        return None
    for entry in proc.iterdir():
        if entry.name.isdigit() and _serves_run_dir(int(entry.name), strict=True):
            return int(entry.name)
    return None


def running_pid() -> int | None:
    """Pid of the server for this run dir, or None.

    The process itself is the source of truth: the pid file is checked against
    the process's command line, and when it is missing or stale the processes
    are scanned, so a lost pid file cannot leave an untracked server behind
    that holds the store lock.
    """
    try:
        pid = int(_pid_file().read_text().strip())
    except (OSError, ValueError):
        pid = None
    if pid and _serves_run_dir(pid):
        return pid
    found = _scan_for_server()
    if found:
        _pid_file().write_text(f"{found}\n")
    return found


def _listening_ports(pid: int) -> list[int]:
    """TCP ports the process listens on (Linux /proc), for servers without the port property."""
    try:
        inodes = {
            link[len("socket:["):-1]
            for link in (os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd"))
            if link.startswith("socket:[")
        }
    except OSError:
        return []
    ports = []
    for table in ("tcp", "tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]:
                fields = line.split()
                if fields[3] == "0A" and fields[9] in inodes:  # 0A = LISTEN
                    ports.append(int(fields[1].rsplit(":", 1)[1], 16))
    return ports


def server_port(pid: int) -> int | None:
    """The Bolt port of a running server: from its command line, else what it listens on."""
    for arg in _cmdline(pid) or []:
        if arg.startswith(PORT_PROPERTY):
            return int(arg[len(PORT_PROPERTY):])
    for port in _listening_ports(pid):
        if _bolt_handshake(port):
            return port
    return _read_state().get("port")


def _bolt_handshake(port: int, timeout: float = 2.0) -> bool:
    """True when something speaking Bolt answers on the port (stdlib-only check)."""
    try:
        with socket.create_connection((HOST, port), timeout=timeout) as s:
            s.settimeout(timeout)
            # magic, then four proposals: 5.x (range 5.0-5.8), 4.4, 4.3, 3
            s.sendall(bytes.fromhex("6060B017") + bytes.fromhex("00080805 00000404 00000403 00000003"))
            reply = s.recv(4)
            return len(reply) == 4 and reply != b"\x00\x00\x00\x00"
    except OSError:
        return False


def _driver_check(uri: str) -> None:
    """Run RETURN 1 with the neo4j driver if it is importable; raise on failure."""
    try:
        import neo4j  # type: ignore
    except ImportError:
        return
    with neo4j.GraphDatabase.driver(uri, auth=(USER, password()), connection_timeout=5) as driver:
        records, _, _ = driver.execute_query("RETURN 1 AS one", database_="neo4j")
        if records[0]["one"] != 1:
            raise Neo4jLocalError("RETURN 1 did not return 1")


def _auth_hint(exc: Exception) -> str:
    if "auth" in type(exc).__name__.lower() or "unauthorized" in str(exc).lower():
        return (
            f"\nThe server in {run_dir()} rejected user '{USER}' with NEO4J_PASSWORD (or the default). "
            "The password is fixed when a run dir is first started: use that password, or run "
            "`python scripts/neo4j_local.py reset` to start from an empty database."
        )
    return ""


def log_tail(n: int = 30) -> str:
    """The last lines of the newest run's console output (JVM errors) and of neo4j.log."""
    parts = []
    console = _console_log()
    if console.exists():
        text = console.read_text(errors="replace")
        latest = [ln for ln in text.rsplit("\n==== ", 1)[-1].splitlines()[1:] if ln.strip()]
        if latest:
            parts.append(f"--- last lines of {console} ---\n" + "\n".join(latest[-n:]))
    neo4j_log = run_dir() / "logs" / "neo4j.log"
    if neo4j_log.exists():
        lines = neo4j_log.read_text(errors="replace").splitlines()[-n:]
        parts.append(f"--- last {len(lines)} lines of {neo4j_log} ---\n" + "\n".join(lines))
    return "\n".join(parts) or "(no log output)"


# ---------------------------------------------------------------- commands


def _start_lock():
    """Serialises start, stop and reset of one run dir across processes."""
    run_dir().mkdir(parents=True, exist_ok=True)
    return _locked(run_dir() / ".start.lock")


def status() -> str | None:
    """The bolt URI when the server is running and answering a query, else None."""
    pid = running_pid()
    port = server_port(pid) if pid else None
    if not port or not _bolt_handshake(port):
        return None
    try:
        _driver_check(bolt_uri(port))
    except Exception:  # noqa: BLE001 - any failure means "not answering"
        return None
    return bolt_uri(port)


def uri() -> str | None:
    """The bolt URI of the running server (no query is made), else None."""
    pid = running_pid()
    port = server_port(pid) if pid else None
    return bolt_uri(port) if port else None


def start(timeout: float | None = None) -> str:
    """Start the server (or find it running) and return its bolt URI."""
    return ensure_running(timeout)[0]


def ensure_running(timeout: float | None = None) -> tuple[str, int | None]:
    """Start the server unless it runs; return (bolt URI, pid if this call started it else None)."""
    with _start_lock():
        return _ensure_running_locked(start_timeout() if timeout is None else timeout)


def lease(timeout: float | None = None) -> str:
    """For test sessions: ensure the server runs and register this process as a user of it.

    Call release() when done (tests/neo4j_server.py does it at exit).  Several
    test processes can share one run dir this way: a server that a lease
    started is stopped by the last release, while a server started by hand
    (`start`) is left running.
    """
    with _start_lock():
        uri, started = _ensure_running_locked(start_timeout() if timeout is None else timeout)
        if started:
            state = _read_state()
            state["lease_started_pid"] = started
            _state_file().write_text(json.dumps(state))
        leases = run_dir() / "leases"
        leases.mkdir(exist_ok=True)
        (leases / str(os.getpid())).touch()
        return uri


def release(timeout: float = 60.0) -> bool:
    """Drop this process's lease; True if that stopped the server (last user of a leased server)."""
    with _start_lock():
        leases = run_dir() / "leases"
        with contextlib.suppress(OSError):
            (leases / str(os.getpid())).unlink()
        live = []
        for f in leases.glob("*") if leases.is_dir() else []:
            if f.name.isdigit() and _alive(int(f.name)):
                live.append(f.name)
            else:
                with contextlib.suppress(OSError):
                    f.unlink()  # a test process that died without releasing
        pid = running_pid()
        if live or not pid or _read_state().get("lease_started_pid") != pid:
            return False
        log(f"stopping Neo4j (pid {pid}): its last test session ended")
        _terminate(pid, timeout)
        return True


def _ensure_running_locked(timeout: float) -> tuple[str, int | None]:
    """ensure_running() without taking the start lock (the caller holds it)."""
    pid = running_pid()
    if pid:
        port = server_port(pid)
        if not port:
            raise Neo4jLocalError(
                f"a Neo4j (pid {pid}) runs on {run_dir()} but its Bolt port is unknown; "
                f"stop it (`kill {pid}`) and start again"
            )
        _wait_ready(pid, port, timeout)  # it may still be starting up
        return bolt_uri(port), None
    check_password()
    java = find_java()
    ensure_jars()
    port = choose_bolt_port(_read_state().get("port"))
    conf_dir = write_config(port)
    set_initial_password(java)
    cmd = [java, *jvm_options(), f"{PORT_PROPERTY}{port}", "-cp", _classpath(), ENTRY_POINT,
           f"--home-dir={run_dir()}", f"--config-dir={conf_dir}"]
    log(f"starting Neo4j {version()} on {bolt_uri(port)} (logs: {_console_log()})")
    t0 = time.monotonic()
    with open(_console_log(), "ab") as out:
        out.write(f"\n==== {time.strftime('%Y-%m-%d %H:%M:%S')} {' '.join(cmd)}\n".encode())
        out.flush()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                cwd=run_dir(), start_new_session=True,
                                env=dict(os.environ, NEO4J_HOME=str(run_dir()),
                                         NEO4J_CONF=str(conf_dir)))
    _pid_file().write_text(f"{proc.pid}\n")
    _state_file().write_text(json.dumps({"port": port, "pid": proc.pid, "version": version()}))
    try:
        _wait_ready(proc.pid, port, timeout, proc)
    except BaseException:
        _terminate(proc.pid)
        raise
    log(f"Neo4j is up in {time.monotonic() - t0:.1f}s")
    return bolt_uri(port), proc.pid


def _wait_ready(pid: int, port: int, timeout: float, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise Neo4jLocalError(f"Neo4j exited with code {proc.returncode} while starting\n{log_tail()}")
        if proc is None and not _serves_run_dir(pid):
            raise Neo4jLocalError(f"Neo4j (pid {pid}) is gone\n{log_tail()}")
        if _bolt_handshake(port):
            try:
                _driver_check(bolt_uri(port))
                return
            except Exception as exc:  # noqa: BLE001 - databases may still be starting
                last_error = exc
                if _auth_hint(exc):
                    raise Neo4jLocalError(f"Neo4j is up but the query failed: {exc}{_auth_hint(exc)}") from exc
        time.sleep(0.5)
    detail = f"\nlast driver error: {last_error!r}" if last_error else ""
    raise Neo4jLocalError(
        f"Neo4j did not answer on {bolt_uri(port)} within {timeout:.0f}s "
        f"(set GOVGRAPH_NEO4J_START_TIMEOUT to wait longer){detail}\n{log_tail()}"
    )


def _terminate(pid: int, timeout: float = 60.0) -> None:
    """SIGTERM (Neo4j shuts down cleanly), wait, then SIGKILL; reaps it if it is our child."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
        if not _alive(pid):
            break
        time.sleep(0.2)
    else:
        log(f"Neo4j (pid {pid}) did not stop within {timeout:.0f}s; killing it")
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
    with contextlib.suppress(OSError, ValueError):
        if int(_pid_file().read_text().strip()) == pid:  # never drop a newer server's pid file
            _pid_file().unlink()


def stop(timeout: float = 60.0, expected_pid: int | None = None) -> bool:
    """Stop the server; True if one was stopped.

    With expected_pid, only that server is stopped (a caller that started a
    server stops its own, not one that someone else started since).
    """
    with _start_lock():
        pid = running_pid()
        if not pid or (expected_pid is not None and pid != expected_pid):
            return False
        log(f"stopping Neo4j (pid {pid})")
        _terminate(pid, timeout)
        return True


def reset() -> None:
    """Stop the server and delete its run dir (data, logs, password)."""
    stop()
    rd = run_dir()
    if rd.exists():
        # ``stop()`` above creates the dir and its lock file when nothing ran there yet
        names = {p.name for p in rd.iterdir()}
        if RUN_MARKER not in names and names - {".start.lock"}:
            raise Neo4jLocalError(f"{rd} does not look like a neo4j_local run dir; not deleting it")
        with _start_lock():
            if running_pid():
                raise Neo4jLocalError(f"a server was started on {rd} meanwhile; not deleting it")
            shutil.rmtree(rd)
        log(f"deleted {rd}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1 or argv[0] not in {"start", "stop", "status", "uri", "reset"}:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    cmd = argv[0]
    try:
        if cmd == "start":
            print(start())
        elif cmd == "stop":
            if not stop():
                log("not running")
        elif cmd == "reset":
            reset()
        else:
            found = status() if cmd == "status" else uri()
            if not found:
                log("not running" if not running_pid() else "running but not answering")
                return 1
            print(found)
    except Neo4jLocalError as exc:
        log(f"error: {exc}")
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
