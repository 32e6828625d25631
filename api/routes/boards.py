"""Boards: meeting series, committees and groups (also those only mentioned)."""

from __future__ import annotations

from fastapi import APIRouter
from govgraph.graph import queries

from .. import respond
from ..deps import PageDep, StoreDep
from ..errors import not_found
from ..schemas import BoardDetail, BoardSummary, Page
from . import READ_ERRORS, UNAVAILABLE

router = APIRouter(tags=["boards"])


@router.get("/boards", response_model=Page[BoardSummary], responses=UNAVAILABLE)
def list_boards(store: StoreDep, page: PageDep):
    """Boards by name, with how many of their meetings are known and who chairs them."""
    total, items = queries.board_list(store, limit=page.limit, offset=page.offset)
    return respond.page(items, total, page.limit, page.offset)


@router.get("/boards/{board_id}", response_model=BoardDetail, responses=READ_ERRORS)
def get_board(store: StoreDep, board_id: str):
    """A board's meetings in date order, its chair, and the findings and actions that mention it."""
    found = queries.board_detail(store, board_id)
    if found is None:
        raise not_found("board", board_id)
    return respond.JSONBody(found)
