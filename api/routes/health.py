"""GET /health: which store, whether it answers, and what it holds."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from govgraph.graph import StoreError
from govgraph.graph.model import Label

from ..deps import HolderDep
from ..schemas import Health

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health, responses={503: {"model": Health, "description": "store unreachable"}})
def health(holder: HolderDep) -> Health | JSONResponse:
    """Store kind, whether it is reachable, node counts by label (503 when unreachable)."""
    try:
        store = holder.get()
        if store.ping():
            counts = {label.value: store.count(label) for label in Label}
            return Health(status="ok", store=store.kind, reachable=True, counts=counts,
                          relationships=store.count_rels())
    except StoreError:
        pass  # reported below, as unreachable; the reason is in the server log
    down = Health(status="unavailable", store=holder.kind, reachable=False)
    return JSONResponse(down.model_dump(), status_code=503)
