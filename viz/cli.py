"""Write one view to a standalone HTML file (``govgraph viz KIND ID --out FILE.html``).

The file needs nothing else: vis-network is inlined, nothing is fetched. Links to other
views need the server, so a file has none (the side panel still shows every node's
details, and hovering shows the text and evidence).

>>> from govgraph.graph.embedded import EmbeddedStore
>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> write_view(EmbeddedStore(d / "store"), "node", "rec_missing", d / "x.html")
Traceback (most recent call last):
...
LookupError: no node with id 'rec_missing'
"""

from __future__ import annotations

from pathlib import Path

from govgraph.graph.store import Store

from .build import DEFAULT_LIMIT, Filters
from .render import render_network
from .views import KINDS, NOUN, build_view


def write_view(store: Store, kind: str, node_id: str, out: Path, depth: int = 2, limit: int = DEFAULT_LIMIT,
               filters: Filters | None = None, attendance: bool = False, chairs: bool = False) -> Path:
    """Build the ``kind`` view of ``node_id`` and write it to ``out``; returns the path.

    ``kind`` is one of recommendation, board, person, role, meeting, node. Raises
    ``ValueError`` for an unknown kind and ``LookupError`` for an unknown id.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown view {kind!r}: choose one of {', '.join(sorted(KINDS))}")
    net = build_view(store, kind, node_id, depth=depth, limit=limit, filters=filters,
                     attendance=attendance, chairs=chairs)
    if net is None:
        raise LookupError(f"no {NOUN[kind]} with id {node_id!r}")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(render_network(net, link_base=None, limit=limit), encoding="utf-8")
    tmp.replace(out)
    return out
