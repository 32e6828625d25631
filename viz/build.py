"""Build pyvis networks from the answers of ``graph.queries`` (and ``viz.data``).

Each ``*_network`` function takes the dict a query returns and gives a ``ViewNetwork``:
a pyvis ``Network`` that also knows its title, how many nodes it shows of how many it
found, and its legend. Building goes through a small ``ViewGraph`` first, so filters
(date range, node types) and the node cap are applied the same way to every view.

Text from minutes is untrusted. It goes into the network as plain data (``tip`` fields
and canvas labels, which vis-network draws as text); the page turns ``tip`` into DOM
nodes with ``textContent`` (``templates/graph.html``), never into HTML.

>>> from govgraph.viz.build import lineage_network
>>> net = lineage_network({"recommendation": {"id": "rec_1", "label": "Recommendation",
...     "ref": "3", "text": "Understand OC16."}, "report": None, "discussed_at": [],
...     "evidence": [], "entries": []})
>>> (net.shown, net.total, net.nodes[0]["kind"])
(1, 1, 'Recommendation')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from govgraph.graph.model import Label, Rel, label_of_id
from govgraph.graph.queries import evidence_of, node_dict
from govgraph.graph.store import Store
from pyvis.network import Network

from . import styles

DEFAULT_LIMIT = 300
MAX_LIMIT = 2000
MAX_DEPTH = 4
LABEL_CHARS = 70  # canvas labels are cut here; the tooltip and side panel show all of it

# ASCII digits only: ``\d`` would also let "٢٠١٨" through, which no stored date matches.
DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
_DATE = re.compile(DATE_PATTERN)

# Where a click on a node of each label leads (the node's own page).
VIEW_KIND: dict[str, str] = {
    Label.RECOMMENDATION: "recommendation",
    Label.QUESTION: "recommendation",
    Label.BOARD: "board",
    Label.PERSON: "person",
    Label.ROLE: "person",
    Label.MEETING: "meeting",
}


def view_path(label: str | None, node_id: str) -> str:
    """The path of a node's page: its own view where there is one, else its neighbourhood.

    >>> view_path("Board", "brd_1")
    '/view/board/brd_1'
    >>> view_path("Finding", "fnd/../x")
    '/view/node/fnd%2F..%2Fx'
    """
    kind = VIEW_KIND.get(label or "", "node")
    return f"/view/{kind}/{quote(str(node_id), safe='')}"


def valid_date(value: str | None) -> bool:
    """True for an ISO date or its prefix (2018, 2018-07, 2018-07-31)."""
    return value is None or bool(_DATE.match(value))


# -- the intermediate graph -------------------------------------------------------------


@dataclass
class VNode:
    id: str
    kind: str
    text: str
    date: str | None = None
    evidence: list[dict[str, Any]] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # vis options (x, y, fixed, ...)


@dataclass
class VEdge:
    src: str
    dst: str
    type: str
    label: str | None = None
    text: str | None = None
    dashes: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


class ViewGraph:
    """Nodes in the order they matter (the cap keeps the first ones) and edges between them."""

    def __init__(self, title: str, root: str | None = None, subtitle: str = "") -> None:
        self.title = title
        self.subtitle = subtitle
        self.root = root
        self.nodes: dict[str, VNode] = {}
        self.edges: list[VEdge] = []
        self._edge_keys: set[tuple[str, str, str, str]] = set()
        self.found: int | None = None  # nodes known to exist beyond those added (neighbourhood)
        self.incomplete = False

    def add(self, d: dict[str, Any] | None, kind: str | None = None, *, evidence: Iterable[dict] = (),
            date: str | None = None, fields: Iterable[tuple[str, Any]] = (), **extra: Any) -> str | None:
        """Add (or enrich) a node from a ``node_dict``-style dict; returns its id."""
        if not d or not d.get("id"):
            return None
        nid = str(d["id"])
        kind = kind or str(d.get("label") or d.get("kind") or label_of_id(nid) or "Node")
        new_fields = [(k, _str(v)) for k, v in fields if v not in (None, "", [])]
        node = self.nodes.get(nid)
        if node is None:
            node = VNode(nid, kind, node_text(d, kind), date or _node_date(d), [], _base_fields(d, kind))
            self.nodes[nid] = node
        elif date and not node.date:
            node.date = date
        for f in new_fields:
            if f not in node.fields:
                node.fields.append(f)
        for ev in evidence:
            if ev not in node.evidence:
                node.evidence.append(ev)
        node.extra.update(extra)
        return nid

    def link(self, src: str | None, dst: str | None, type: str, label: str | None = None,
             text: str | None = None, dashes: bool = False, **extra: Any) -> None:
        """Add an edge once (same type, ends and label)."""
        if not src or not dst:
            return
        key = (type, src, dst, label or "")
        if key in self._edge_keys:
            return
        self._edge_keys.add(key)
        self.edges.append(VEdge(src, dst, type, label, text, dashes, extra))


def _str(v: Any) -> str:
    if isinstance(v, (list, tuple)):
        return ", ".join(_str(x) for x in v)
    return str(v)


def _node_date(d: dict[str, Any]) -> str | None:
    return str(d["date"]) if d.get("date") else None


def node_text(d: dict[str, Any], kind: str | None = None) -> str:
    """The full display text of a node: its text, title or name, as the minutes give it."""
    kind = kind or str(d.get("label") or "")
    if kind == Label.MEETING:
        name = d.get("title") or d.get("body") or d.get("board") or "Meeting"
        return f"{d.get('date') or 'undated'} · {name}"
    if kind == Label.ROLE:
        abbr, title = d.get("abbr"), d.get("title")
        return f"{abbr} ({title})" if abbr and title and abbr != title else str(abbr or title or d["id"])
    if kind in (Label.RECOMMENDATION, Label.QUESTION) and d.get("ref"):
        return f"{d['ref']}. {d.get('text') or ''}".strip()
    if kind == Label.AGENDA_ITEM:
        return " ".join(str(x) for x in (d.get("ref"), d.get("title")) if x) or str(d["id"])
    if kind == Label.DOCUMENT:
        return str(d.get("title") or d.get("source") or d.get("sha256") or d["id"])
    for key in ("text", "title", "name", "source"):
        if d.get(key):
            return str(d[key])
    return str(d["id"])


def node_label(n: VNode) -> str:
    """The words drawn on the canvas: short; the tooltip and side panel have all of it."""
    if n.kind == Label.MEETING:
        name = next((v for k, v in n.fields if k == "body"), None) or n.text.split(" · ", 1)[-1]
        return f"{short(name, 36)}\n{n.date or 'undated'}"
    if n.kind in (Label.RECOMMENDATION, Label.QUESTION):
        ref = next((v for k, v in n.fields if k == "ref"), None)
        head = f"{n.kind} {ref}" if ref else str(n.kind)
        return f"{head}\n{short(n.text.removeprefix(f'{ref}. ') if ref else n.text, 48)}"
    return short(n.text)


def short(text: str, n: int = LABEL_CHARS) -> str:
    """A canvas label: whitespace folded, cut at a word near ``n`` characters."""
    text = " ".join(text.split())
    if len(text) <= n:
        return text
    cut = text[:n].rsplit(" ", 1)[0]
    return (cut if len(cut) > n // 2 else text[:n]) + "…"


_FIELD_PROPS = {
    Label.MEETING: ("body", "venue", "time", "kind"),
    Label.ACTION: ("status", "owner", "due"),
    Label.UPDATE: ("status",),
    Label.RECOMMENDATION: ("ref", "theme"),
    Label.QUESTION: ("ref",),
    Label.REPORT: ("issuer",),
    Label.ROLE: ("scope",),
    Label.DOCUMENT: ("source", "format"),
}


def _base_fields(d: dict[str, Any], kind: str) -> list[tuple[str, str]]:
    out = [("date", str(d["date"]))] if d.get("date") and kind != Label.MEETING else []
    if kind == Label.MEETING and d.get("date"):
        out.append(("date", str(d["date"])))
    for k in _FIELD_PROPS.get(kind, ()):
        if d.get(k):
            out.append((k, _str(d[k])))
    return out


def _evidence(evs: Iterable[dict[str, Any]] | None, date: str | None = None) -> list[dict[str, Any]]:
    """Evidence rows for a tooltip: the quote, the source document and the date."""
    out = []
    for ev in evs or []:
        doc = ev.get("document") or {}
        out.append({"quote": ev.get("quote") or "", "source": doc.get("source") or doc.get("sha256") or "",
                    "title": doc.get("title") or "", "date": date or ""})
    return out


# -- filters, cap, and the pyvis network ------------------------------------------------


@dataclass
class Filters:
    """What the page asks for: a date range (ISO prefixes, inclusive) and node labels."""

    date_from: str | None = None
    date_to: str | None = None
    types: frozenset[str] | None = None

    def keeps(self, node: VNode) -> bool:
        if self.types and node.kind not in self.types:
            return False
        if node.date:
            if self.date_from and node.date < self.date_from:
                return False
            if self.date_to and node.date[: len(self.date_to)] > self.date_to:
                return False
        return True


class ViewNetwork(Network):
    """A pyvis network with what the page around it needs: title, counts, legend."""

    def __init__(self, title: str, subtitle: str = "", root: str | None = None) -> None:
        super().__init__(height="100%", width="100%", directed=True, cdn_resources="in_line")
        self.title = title
        self.subtitle = subtitle
        self.root = root
        self.total = 0
        self.shown = 0
        self.incomplete = False
        self.kinds: list[str] = []  # every label found, for the type filter
        self.filters = Filters()

    @property
    def capped(self) -> bool:
        return self.shown < self.total or self.incomplete

    def legend(self) -> list[dict[str, str]]:
        return styles.legend({n["kind"] for n in self.nodes})

    def edge_legend(self) -> list[dict[str, str]]:
        return styles.edge_legend({e["rel"] for e in self.edges})

    def generate_html(self, name: str = "index.html", local: bool = True, notebook: bool = False) -> str:
        """The page (our offline template, not pyvis' default one, which loads from CDNs)."""
        from .render import render_network

        self.html = render_network(self)
        return self.html


def to_network(g: ViewGraph, filters: Filters | None = None, limit: int = DEFAULT_LIMIT,
               options: dict[str, Any] | None = None) -> ViewNetwork:
    """Apply filters and the cap to a ``ViewGraph`` and turn it into a ``ViewNetwork``."""
    filters = filters or Filters()
    limit = max(1, min(int(limit), MAX_LIMIT))
    kept = [n for n in g.nodes.values() if n.id == g.root or filters.keeps(n)]
    net = ViewNetwork(g.title, g.subtitle, g.root)
    net.filters = filters
    net.kinds = [e["label"] for e in styles.legend({n.kind for n in g.nodes.values()})]
    net.total = max(len(kept), (g.found or 0) - (len(g.nodes) - len(kept)))
    net.incomplete = g.incomplete
    shown = kept[:limit]
    ids = {n.id for n in shown}
    for n in shown:
        style = styles.style_for(n.kind)
        opts: dict[str, Any] = {**style, **n.extra}
        if style["shape"] == "box":
            opts.setdefault("widthConstraint", {"maximum": 170})
        if n.id == g.root:
            opts["borderWidth"] = 4
            opts.setdefault("size", style.get("size", 20) + 8)
        net.add_node(
            n.id, label=node_label(n), kind=n.kind, date=n.date or "", path=view_path(n.kind, n.id),
            tip={"kind": n.kind, "text": n.text, "fields": [list(f) for f in n.fields], "evidence": n.evidence},
            **opts,
        )
    for i, e in enumerate(g.edges):
        if e.src in ids and e.dst in ids:
            opts = {"id": f"e{i}", "color": styles.edge_color(e.type), "rel": e.type, **e.extra}
            if e.label:
                opts["label"] = short(e.label, 40)
            if e.dashes:
                opts["dashes"] = True
            opts["tip"] = {"kind": e.type, "text": e.text or e.label or e.type.lower().replace("_", " ")}
            net.add_edge(e.src, e.dst, **opts)
    net.shown = len(net.nodes)
    net.options = options or default_options(len(net.nodes))
    return net


def default_options(n_nodes: int) -> dict[str, Any]:
    """vis-network options: a force layout that settles, then stops moving."""
    return {
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False, "keyboard": True},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "font": {"size": 10, "align": "middle"},
                  "smooth": {"type": "continuous"}},
        "nodes": {"font": {"size": 13}},
        "physics": {"solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -140, "springLength": 150, "springConstant": 0.05,
                                         "avoidOverlap": 1},
                    "stabilization": {"iterations": 300 if n_nodes < 500 else 120}},
    }


