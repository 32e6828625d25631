"""GET /findings/{id}: one finding, with its meeting, speaker and evidence."""

from __future__ import annotations

from fastapi import APIRouter
from govgraph.graph import queries

from .. import respond
from ..deps import StoreDep
from ..errors import not_found
from ..schemas import Finding
from . import READ_ERRORS

router = APIRouter(tags=["findings"])


@router.get("/findings/{finding_id}", response_model=Finding, responses=READ_ERRORS)
def get_finding(store: StoreDep, finding_id: str):
    """What it answers, the meeting, who stated it (role and the person holding it then), the quote."""
    found = queries.finding_detail(store, finding_id)
    if found is None:
        raise not_found("finding", finding_id)
    return respond.JSONBody(found)
