"""A real server for the browser tests and the screenshots: uvicorn on a free port of
127.0.0.1, in a thread, serving a small FastAPI app with the viz router and a
``GET /search`` shaped like the API's (one page: ``{"items": [{"node", "score"}], "total"}``).
``test_viz_pages`` also mounts the router in the API's own app."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from fastapi import FastAPI
from govgraph.graph.queries import node_dict
from govgraph.graph.store import Store
from govgraph.viz.routes import router


def make_app(store: Store) -> FastAPI:
    app = FastAPI()
    app.state.store = store

    @app.get("/search")
    def search(q: str, limit: int = 50) -> dict:
        hits = store.search(q, limit=limit)
        return {"items": [{"node": node_dict(n), "score": score} for n, score in hits], "total": len(hits),
                "limit": limit, "offset": 0}

    app.include_router(router)
    return app


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(store: Store) -> Iterator[str]:
    """Serve the app until the block ends; yields its base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(make_app(store), host="127.0.0.1", port=port, log_level="warning",
                                           lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
