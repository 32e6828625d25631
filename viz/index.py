"""The index page: boards, meetings, recommendations, people and roles, each linked to its
view, plus a search box that asks the API's ``GET /search?q=`` and lists the hits.

Search results are shown with ``textContent`` (never ``innerHTML``): hit texts come from
the minutes.
"""

from __future__ import annotations

from typing import Any

from govgraph.graph.model import Label
from govgraph.graph.store import Store

from .build import VIEW_KIND, node_text, short, view_path
from .render import render_template

LIST_LIMIT = 200  # per section; the search box reaches the rest
SORT_LIMIT = 20_000  # nodes read to sort a section (meetings newest first, names A-Z)


def _section(store: Store, title: str, label: Label, sort_key=None, reverse: bool = False) -> dict[str, Any]:
    total = store.count(label)
    nodes = store.find(label, limit=SORT_LIMIT if sort_key else LIST_LIMIT)
    items = [{"id": n.id, "label": str(n.label), **n.props} for n in nodes]
    if sort_key:
        items.sort(key=sort_key, reverse=reverse)
    items = items[:LIST_LIMIT]
    rows = [{"text": short(node_text(d, str(label)), 140), "path": view_path(str(label), d["id"]),
             "around": view_path(None, d["id"])} for d in items]
    return {"title": title, "id": f"gg-{label.lower()}s", "rows": rows, "total": total}


def index_page(store: Store, link_base: str = "") -> str:
    """The index as HTML (``link_base``: the URL prefix the views are served under)."""
    sections = [
        _section(store, "Boards", Label.BOARD, sort_key=lambda d: str(d.get("name") or "").casefold()),
        # Newest meetings first: that is what a reader comes back for.
        _section(store, "Meetings", Label.MEETING, sort_key=lambda d: (str(d.get("date") or ""), d["id"]),
                 reverse=True),
        _section(store, "Recommendations", Label.RECOMMENDATION,
                 sort_key=lambda d: (str(d.get("ref") or "").zfill(4), d["id"])),
        _section(store, "Questions", Label.QUESTION),
        _section(store, "People", Label.PERSON, sort_key=lambda d: str(d.get("name") or "").casefold()),
        _section(store, "Roles", Label.ROLE, sort_key=lambda d: (str(d.get("abbr") or ""), d["id"])),
    ]
    return render_template("index.html", link_base, sections=[s for s in sections if s["total"]],
                           view_kinds=VIEW_KIND)