# -- the views --------------------------------------------------------------------------


def _agent(g: ViewGraph, src: str | None, agent: dict[str, Any] | None, rel: str, date: str | None) -> None:
    """Link a finding/action to its role and the person(s) behind it (who held the role then)."""
    agent = agent or {}
    role: dict[str, Any] = agent.get("role") or {}
    role_id = g.add({**role, "label": Label.ROLE}) if role else None
    if role_id:
        g.link(src, role_id, rel)
    for p in agent.get("people") or []:
        pid = g.add({**p, "label": Label.PERSON})
        if role_id:
            g.link(pid, role_id, Rel.HELD, text=f"held {role.get('abbr') or role.get('title')} on {date}" if date
                   else None, dashes=True)
        else:
            g.link(src, pid, rel)


def _entry(g: ViewGraph, e: dict[str, Any], answers: str | None = None) -> str | None:
    """A finding or action from ``describe``: with its meeting, agent, and updates."""
    meeting = e.get("meeting") or {}
    date = meeting.get("date")
    kind = str(e["kind"])
    fields: list[tuple[str, Any]] = [("meeting", node_text(meeting, Label.MEETING) if meeting else None)]
    if kind == Label.ACTION:
        fields += [("status", e.get("status")), ("owner", e.get("owner_text"))]
    eid = g.add({"id": e["id"], "label": kind, "text": e.get("text")}, kind, date=date,
                evidence=_evidence(e.get("evidence"), date), fields=fields)
    if answers:
        g.link(eid, answers, Rel.ANSWERS)
    mid = g.add(meeting, Label.MEETING) if meeting else None
    g.link(eid, mid, Rel.RAISED_AT if kind == Label.ACTION else Rel.RECORDED_AT)
    if kind == Label.ACTION:
        _agent(g, eid, e.get("owner"), Rel.OWNED_BY, date)
        for u in e.get("updates") or []:
            um = u.get("meeting") or {}
            udate = um.get("date")
            uid = g.add({"id": u["id"], "label": Label.UPDATE, "text": u.get("text"), "status": u.get("status")},
                        Label.UPDATE, date=udate, evidence=_evidence(u.get("evidence"), udate),
                        fields=[("meeting", node_text(um, Label.MEETING) if um else None)])
            g.link(uid, eid, Rel.UPDATES)
            if um:
                g.link(uid, g.add(um, Label.MEETING), Rel.RECORDED_AT)
    else:
        _agent(g, eid, e.get("speaker"), Rel.STATED_BY, date)
    return eid


