"""People, and who held a role on a date."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from govgraph.graph import queries

from .. import respond
from ..deps import IsoDate, PageDep, StoreDep
from ..errors import not_found
from ..schemas import Page, PersonDetail, PersonSummary, RoleAnswer
from . import READ_ERRORS, UNAVAILABLE

router = APIRouter(tags=["people"])


@router.get("/people", response_model=Page[PersonSummary], responses=UNAVAILABLE)
def list_people(store: StoreDep, page: PageDep):
    """People by name, with the roles they held and when."""
    total, items = queries.person_list(store, limit=page.limit, offset=page.offset)
    return respond.page(items, total, page.limit, page.offset)


@router.get("/people/{person_id}", response_model=PersonDetail, responses=READ_ERRORS)
def get_person(store: StoreDep, person_id: str):
    """Roles held, meetings attended and chaired, actions owned (open ones apart), findings stated."""
    found = queries.person_detail(store, person_id)
    if found is None:
        raise not_found("person", person_id)
    return respond.JSONBody(found)


@router.get("/roles/{abbr}", response_model=RoleAnswer, responses=READ_ERRORS)
def get_role(
    store: StoreDep,
    abbr: Annotated[str, Path(min_length=1, max_length=40, description="PCC, DPCC, CC, DCC, ACC, CEx, ...")],
    at: Annotated[IsoDate | None, Query(description="who held it on this date (YYYY-MM-DD)")] = None,
):
    """Who held a role (one entry per board scope): everyone, or whoever held it on ``at``."""
    roles = queries.who_held(store, abbr, at.isoformat() if at else None)
    if not roles:
        raise not_found("role", abbr)
    return respond.JSONBody({"abbr": abbr, "at": at.isoformat() if at else None, "roles": roles})
