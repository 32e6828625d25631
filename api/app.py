"""The FastAPI application.

    uvicorn govgraph.api.app:create_app --factory

>>> from govgraph.graph.embedded import EmbeddedStore
>>> import tempfile
>>> from fastapi.testclient import TestClient
>>> with TestClient(create_app(EmbeddedStore(tempfile.mkdtemp()))) as client:
...     client.get("/health").json()["status"]
'ok'
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi_offline import FastAPIOffline
from govgraph.graph import Store, StoreError, StoreUnavailable

from govgraph.settings import Settings, get_settings

from . import errors
from .deps import StoreHolder
from .routes import (
    actions,
    analysis,
    boards,
    documents,
    findings,
    health,
    meetings,
    people,
    recommendations,
    search,
)

log = logging.getLogger("govgraph.api")

DESCRIPTION = """\
A knowledge graph of governance accountability, read from the minutes of public bodies.

Start where an auditor starts: `GET /recommendations`, then
`GET /recommendations/{id}/lineage` for every finding and action that answers one, the
meeting, who said it (the role and who held it then) and the exact words in the minutes.

Lists are paged (`limit` at most 500, `offset`) and report a `total`. Writes
(`POST /documents`, `DELETE /documents/{sha256}`) need `Authorization: Bearer <token>`
with the server's `GOVGRAPH_API_TOKEN`; without one configured, writes are refused.
"""

# Worker threads for the routes (``def`` routes run in anyio's threadpool, 40 threads by
# default). The embedded store answers from Python objects, one read at a time under
# its lock and the GIL: past a few threads, more only queue on the lock and switch
# (lineage under wrk, 16 clients: about a tenth more CPU per request with 40 than with 4).
# Neo4j's reads wait on the network, so they keep the default.
EMBEDDED_THREADS = 4

ROUTERS = (recommendations, findings, actions, meetings, people, boards, search, documents, health, analysis)


def create_app(store: Store | None = None, settings: Settings | None = None) -> FastAPI:
    """The API over ``store``, or over the store ``settings`` choose (opened on first
    use, closed on shutdown). A store passed in stays the caller's to close."""
    settings = settings or get_settings()
    holder = StoreHolder(settings, store)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if holder.kind == "embedded":
            anyio.to_thread.current_default_thread_limiter().total_tokens = EMBEDDED_THREADS
        try:
            holder.get()  # open early; if the store is down the app still starts, and answers 503
        except StoreUnavailable as e:
            log.warning("store not reachable at startup (will retry on each request): %s", e)
        except StoreError as e:
            log.error("store could not be opened: %s", e)
        try:
            yield
        finally:
            holder.close()

    # /docs and /redoc load Swagger UI and ReDoc from the server (the assets shipped in
    # fastapi-offline, under /static-offline-docs), not from a CDN: they work offline.
    app = FastAPIOffline(title="govgraph", version="0.1.0", description=DESCRIPTION, lifespan=lifespan)
    app.state.settings = settings
    app.state.store_holder = holder
    errors.install(app)
    origins = settings.cors_origin_list
    if origins:  # closed unless origins are configured
        app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST", "DELETE"],
                           allow_headers=["Authorization", "Content-Type"], allow_credentials=False)
    for module in ROUTERS:
        app.include_router(module.router)
    # The visualisation pages (/ and /view/...) share the app's store.
    from govgraph.viz.routes import router as viz_router

    app.include_router(viz_router)
    return app
