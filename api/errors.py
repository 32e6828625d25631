"""Errors as JSON ``{"detail": ...}``: never a stack trace, never a raw exception's text.

A store that cannot be reached is a 503 (try again later); any other store failure,
and anything unexpected, is a 500 with a fixed message. The details go to the log.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from govgraph.graph import StoreError, StoreUnavailable

log = logging.getLogger("govgraph.api")

UNAVAILABLE = "the graph store is unavailable; try again later"
STORE_FAILED = "the graph store could not complete the request"
INTERNAL = "internal server error"


def _store_unavailable(request: Request, exc: Exception) -> JSONResponse:
    log.warning("%s %s: store unavailable: %s", request.method, request.url.path, exc)
    return JSONResponse({"detail": UNAVAILABLE}, status_code=503, headers={"Retry-After": "5"})


def _store_error(request: Request, exc: Exception) -> JSONResponse:
    log.error("%s %s: store error: %s", request.method, request.url.path, exc)
    return JSONResponse({"detail": STORE_FAILED}, status_code=500)


def _unhandled(request: Request, exc: Exception) -> JSONResponse:
    log.exception("%s %s: unhandled error", request.method, request.url.path, exc_info=exc)
    return JSONResponse({"detail": INTERNAL}, status_code=500)


def install(app: FastAPI) -> None:
    app.add_exception_handler(StoreUnavailable, _store_unavailable)
    app.add_exception_handler(StoreError, _store_error)
    # Exception: handled by Starlette's outermost middleware, which answers with this
    # body and then re-raises so the server logs it too.
    app.add_exception_handler(Exception, _unhandled)


def not_found(what: str, ident: str) -> HTTPException:
    """A 404 naming what was asked for (the id is echoed as JSON data, shortened)."""
    shown = ident if len(ident) <= 80 else ident[:77] + "..."
    return HTTPException(404, f"no {what} with id {shown!r}")
