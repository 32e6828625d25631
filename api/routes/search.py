"""GET /search: full-text search over findings, actions, recommendations, items, questions, decisions."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Query
from govgraph.graph import queries
from govgraph.graph.model import SEARCHABLE

from .. import respond
from ..deps import PageDep, StoreDep
from ..schemas import Page, SearchHit
from . import UNAVAILABLE

router = APIRouter(tags=["search"])

# The most hits one search ranks; pages are cut from these, and ``total`` counts them.
MAX_HITS = 1000

# The labels search covers, as an enum so that OpenAPI lists them and others are a 422.
SearchLabel = StrEnum("SearchLabel", {lbl.value: lbl.value for lbl in SEARCHABLE})  # type: ignore[misc]


@router.get("/search", response_model=Page[SearchHit], responses=UNAVAILABLE)
def search(
    store: StoreDep, page: PageDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="words to look for (plain text)")],
    label: Annotated[list[SearchLabel] | None, Query(description="only these kinds of node")] = None,
):
    """Nodes whose text or title contain the words, best first (at most 1000 are ranked)."""
    # sources=False: the answer never shows them, and a node many documents mention has thousands
    hits = store.search(q, labels=[str(lbl) for lbl in label] if label else None, limit=MAX_HITS, sources=False)
    items = [{"node": queries.node_dict(n), "score": score} for n, score in hits[page.offset:page.offset + page.limit]]
    return respond.page(items, len(hits), page.limit, page.offset)
