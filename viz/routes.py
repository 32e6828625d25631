"""The pages, as a FastAPI router: ``app.include_router(router)`` (no prefix: the pages
link to each other, to ``/search`` and ``/docs`` from the app's root).

| route | page |
|---|---|
| GET / | index: boards, meetings, recommendations, people, roles; search box |
| GET /view/recommendation/{id} | a recommendation's (or question's) lineage |
| GET /view/board/{id}?attendance=&chairs= | a board's meetings over time |
| GET /view/person/{id}, /view/role/{id} | a person or a role |
| GET /view/meeting/{id} | a meeting |
| GET /view/node/{id}?depth=&limit= | the neighbourhood of any node |

Every view takes ``from``/``to`` (ISO dates or prefixes), ``types`` (node labels,
repeated or comma-separated) and ``limit`` (node cap, default 300). A bad date gives a
400 page, an unknown id a 404 page, a store that fails a 500 page and one that cannot
be reached a 503 page; each route's OpenAPI entry lists the ones it can answer.

The store comes from the app: ``app.state.store_holder`` (the API's ``create_app``) or
``app.state.store`` (see ``app_store``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from govgraph.graph.store import Store, StoreError, StoreUnavailable
from pydantic import WithJsonSchema

from .build import DATE_PATTERN, DEFAULT_LIMIT, Filters, ViewNetwork, valid_date
from .index import index_page
from .render import render_message, render_network, render_not_found
from .views import NOUN, build_view

log = logging.getLogger(__name__)
router = APIRouter(tags=["views"])


def app_store(request: Request) -> Store:
    """The app's store: the API's ``app.state.store_holder`` (opened on first use), else
    ``app.state.store``. Raises ``StoreUnavailable`` (a 503 page) when there is none."""
    holder = getattr(request.app.state, "store_holder", None)
    if holder is not None:
        return holder.get()
    store = getattr(request.app.state, "store", None)
    if store is None:
        raise StoreUnavailable("no store is configured for this app")
    return store

# The pattern is documentation only (``WithJsonSchema``): a date that does not match
# gets the 400 page, not FastAPI's JSON 422.
DateText = Annotated[str, WithJsonSchema({"type": "string", "pattern": DATE_PATTERN})]
FromQ = Annotated[DateText | None, Query(alias="from", description="earliest date shown (YYYY, YYYY-MM or YYYY-MM-DD)")]
ToQ = Annotated[DateText | None, Query(description="latest date shown (inclusive; YYYY, YYYY-MM or YYYY-MM-DD)")]
TypesQ = Annotated[list[str] | None, Query(description="node labels to show (repeat or comma-separate)")]
LimitQ = Annotated[int, Query(ge=1, le=2000, description="most nodes shown")]


def _page(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"text/html": {"schema": {"type": "string"}}}}


# OpenAPI: the pages' answers besides 200 (and FastAPI's own 422 for limit and depth).
INDEX_ERRORS: dict[int | str, dict[str, Any]] = {
    500: _page("the graph store failed (an HTML page)"),
    503: _page("the graph store cannot be reached (an HTML page)"),
}
VIEW_ERRORS: dict[int | str, dict[str, Any]] = {
    400: _page("a bad from/to date (an HTML page)"),
    404: _page("no such node (an HTML page)"),
    **INDEX_ERRORS,
}


def _base(request: Request) -> str:
    return str(request.scope.get("root_path") or "").rstrip("/")


def _html(body: str, status: int = 200) -> HTMLResponse:
    # The pages inline their scripts and load nothing from elsewhere; say so to the browser.
    csp = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:; "
           "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'")
    return HTMLResponse(body, status_code=status, headers={"Content-Security-Policy": csp,
                                                           "X-Content-Type-Options": "nosniff"})


def _filters(date_from: str | None, date_to: str | None, types: list[str] | None) -> Filters | None:
    if not valid_date(date_from or None) or not valid_date(date_to or None):
        return None
    labels = frozenset(t.strip() for v in types or [] for t in v.split(",") if t.strip())
    return Filters(date_from or None, date_to or None, labels or None)


def _guard(request: Request, work: Callable[[], HTMLResponse]) -> HTMLResponse:
    try:
        return work()
    except StoreUnavailable as e:
        log.warning("store unavailable: %s", e)
        return _html(render_message("The graph store cannot be reached",
                                    "Try again in a moment.", _base(request)), 503)
    except StoreError as e:
        log.error("store error: %s", e)
        return _html(render_message("The graph store failed", "See the server log.", _base(request)), 500)


def _view(request: Request, kind: str, node_id: str, date_from: str | None, date_to: str | None,
          types: list[str] | None, limit: int, depth: int = 2, attendance: bool = False,
          chairs: bool = False) -> HTMLResponse:
    base = _base(request)
    filters = _filters(date_from, date_to, types)
    if filters is None:
        return _html(render_message("Bad date", "Use YYYY, YYYY-MM or YYYY-MM-DD for from and to.", base), 400)

    def work() -> HTMLResponse:
        net: ViewNetwork | None = build_view(app_store(request), kind, node_id, depth=depth, limit=limit, filters=filters,
                                             attendance=attendance, chairs=chairs)
        if net is None:
            return _html(render_not_found(NOUN[kind], node_id, base), 404)
        keep = [("limit", str(limit))]
        links: list[tuple[str, str]] = []
        if kind == "node":
            keep.append(("depth", str(depth)))
        if kind == "board":
            keep += [(k, "true") for k, on in (("attendance", attendance), ("chairs", chairs)) if on]
            q = "" if attendance else "?attendance=true&chairs=true"
            links.append(("without people" if attendance else "with attendance and chairs",
                          f"{base}/view/board/{_quote(node_id)}{q}"))
        if kind != "node":
            links.append(("neighbourhood", f"{base}/view/node/{_quote(node_id)}"))
        return _html(render_network(net, base, limit, keep, links))

    return _guard(request, work)


def _quote(node_id: str) -> str:
    return quote(node_id, safe="")


@router.get("/", response_class=HTMLResponse, responses=INDEX_ERRORS, summary="Index of boards, meetings, recommendations, people")
def index(request: Request) -> HTMLResponse:
    """The start page: boards, meetings, recommendations and people, with a search box."""
    return _guard(request, lambda: _html(index_page(app_store(request), _base(request))))


@router.get("/view/recommendation/{rec_id}", response_class=HTMLResponse, responses=VIEW_ERRORS, summary="A recommendation's lineage")
def view_recommendation(request: Request, rec_id: str, date_from: FromQ = None,
                        to: ToQ = None, types: TypesQ = None, limit: LimitQ = DEFAULT_LIMIT) -> HTMLResponse:
    """A recommendation with its report and every finding and action that answers it."""
    return _view(request, "recommendation", rec_id, date_from, to, types, limit)


@router.get("/view/board/{board_id}", response_class=HTMLResponse, responses=VIEW_ERRORS, summary="A board's meetings over time")
def view_board(request: Request, board_id: str, date_from: FromQ = None, to: ToQ = None,
               types: TypesQ = None, limit: LimitQ = DEFAULT_LIMIT,
               attendance: Annotated[bool, Query(description="show who attended each meeting")] = False,
               chairs: Annotated[bool, Query(description="show who chaired each meeting")] = False) -> HTMLResponse:
    """A board's meetings over time, linked by NEXT and by actions carried between them."""
    return _view(request, "board", board_id, date_from, to, types, limit, attendance=attendance, chairs=chairs)


