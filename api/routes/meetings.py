"""Meetings: the list (by board) and one meeting in full."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from govgraph.graph import queries

from .. import respond
from ..deps import PageDep, StoreDep
from ..errors import not_found
from ..schemas import MeetingDetail, MeetingSummary, Page
from . import READ_ERRORS, UNAVAILABLE

router = APIRouter(tags=["meetings"])


@router.get("/meetings", response_model=Page[MeetingSummary], responses=UNAVAILABLE)
def list_meetings(store: StoreDep, page: PageDep,
                  board: Annotated[str | None, Query(min_length=1, max_length=200,
                                                     description="board id or name")] = None):
    """Meetings in date order, each with its board."""
    total, items = queries.meeting_list(store, board=board, limit=page.limit, offset=page.offset)
    return respond.page(items, total, page.limit, page.offset)


@router.get("/meetings/{meeting_id}", response_model=MeetingDetail, responses=READ_ERRORS)
def get_meeting(store: StoreDep, meeting_id: str):
    """Attendance with roles, agenda items, findings, actions raised and updated, decisions,
    the previous and next meetings."""
    found = queries.meeting_detail(store, meeting_id)
    if found is None:
        raise not_found("meeting", meeting_id)
    return respond.JSONBody(found)
