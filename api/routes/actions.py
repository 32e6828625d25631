"""Actions: the action log, filtered as an auditor asks, and one action."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from govgraph.graph import queries

from .. import respond
from ..deps import IsoDate, PageDep, StoreDep
from ..errors import not_found
from ..schemas import Action, ActionLogEntry, Page
from . import READ_ERRORS, UNAVAILABLE

router = APIRouter(tags=["actions"])


@router.get("/actions", response_model=Page[ActionLogEntry], responses=UNAVAILABLE)
def list_actions(
    store: StoreDep, page: PageDep,
    status: Annotated[Literal["open", "updated", "complete"] | None,
                      Query(description="current status (that of the latest update)")] = None,
    owner: Annotated[str | None, Query(min_length=1, max_length=200,
                                       description="role abbreviation, role or person id, or a person's name")] = None,
    board: Annotated[str | None, Query(min_length=1, max_length=200, description="board id or name")] = None,
    raised_before: Annotated[IsoDate | None, Query(description="raised at a meeting before this date")] = None,
    open_for_more_than: Annotated[int | None, Query(ge=0, le=10_000,
                                                    description="still not complete after this many meetings")] = None,
):
    """The action log with current status, in the order actions were raised."""
    rows = queries.action_log(store, status=status, owner=owner, board=board,
                              raised_before=raised_before.isoformat() if raised_before else None,
                              open_for_meetings=open_for_more_than)
    return respond.page(rows[page.offset:page.offset + page.limit], len(rows), page.limit, page.offset)


@router.get("/actions/{action_id}", response_model=Action, responses=READ_ERRORS)
def get_action(store: StoreDep, action_id: str):
    """Owner (role and the person holding it then), status, updates at later meetings, evidence."""
    found = queries.action_detail(store, action_id)
    if found is None:
        raise not_found("action", action_id)
    return respond.JSONBody(found)
