"""One entry point for every view: fetch what it needs from the store, build the network.

Shared by the web routes (``viz.routes``) and the command line (``viz.cli``), so a page
and a written file of the same view are the same network.

>>> sorted(KINDS)
['board', 'meeting', 'node', 'person', 'recommendation', 'role']
"""

from __future__ import annotations

from govgraph.graph import queries
from govgraph.graph.model import Label
from govgraph.graph.store import Store

from . import build, data
from .build import DEFAULT_LIMIT, Filters, ViewNetwork

KINDS = frozenset({"recommendation", "board", "person", "role", "meeting", "node"})

# What a kind is called in messages ("No recommendation with id ...").
NOUN = {"recommendation": "recommendation or question", "board": "board", "person": "person or role",
        "role": "person or role", "meeting": "meeting", "node": "node"}


def build_view(store: Store, kind: str, node_id: str, *, depth: int = 2, limit: int = DEFAULT_LIMIT,
               filters: Filters | None = None, attendance: bool = False, chairs: bool = False) -> ViewNetwork | None:
    """The network of one view, or None when there is no such node (of that kind).

    ``kind``: recommendation (or question), board, person or role (either id works for
    both), meeting, node (the neighbourhood of anything, ``depth`` steps out).
    ``attendance`` and ``chairs`` add people to the board view.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown view {kind!r}: choose one of {', '.join(sorted(KINDS))}")
    if kind == "recommendation":
        lin = queries.lineage(store, node_id)
        return None if lin is None else build.lineage_network(lin, filters, limit)
    if kind == "board":
        tl = data.board_timeline(store, node_id, people=attendance or chairs)
        if tl is None:
            return None
        if not attendance:
            tl["attendance"] = []
        if not chairs:
            tl["chairs"] = []
        return build.board_network(tl, filters, limit)
    if kind in ("person", "role"):
        node = store.get(node_id)
        if node is not None and node.label == Label.ROLE:
            rd = data.role_detail(store, node_id)
            return None if rd is None else build.role_network(rd, filters, limit)
        pd = queries.person_detail(store, node_id)
        return None if pd is None else build.person_network(pd, filters, limit)
    if kind == "meeting":
        md = queries.meeting_detail(store, node_id)
        return None if md is None else build.meeting_network(md, filters, limit)
    return build.neighbourhood_network(store, node_id, depth, limit, filters)