@router.get("/view/person/{node_id}", response_class=HTMLResponse, responses=VIEW_ERRORS, summary="A person (or role)")
def view_person(request: Request, node_id: str, date_from: FromQ = None, to: ToQ = None,
                types: TypesQ = None, limit: LimitQ = DEFAULT_LIMIT) -> HTMLResponse:
    """What a person owns, chairs, attended and stated, over time."""
    return _view(request, "person", node_id, date_from, to, types, limit)


@router.get("/view/role/{node_id}", response_class=HTMLResponse, responses=VIEW_ERRORS, summary="A role (or person)")
def view_role(request: Request, node_id: str, date_from: FromQ = None, to: ToQ = None,
              types: TypesQ = None, limit: LimitQ = DEFAULT_LIMIT) -> HTMLResponse:
    """What a role owns and states, and who held it when."""
    return _view(request, "role", node_id, date_from, to, types, limit)


@router.get("/view/meeting/{meeting_id}", response_class=HTMLResponse, responses=VIEW_ERRORS, summary="A meeting")
def view_meeting(request: Request, meeting_id: str, date_from: FromQ = None, to: ToQ = None,
                 types: TypesQ = None, limit: LimitQ = DEFAULT_LIMIT) -> HTMLResponse:
    """A meeting with its attendance, items, findings, actions and decisions."""
    return _view(request, "meeting", meeting_id, date_from, to, types, limit)


@router.get("/view/node/{node_id}", response_class=HTMLResponse, responses=VIEW_ERRORS, summary="The neighbourhood of any node")
def view_node(request: Request, node_id: str,
              depth: Annotated[int, Query(ge=0, le=4, description="steps out from the node")] = 2,
              date_from: FromQ = None, to: ToQ = None, types: TypesQ = None,
              limit: LimitQ = DEFAULT_LIMIT) -> HTMLResponse:
    """The neighbourhood of any node, to a depth, capped at a number of nodes."""
    return _view(request, "node", node_id, date_from, to, types, limit, depth=depth)
