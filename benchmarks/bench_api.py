"""api: requests/s and latency of ``GET /recommendations/{id}/lineage`` and
``GET /search?q=…`` at 16 and 64 concurrent clients, against ``govgraph serve
--no-access-log`` (uvicorn, one process, as shipped, without the per-request log line)
on 127.0.0.1, over each store loaded with the largest corpus of the run.

The client is ``wrk`` (Debian package ``wrk``: ``apt-get install -y wrk``; one thread,
one kept-alive connection per client, fixed duration, 30 s request timeout) when
installed, else an asyncio + httpx loop with the same bounds. It runs on the same
2-core machine as the server (and Neo4j), so it must be cheap: on one 15 s lineage
series wrk used 0.25 s of CPU at 273 req/s, the httpx loop 4.5 s at 159 req/s (about
1.9 ms per request, half what the server then spent answering one: it was measuring
itself as much as the server). Each series also records the server's CPU time per
request (``cpu_ms_per_request``, its processes' user+system time over the requests
answered): on a machine shared with other work that figure moves far less than
requests/s does.

``GOVGRAPH_BENCH_API_WORKERS=N`` (default 1) serves with ``--workers N`` instead.
"""

from __future__ import annotations

import asyncio
import gc
import os
import random
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

from . import common as C
from .bench_queries import SEARCHES, pick_samples
from .loading import embedded_dir, loaded_embedded, loaded_neo4j

CLIENTS = [16, 64]
DURATION_S = 15.0
TARGET_LINEAGE_RPS_16 = 300
WORKERS = int(os.environ.get("GOVGRAPH_BENCH_API_WORKERS") or 1)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``govgraph serve`` in a child process (ours: stopped by its pid)."""

    def __init__(self, kind: str, env: dict[str, str]) -> None:
        self.port = _free_port()
        self.log = C.CACHE / f"bench-api-{kind}.log"
        exe = Path(sys.executable).with_name("govgraph")
        cmd = [str(exe), "serve", "--host", "127.0.0.1", "--port", str(self.port), "--store", kind,
               "--no-access-log", "--workers", str(WORKERS)]
        self.proc = subprocess.Popen(cmd, env={**os.environ, **env}, stdout=self.log.open("w"),
                                     stderr=subprocess.STDOUT)
        self.base = f"http://127.0.0.1:{self.port}"

    def wait(self, timeout: float = 1200) -> None:  # an embedded 10k store loads a 1 GB file
        import httpx

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"govgraph serve exited: {self.log.read_text()[-2000:]}")
            try:
                if httpx.get(self.base + "/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        raise RuntimeError("govgraph serve did not answer /health in time")

    def cpu_seconds(self) -> float:
        """User + system CPU time so far of the server and its descendants (uvicorn's
        workers), from /proc (Linux; 0 elsewhere)."""
        stats: dict[int, tuple[int, float]] = {}  # pid -> (parent pid, cpu seconds)
        tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
        for entry in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = entry.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # exited meanwhile
            stats[int(entry.parent.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / tick)
        ours, grew = {self.proc.pid}, True
        while grew:
            more = {pid for pid, (ppid, _) in stats.items() if ppid in ours} - ours
            ours |= more
            grew = bool(more)
        return sum(stats[pid][1] for pid in ours if pid in stats)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


async def _load(base: str, paths: list[str], clients: int, duration: float) -> dict[str, Any]:
    import httpx

    lat: list[float] = []
    errors = 0
    statuses: dict[int, int] = {}
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30.0) as client:
        # warm-up: every worker's connection open, caches and plans warm
        await asyncio.gather(*(client.get(paths[i % len(paths)]) for i in range(clients)))
        deadline = time.perf_counter() + duration
        counter = iter(range(10**9))

        async def worker() -> None:
            nonlocal errors
            while time.perf_counter() < deadline:
                p = paths[next(counter) % len(paths)]
                t = time.perf_counter()
                try:
                    r = await client.get(p)
                    statuses[r.status_code] = statuses.get(r.status_code, 0) + 1
                    if r.status_code != 200:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                lat.append(time.perf_counter() - t)

        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        wall = time.perf_counter() - t0
    return {"requests": len(lat), "rps": len(lat) / wall, "errors": errors, "statuses": statuses,
            **C.latency_stats(lat)}


WRK_LUA = """
local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("GOVGRAPH %%d %%d %%d %%d %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    summary.errors.connect + summary.errors.read + summary.errors.write, summary.errors.status,
    summary.errors.timeout, latency.max))
