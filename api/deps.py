"""Dependencies, as ``Annotated`` aliases: the store, the settings, paging, write access.

One store per app, held by a :class:`StoreHolder` on ``app.state``. A store the app
opened itself is opened lazily (so the app starts, and answers 503, while Neo4j is
still coming up) and closed on shutdown; a store passed to ``create_app`` belongs to
the caller, who closes it.

The dependencies are ``async def``: FastAPI runs a plain ``def`` dependency in the
threadpool, a trip that costs more than these few lines do. Only opening the store
(which may wait on the network) still goes to a worker thread.
"""

from __future__ import annotations

import datetime as dt
import hmac
import re
import threading
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Query, Request, status
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from govgraph.graph import Store, open_store
from pydantic import BeforeValidator, WithJsonSchema

from govgraph.settings import Settings

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_date_only(value: Any) -> Any:
    """Let only ``YYYY-MM-DD`` through to pydantic's date parsing, which in lax mode also
    reads a number as a Unix time (``?today=0`` would be 1970-01-01)."""
    if isinstance(value, dt.date) or (isinstance(value, str) and _ISO_DATE.fullmatch(value)):
        return value
    raise ValueError("expected an ISO date, YYYY-MM-DD (such as 2018-07-31)")


# A query parameter that is a date: ISO only; 422 otherwise (also for 2018-02-30).
IsoDate = Annotated[dt.date, BeforeValidator(_iso_date_only),
                    WithJsonSchema({"type": "string", "format": "date", "pattern": f"^{_ISO_DATE.pattern}$"})]


class StoreHolder:
    """The app's one store: given, or opened on first use with the app's settings."""

    def __init__(self, settings: Settings, store: Store | None = None) -> None:
        self.settings = settings
        self._store = store
        self.owned = store is None
        self._lock = threading.Lock()

    @property
    def opened(self) -> Store | None:
        """The store if it is open, else None (never blocks)."""
        return self._store

    @property
    def kind(self) -> str:
        return self._store.kind if self._store is not None else self.settings.store

    def get(self) -> Store:
        """The store; opens it if needed (``StoreUnavailable`` -> 503 while it cannot be reached)."""
        if self._store is None:
            with self._lock:
                if self._store is None:
                    self._store = open_store(self.settings)
        return self._store

    def close(self) -> None:
        with self._lock:
            if self.owned and self._store is not None:
                self._store.close()
                self._store = None


async def get_holder(request: Request) -> StoreHolder:
    return request.app.state.store_holder


async def get_store(holder: Annotated[StoreHolder, Depends(get_holder)]) -> Store:
    store = holder.opened
    if store is not None:
        return store
    return await run_in_threadpool(holder.get)  # connecting may block: not on the event loop


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


HolderDep = Annotated[StoreHolder, Depends(get_holder)]
StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


@dataclass(frozen=True)
class PageParams:
    limit: int
    offset: int


async def page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"items per page (at most {MAX_LIMIT})")]
    = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="items to skip")] = 0,
) -> PageParams:
    return PageParams(limit, offset)


PageDep = Annotated[PageParams, Depends(page_params)]

_bearer = HTTPBearer(auto_error=False, description="the token in GOVGRAPH_API_TOKEN")


async def require_writer(
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Writes need ``Authorization: Bearer <GOVGRAPH_API_TOKEN>``; with no token configured
    they are refused outright (403), so a forgotten setting never leaves writes open."""
    expected = settings.api_token
    if not expected:
        raise HTTPException(status.HTTP_403_FORBIDDEN,
                            "writes are disabled on this server: no API token is configured (GOVGRAPH_API_TOKEN)")
    given = credentials.credentials if credentials is not None else ""
    # compare_digest: the time taken must not tell an attacker how much of the token matched.
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "a valid bearer token is required for writes",
                            headers={"WWW-Authenticate": "Bearer"})


WriterDep = Depends(require_writer)