def lineage_graph(data: dict[str, Any]) -> ViewGraph:
    """A recommendation's lineage as a ``ViewGraph`` (see ``lineage_network``)."""
    rec = data["recommendation"]
    g = ViewGraph(f"{rec.get('label', 'Recommendation')} {rec.get('ref') or ''}".strip(), rec["id"],
                  subtitle=node_text(rec))
    rid = g.add(rec, evidence=_evidence(data.get("evidence")))
    report = data.get("report")
    if report:
        g.link(rid, g.add(report, Label.REPORT), Rel.ISSUED_IN)
        g.subtitle = f"{report.get('title') or ''}: {g.subtitle}"
    for m in data.get("discussed_at") or []:
        g.link(rid, g.add(m, Label.MEETING), Rel.DISCUSSED_AT)
    for e in data.get("entries") or []:
        _entry(g, e, answers=rid)
    return g


def lineage_network(data: dict[str, Any], filters: Filters | None = None, limit: int = DEFAULT_LIMIT) -> ViewNetwork:
    """Recommendation -> report; findings and actions answering it; the meetings they were
    recorded at; the roles and people who stated or own them; updates at later meetings.

    ``data`` is ``graph.queries.lineage(store, rec_id)``.
    """
    return to_network(lineage_graph(data), filters, limit)


