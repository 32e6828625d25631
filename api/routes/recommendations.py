"""Recommendations: the list, and the lineage of one (the auditor's question)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from govgraph.graph import queries

from .. import respond
from ..deps import PageDep, StoreDep
from ..errors import not_found
from ..schemas import Lineage, Page, RecommendationSummary
from . import READ_ERRORS, UNAVAILABLE

router = APIRouter(tags=["recommendations"])


@router.get("/recommendations", response_model=Page[RecommendationSummary], responses=UNAVAILABLE)
def list_recommendations(
    store: StoreDep, page: PageDep,
    report: Annotated[str | None, Query(min_length=1, max_length=300, description="report id or title")] = None,
    theme: Annotated[str | None, Query(min_length=1, max_length=300)] = None,
    evidence: Annotated[Literal["answered", "unanswered"] | None,
                        Query(description="answered: at least one finding or action answers it")] = None,
):
    """Recommendations by report and ref, with how many findings and actions answer each."""
    total, items = queries.recommendation_list(store, report=report, theme=theme, evidence=evidence,
                                               limit=page.limit, offset=page.offset)
    return respond.page(items, total, page.limit, page.offset)


@router.get("/recommendations/{rec_id}/lineage", response_model=Lineage, responses=READ_ERRORS)
def get_lineage(store: StoreDep, rec_id: str):
    """A recommendation (or a question) and every finding and action that answers it: the
    meeting, who said or owns it (the role and who held it then), the quoted words, and
    later updates, in date order."""
    found = queries.lineage(store, rec_id)
    if found is None:
        raise not_found("recommendation or question", rec_id)
    return respond.JSONBody(found)