end
"""


def _wrk(server: Server, paths: list[str], clients: int, duration: float) -> dict[str, Any]:
    """One series with wrk (C, one thread: the load generator takes little of the 2 cores)."""
    base = server.base
    script = C.CACHE / "bench-api.lua"
    script.write_text(WRK_LUA % ", ".join(f'"{p}"' for p in paths))
    # warm-up: open connections, warm caches
    subprocess.run(["wrk", "-t1", f"-c{clients}", "-d3s", "-s", str(script), base], capture_output=True, timeout=60)
    cpu0 = server.cpu_seconds()
    r = subprocess.run(["wrk", "-t1", f"-c{clients}", f"-d{int(duration)}s", "--timeout", "30s", "-s", str(script),
                        base], capture_output=True, text=True, timeout=duration + 60)
    cpu = server.cpu_seconds() - cpu0
    line = next(x for x in r.stdout.splitlines() if x.startswith("GOVGRAPH "))
    req, dur_us, p50, p95, p99, sock_err, status_err, timeouts, mx = map(int, line.split()[1:])
    return {"requests": req, "rps": req / (dur_us / 1e6), "p50_ms": p50 / 1000, "p95_ms": p95 / 1000,
            "p99_ms": p99 / 1000, "max_ms": mx / 1000, "errors": sock_err + status_err + timeouts,
            "cpu_ms_per_request": cpu * 1000 / max(req, 1), "client": "wrk"}


def run(opts: Any) -> dict:
    n = max(x for x in (1000, 10_000) if x <= max(opts.scale, 1000))
    results: dict[str, Any] = {}
    for kind in opts.stores:
        if kind == "embedded":
            store = loaded_embedded(opts, n)
            env = {"GOVGRAPH_DATA_DIR": str(embedded_dir(n))}
        else:
            store = loaded_neo4j(opts, n)
            env = {"NEO4J_URI": C.neo4j_uri(), "NEO4J_USER": C.NEO4J_USER, "NEO4J_PASSWORD": C.NEO4J_PASSWORD}
        samples = pick_samples(store, opts.seed)
        store.close()
        del store  # the server loads its own copy; do not hold two in memory
        gc.collect()
        rng = random.Random(opts.seed)
        lineage = [f"/recommendations/{r}/lineage" for r in samples["lineage"]]
        search = [f"/search?q={quote(rng.choice(SEARCHES))}" for _ in range(300)]
        server = Server(kind, env)
        try:
            server.wait()
            for name, paths in (("lineage", lineage), ("search", search)):
                for clients in CLIENTS:
                    if shutil.which("wrk"):
                        r = _wrk(server, paths, clients, DURATION_S)
                    else:
                        cpu0 = server.cpu_seconds()
                        r = asyncio.run(_load(server.base, paths, clients, DURATION_S))
                        r["client"] = "httpx"
                        r["cpu_ms_per_request"] = (server.cpu_seconds() - cpu0) * 1000 / max(r["requests"], 1)
                    results[f"{kind}:{name}:{clients}"] = r
                    C.console.print(f"[dim]{kind} {name} x{clients}: {r['rps']:.0f} req/s, p95 {r['p95_ms']:.0f} ms, "
                                    f"server CPU {r['cpu_ms_per_request']:.1f} ms/request[/dim]")
        finally:
            server.stop()
    C.table(f"API on 127.0.0.1 (govgraph serve --no-access-log, {WORKERS} uvicorn process(es)), {n} meetings; "
            f"target: lineage >= {TARGET_LINEAGE_RPS_16} req/s at 16 clients",
            ["store / route / clients", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors",
             "server CPU ms/req"],
            [[k, v["requests"], v["rps"], v["p50_ms"], v["p95_ms"], v["p99_ms"], v["errors"], v["cpu_ms_per_request"]]
             for k, v in results.items()])
    C.record("api", {"meetings": n, "clients": CLIENTS, "duration_s": DURATION_S, "workers": WORKERS}, results)
    return results