def board_network(data: dict[str, Any], filters: Filters | None = None, limit: int = DEFAULT_LIMIT) -> ViewNetwork:
    """A board's meetings over time, left to right: NEXT links, and actions carried from the
    meeting that raised them to each later meeting that updated them (edges labelled with
    the action's text); attendance and chairs when the data has them.

    ``data`` is ``viz.data.board_timeline(store, board_id, people=...)``.
    """
    board = data["board"]
    g = ViewGraph(str(board.get("name") or board["id"]), board["id"], subtitle="Meetings over time")
    meetings = data.get("meetings") or []
    # Meetings in a row by date; carried actions arc above it; the board (and who chairs
    # it) below, and people on a line further down.
    x_of = {m["id"]: i * 260 for i, m in enumerate(meetings)}
    mid_x = (max(len(meetings), 1) - 1) * 130
    bid = g.add(board, Label.BOARD, x=mid_x, y=220, fixed=True)
    for m in meetings:
        g.link(g.add(m, Label.MEETING, x=x_of[m["id"]], y=0, fixed=True), bid, Rel.OF_BOARD)
    for a, b in data.get("next") or []:
        g.link(a, b, Rel.NEXT, label="next", width=2)
    lanes: dict[tuple[str, str], int] = {}
    for c in data.get("carried") or []:
        for m in (c["from"], c["to"]):
            if m["id"] not in g.nodes:
                g.add(m, Label.MEETING)
        key = (c["from"]["id"], c["to"]["id"])
        lanes[key] = lanes.get(key, 0) + 1
        action = c["action"]
        text = f"{action.get('text') or ''}"
        status = c.get("status")
        g.link(c["from"]["id"], c["to"]["id"], "CARRIED", label=text, text=f"{text} [{status}]" if status else text,
               smooth={"type": "curvedCW", "roundness": 0.2 + 0.15 * lanes[key]}, width=2,
               font={"size": 12, "color": "#a04000", "strokeWidth": 3, "align": "top"})
    people_rows = [(r, Rel.CHAIRED) for r in data.get("chairs") or []]
    people_rows += [(r, Rel.ATTENDED) for r in data.get("attendance") or []]
    seen_at: dict[str, list[int]] = {}
    for row, _ in people_rows:
        seen_at.setdefault(row["person"]["id"], []).append(x_of.get(row["meeting"], mid_x))
    # People evenly spaced on their line, in the order of the meetings they were at.
    order = sorted(seen_at, key=lambda p: (sum(seen_at[p]) / len(seen_at[p]), p))
    step = max(160, 2 * mid_x // max(len(order) - 1, 1)) if len(order) > 1 else 0
    start = mid_x - step * (len(order) - 1) // 2
    x_person = {p: start + i * step for i, p in enumerate(order)}
    for row, rel in people_rows:
        pid = g.add(row["person"], Label.PERSON, x=x_person[row["person"]["id"]], y=440, fixed=True)
        att = row.get("attendance")
        g.link(pid, row["meeting"], rel, text=att, dashes=att == "apologies")
    for c in data.get("board_chairs") or []:
        g.link(bid, g.add(c, x=mid_x, y=330), Rel.CHAIRED_BY)
    return to_network(g, filters, limit)


def person_network(data: dict[str, Any], filters: Filters | None = None, limit: int = DEFAULT_LIMIT) -> ViewNetwork:
    """A person: roles held (with dates), boards and meetings chaired, meetings attended,
    actions owned and findings stated (with the meetings they came from).

    ``data`` is ``graph.queries.person_detail(store, person_id)``.
    """
    p = data["person"]
    g = ViewGraph(str(p.get("name") or p["id"]), p["id"], subtitle="Person: what they hold, chair, attended, own and stated")
    pid = g.add(p, Label.PERSON)
    for r in data.get("roles") or []:
        span = " to ".join(x for x in (r.get("from"), r.get("to")) if x)
        g.link(pid, g.add(r["role"], Label.ROLE, fields=[("held", span)]), Rel.HELD, label=span or None)
    for b in data.get("boards_chaired") or []:
        g.link(g.add(b, Label.BOARD), pid, Rel.CHAIRED_BY)
    for e in (data.get("actions") or []) + (data.get("findings") or []):
        _entry(g, e)  # links it to the role held and to this person, or to the person alone
    for m in data.get("chaired") or []:
        g.link(pid, g.add(m, Label.MEETING), Rel.CHAIRED)
    for a in data.get("attended") or []:
        att = a.get("attendance")
        g.link(pid, g.add(a["meeting"], Label.MEETING, fields=[("attendance", att)]), Rel.ATTENDED,
               text=att, dashes=att == "apologies")
    return to_network(g, filters, limit)


def role_network(data: dict[str, Any], filters: Filters | None = None, limit: int = DEFAULT_LIMIT) -> ViewNetwork:
    """A role: who held it when, the boards it chairs, actions it owns, findings it stated.

    ``data`` is ``viz.data.role_detail(store, role_id)``.
    """
    r = data["role"]
    g = ViewGraph(node_text(r, Label.ROLE), r["id"], subtitle="Role: holders, what it owns, chairs and stated")
    rid = g.add(r, Label.ROLE)
    for org in data.get("organisations") or []:
        g.link(rid, g.add(org, Label.ORGANISATION), Rel.OF)
    for h in data.get("holders") or []:
        span = " to ".join(x for x in (h.get("from"), h.get("to")) if x)
        g.link(g.add(h["person"], Label.PERSON), rid, Rel.HELD, label=span or None)
    for b in data.get("boards_chaired") or []:
        g.link(g.add(b, Label.BOARD), rid, Rel.CHAIRED_BY)
    for e in (data.get("actions") or []) + (data.get("findings") or []):
        _entry(g, e)
    return to_network(g, filters, limit)


def meeting_network(data: dict[str, Any], filters: Filters | None = None, limit: int = DEFAULT_LIMIT) -> ViewNetwork:
    """A meeting: its board, chair and attendance (with roles), items, findings, decisions,
    actions raised and updated there, recommendations discussed, previous and next meetings.

    ``data`` is ``graph.queries.meeting_detail(store, meeting_id)``.
    """
    m = data["meeting"]
    g = ViewGraph(node_text(m, Label.MEETING), m["id"], subtitle="Meeting")
    mid = g.add(m, Label.MEETING)
    if data.get("board"):
        g.link(mid, g.add(data["board"], Label.BOARD), Rel.OF_BOARD)
    for x in data.get("previous") or []:
        g.link(g.add(x, Label.MEETING), mid, Rel.NEXT, label="next")
    for x in data.get("next") or []:
        g.link(mid, g.add(x, Label.MEETING), Rel.NEXT, label="next")
    for c in data.get("chair") or []:
        g.link(g.add(c, Label.PERSON), mid, Rel.CHAIRED)
    for x in data.get("discussed") or []:
        g.link(g.add(x), mid, Rel.DISCUSSED_AT)
    for f in data.get("findings") or []:
        g.link(g.add(f, Label.FINDING, date=m.get("date")), mid, Rel.RECORDED_AT)
    for a in data.get("actions_raised") or []:
        _entry(g, a)
    for a in data.get("actions_updated") or []:
        _entry(g, a)
    for d in data.get("decisions") or []:
        g.link(g.add(d, Label.DECISION, date=m.get("date")), mid, Rel.DECIDED_AT)
    for a in data.get("attendance") or []:
        att = a.get("attendance")
        pid = g.add(a["person"], Label.PERSON, fields=[("attendance", att), ("capacity", a.get("capacity"))])
        g.link(pid, mid, Rel.ATTENDED, text=att, dashes=att == "apologies")
        for r in a.get("roles") or []:
            g.link(pid, g.add(r, Label.ROLE), Rel.HELD, dashes=True)
    for t in data.get("minute_taker") or []:
        g.link(g.add(t, Label.PERSON), mid, Rel.TOOK_MINUTES)
    for it in data.get("items") or []:
        g.link(mid, g.add(it, Label.AGENDA_ITEM), Rel.HAS_ITEM)
    return to_network(g, filters, limit)


# Neighbourhood order inside one depth level: the accountability chain first.
_PRIORITY = {str(lab): i for i, lab in enumerate(styles.LEGEND_ORDER)}


def neighbourhood_graph(store: Store, node_id: str, depth: int = 2, limit: int = DEFAULT_LIMIT) -> ViewGraph | None:
    """Everything within ``depth`` steps of a node, found one depth level at a time with one
    batched ``store.edges`` call per level; expansion stops once ``limit`` nodes are shown.

    Documents are shown but not walked through (every node of a document links to it, so a
    step through one would pull in the whole document); the root may be a document.
    """
    root = store.get(node_id)
    if root is None:
        return None
    depth = max(0, min(int(depth), MAX_DEPTH))
    limit = max(1, min(int(limit), MAX_LIMIT))
    g = ViewGraph(short(node_text(node_dict(root) or {}), 60), root.id, subtitle=f"{root.label}: neighbourhood, depth {depth}")
    g.add(node_dict(root))
    seen = {root.id}
    frontier = [root.id]
    found = 1
    for _level in range(depth):
        expand = [i for i in frontier if i == root.id or g.nodes[i].kind != Label.DOCUMENT]
        if not expand:
            break
        edges = store.edges(expand, None, "both")
        new: dict[str, Any] = {}
        pending = []
        for src in expand:
            for e in edges.get(src, []):
                other = e.node
                a, b = (src, other.id) if e.rel.src == src else (other.id, src)
                if e.rel.type == Rel.EVIDENCED_BY and a in g.nodes:
                    g.add({"id": a}, evidence=_evidence(evidence_of([e]), g.nodes[a].date))
                if other.id not in seen:
                    seen.add(other.id)
                    new[other.id] = other
                pending.append((a, b, e.rel))
        found += len(new)
        frontier = []
        for other in sorted(new.values(), key=lambda n: (_PRIORITY.get(str(n.label), 99), n.id)):
            if len(g.nodes) >= limit:
                g.incomplete = True
                break
            g.add(node_dict(other))
            frontier.append(other.id)
        for a, b, rel in pending:
            if a in g.nodes and b in g.nodes:
                g.link(a, b, rel.type, text=_rel_text(rel.type, rel.props))
        if g.incomplete:
            break
    # Edges among the nodes shown that no walked step crossed (both ends at the last level).
    last = [i for i in frontier if g.nodes[i].kind != Label.DOCUMENT]
    if last:
        for src, es in store.edges(last, None, "out").items():
            for e in es:
                if e.node.id in g.nodes:
                    g.link(src, e.node.id, e.rel.type, text=_rel_text(e.rel.type, e.rel.props))
    # Quotes for the tooltips of the nodes shown, in one more round trip.
    ev = store.edges([i for i in g.nodes if g.nodes[i].kind != Label.DOCUMENT], [Rel.EVIDENCED_BY], "out")
    for nid, es in ev.items():
        g.add({"id": nid}, evidence=_evidence(evidence_of(es), g.nodes[nid].date))
    g.found = found
    return g


def _rel_text(type: str, props: dict[str, Any]) -> str:
    shown = {k: v for k, v in props.items() if k not in ("sources", "quote", "start", "end") and v not in (None, "")}
    words = type.lower().replace("_", " ")
    return f"{words} ({', '.join(f'{k}: {v}' for k, v in sorted(shown.items()))})" if shown else words


def neighbourhood_network(store: Store, node_id: str, depth: int = 2, limit: int = DEFAULT_LIMIT,
                          filters: Filters | None = None) -> ViewNetwork | None:
    """The neighbourhood of any node (see ``neighbourhood_graph``); None for an unknown id."""
    g = neighbourhood_graph(store, node_id, depth, limit)
    return None if g is None else to_network(g, filters, limit)
