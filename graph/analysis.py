"""Where accountability has gaps: what nobody answered, what went quiet, who owes what.

Store-independent: everything is read through ``graph.queries`` (itself over the
``Store`` interface) or ``store.all_nodes/all_rels``, in a fixed number of store round
trips, and returned as plain JSON-able dicts, so the API, the CLI and a notebook get the
same answer from Neo4j and from the embedded store.

Dates are ISO strings that may be a day ("2018-07-31") or only a month ("2018-07", a
meeting known from a reference). They are compared on their common prefix, as
``graph.queries`` does, and a month-only date counts as the month's *last* day when an
age is computed, so an age is never overstated.

>>> from govgraph.graph.embedded import EmbeddedStore
>>> import tempfile
>>> gaps(EmbeddedStore(tempfile.mkdtemp()), today="2019-03-01")["counts"]
{'unanswered': 0, 'out_of_date': 0, 'stale_actions': 0, 'owner_without_holder': 0, 'unowned_actions': 0}
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

import networkx as nx

from . import queries
from .model import Label, NodeRec, Rel
from .store import Store

# -- dates -----------------------------------------------------------------------------


def as_date(value: str | None, end: bool = True) -> dt.date | None:
    """A date from "YYYY-MM-DD", "YYYY-MM" or "YYYY"; a partial date is its period's last
    day (``end``) or first day. None when it is not an ISO date.

    >>> as_date("2018-02"), as_date("2018-02", end=False)
    (datetime.date(2018, 2, 28), datetime.date(2018, 2, 1))
    """
    text = str(value or "")[:10]
    try:
        parts = [int(p) for p in text.split("-")]
        if len(parts) == 3:
            return dt.date(*parts)
        if len(parts) == 2:
            y, m = parts
            return dt.date(y, m, calendar.monthrange(y, m)[1] if end else 1)
        if len(parts) == 1 and len(text) == 4:
            return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)
    except ValueError:
        return None
    return None


def months_before(day: str, months: int) -> str:
    """The ISO date ``months`` calendar months before ``day`` (clamped to the month's end).

    >>> months_before("2019-03-31", 1)
    '2019-02-28'
    >>> months_before("0001-01-31", 1)
    '0001-01-01'
    """
    d = as_date(day)
    if d is None:
        raise ValueError(f"not an ISO date: {day!r}")
    total = d.year * 12 + (d.month - 1) - months
    y, m = divmod(total, 12)
    m += 1
    if y < dt.MINYEAR:  # further back than the calendar goes: nothing is older than that
        return dt.date.min.isoformat()
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1])).isoformat()


def months_between(earlier: str, later: str) -> int | None:
    """Whole calendar months from ``earlier`` to ``later`` (a partial date at its end)."""
    a, b = as_date(earlier), as_date(later)
    if a is None or b is None:
        return None
    months = (b.year - a.year) * 12 + (b.month - a.month)
    if b.day < a.day and not (b.day == calendar.monthrange(b.year, b.month)[1]):
        months -= 1
    return months


def days_between(earlier: str, later: str) -> int | None:
    a, b = as_date(earlier), as_date(later)
    return (b - a).days if a and b else None


def _cmp_prefix(a: str, b: str) -> int:
    """Compare two ISO dates on their common prefix: "2018-07" equals "2018-07-31"."""
    k = min(len(a), len(b))
    return (a[:k] > b[:k]) - (a[:k] < b[:k])


def resolve_today(today: str | None) -> str:
    """``today`` as given, else the current date (ISO)."""
    return today or dt.date.today().isoformat()


def _brief(n: dict[str, Any] | None) -> dict[str, Any] | None:
    if n is None:
        return None
    keep = ("id", "label", "title", "name", "date", "ref", "abbr")
    return {k: n[k] for k in keep if n.get(k) is not None}


# -- recommendations -------------------------------------------------------------------


def recommendation_evidence(store: Store, labels: tuple[str, ...] = (Label.RECOMMENDATION, Label.QUESTION)
                            ) -> list[dict[str, Any]]:
    """Each recommendation (and question): its report, the meetings that discussed it, and
    the findings and actions that answer it with their dates and quotes.

    ``evidence_dates`` are the meetings where an answering finding was recorded, an
    answering action raised, or an update to such an action recorded: the evidence that
    something is being done. ``last_discussed`` is the latest of those and of the
    meetings the recommendation was itself discussed at. Fixed round trips.
    """
    items: list[NodeRec] = [n for label in labels for n in store.find(label)]
    ids = [n.id for n in items]
    if not ids:
        return []
    around = store.edges(ids, [Rel.ISSUED_IN, Rel.DISCUSSED_AT], "out")
    answering = store.edges(ids, [Rel.ANSWERS], "in")
    answerer_ids = sorted({e.node.id for v in answering.values() for e in v})
    details = queries.describe(store, answerer_ids) if answerer_ids else {}
    out: list[dict[str, Any]] = []
    for n in items:
        report = next((e.node for e in around.get(n.id, []) if e.rel.type == Rel.ISSUED_IN), None)
        discussed: dict[str, dict[str, Any]] = {e.node.id: queries.node_dict(e.node) or {}
                                                for e in around.get(n.id, []) if e.rel.type == Rel.DISCUSSED_AT}
        findings: list[dict[str, Any]] = []
        actions: list[dict[str, Any]] = []
        evidence_meetings: dict[str, dict[str, Any]] = {}
        for e in answering.get(n.id, []):
            d = details.get(e.node.id)
            if d is None:
                continue
            (actions if d["kind"] == Label.ACTION else findings).append(d)
            if d["meeting"]:
                evidence_meetings[d["meeting"]["id"]] = d["meeting"]
            for u in d.get("updates") or []:
                if u["meeting"]:
                    evidence_meetings[u["meeting"]["id"]] = u["meeting"]
        evidence_dates = sorted(m.get("date") or "" for m in evidence_meetings.values() if m.get("date"))
        meetings = {**discussed, **evidence_meetings}
        dates = sorted(m.get("date") or "" for m in meetings.values() if m.get("date"))
        by_date = sorted(findings + actions, key=lambda d: ((d["meeting"] or {}).get("date") or "", d["id"]))
        out.append({
            "id": n.id, "kind": str(n.label), "ref": n.props.get("ref"), "text": n.props.get("text"),
            "theme": n.props.get("theme"), "source": n.props.get("source"),
            "report": _brief(queries.node_dict(report)),
            "findings": findings, "actions": actions, "answered_by": by_date,
            "meetings": sorted(meetings.values(), key=lambda m: (m.get("date") or "", m["id"])),
            "last_discussed": dates[-1] if dates else None,
            "last_evidence": evidence_dates[-1] if evidence_dates else None,
        })
    out.sort(key=lambda r: (r["report"] is None, (r["report"] or {}).get("title") or "", _ref_key(r["ref"]),
                            r["id"]))
    return out


def _ref_key(ref: Any) -> tuple:
    parts = []
    for p in str(ref or "").replace("/", ".").split("."):
        parts.append((0, int(p), "") if p.isdigit() else (1, 0, p))
    return tuple(parts)


def _item(r: dict[str, Any]) -> dict[str, Any]:
    return {"id": r["id"], "kind": r["kind"], "ref": r["ref"], "text": r["text"], "theme": r["theme"],
            "source": r["source"], "report": r["report"], "last_discussed": r["last_discussed"],
            "discussed_at": [_brief(m) for m in r["meetings"]]}


def is_out_of_date(last_evidence: str | None, today: str, months: int) -> bool:
    """Evidence older than ``months`` before ``today`` (False when there is none)."""
    return bool(last_evidence) and _cmp_prefix(str(last_evidence), months_before(today, months)) < 0


# -- actions ---------------------------------------------------------------------------


def action_ages(store: Store, today: str | None = None) -> list[dict[str, Any]]:
    """The action log (``queries.action_log``) with, for each action, its last activity
    (latest update, else its raising) and how long it has been quiet since: meetings of
    its board held after that and on or before ``today``, and days."""
    today = resolve_today(today)
    rows = queries.action_log(store)
    board_ids = sorted({r["board"]["id"] for r in rows if r.get("board")})
    held = store.edges(board_ids, [Rel.OF_BOARD], "in") if board_ids else {}
    board_dates = {b: sorted({str(e.node.props.get("date")) for e in v if e.node.props.get("date")})
                   for b, v in held.items()}
    out = []
    for r in rows:
        raised = (r["meeting"] or {}).get("date")
        dated = [u for u in r["updates"] if (u["meeting"] or {}).get("date")]
        last_update = dated[-1] if dated else None
        last = (last_update["meeting"]["date"] if last_update else raised) or None
        quiet = None
        if r.get("board") and last:
            quiet = sum(1 for d in board_dates.get(r["board"]["id"], [])
                        if _cmp_prefix(d, last) > 0 and _cmp_prefix(d, today) <= 0)
        out.append({**r, "raised": raised, "last_activity": last,
                    "last_update": {"id": last_update["id"], "date": last_update["meeting"]["date"],
                                    "meeting": last_update["meeting"]["id"], "status": last_update["status"]}
                    if last_update else None,
                    "meetings_without_update": quiet,
                    "days_without_update": days_between(last, today) if last else None})
    return out


def owner_of(d: dict[str, Any]) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """The owning role and people of a described action (people: direct, else the holder then)."""
    o = d.get("owner") or {}
    return o.get("role"), list(o.get("people") or [])


# -- centrality ------------------------------------------------------------------------

# The accountability graph: edges point from what is owed to whoever owes it, so score
# flows from recommendations to the findings and actions that answer them, on to the
# posts and people who own or state them and the meetings and boards they were raised
# at, and from a post to the people who held it. Left out on purpose: attendance and
# minute-taking (presence is not accountability), ASKED_BY (the asker holds others to
# account), evidence links (documents would be hubs), agenda structure and NEXT, and
# Role-OF-Organisation and Report-ISSUED_BY (one force or inspectorate would join
# everything to everything). ``True``: the edge runs src -> dst; ``False``: dst -> src.
ACCOUNTABILITY_FLOW: dict[str, bool] = {
    Rel.ISSUED_IN: False,     # report -> its recommendations
    Rel.ANSWERS: False,       # recommendation / question -> finding or action answering it
    Rel.DISCUSSED_AT: True,   # recommendation / question -> meeting that discussed it
    Rel.ASKED_OF: True,       # question -> the post or person asked
    Rel.STATED_BY: True,      # finding -> who stated it
    Rel.OWNED_BY: True,       # action -> its owner
    Rel.UPDATES: True,        # update -> the action it updates
    Rel.RECORDED_AT: True,    # finding / update -> meeting
    Rel.RAISED_AT: True,      # action -> meeting
    Rel.DECIDED_AT: True,     # decision -> meeting
    Rel.MENTIONS: True,       # finding / action -> board it hands work to
    Rel.OF_BOARD: True,       # meeting -> board
    Rel.CHAIRED_BY: True,     # board -> its chair
    Rel.CHAIRED: False,       # meeting -> the person who chaired it
    Rel.HELD: False,          # post -> the people who held it
}


def accountability_graph(store: Store) -> tuple[nx.DiGraph, dict[str, NodeRec]]:
    """The accountability edges, oriented by ``ACCOUNTABILITY_FLOW``, nodes in id order."""
    nodes = {n.id: n for n in store.all_nodes()}
    edges = sorted((r.src, r.dst) if ACCOUNTABILITY_FLOW[r.type] else (r.dst, r.src)
                   for r in store.all_rels() if r.type in ACCOUNTABILITY_FLOW)
    g = nx.DiGraph()
    g.add_nodes_from(sorted({x for e in edges for x in e}))
    g.add_edges_from(edges)
    return g, nodes


def pagerank(g: nx.DiGraph, alpha: float = 0.85, tol: float = 1e-12, max_iter: int = 500) -> dict[str, float]:
    """PageRank by power iteration (dangling nodes spread their score evenly).

    networkx's own ``pagerank`` needs scipy, which govgraph does not depend on; this is
    the textbook iteration, in a fixed node order so every store gives the same floats.
    """
    order = sorted(g)
    n = len(order)
    if n == 0:
        return {}
    succ = {v: sorted(g.successors(v)) for v in order}
    x = dict.fromkeys(order, 1.0 / n)
    for _ in range(max_iter):
        dangling = alpha * sum(x[v] for v in order if not succ[v]) / n
        new = dict.fromkeys(order, (1.0 - alpha) / n + dangling)
        for v in order:
            if succ[v]:
                share = alpha * x[v] / len(succ[v])
                for w in succ[v]:
                    new[w] += share
        err = sum(abs(new[v] - x[v]) for v in order)
        x = new
        if err < n * tol:
            break
    return x


def centrality(store: Store, top: int | None = 20) -> dict[str, Any]:
    """Boards and people ranked by PageRank over the accountability graph.

    Why PageRank, and why directed: a node's score is the weight of what flows into it,
    and here edges run from what is owed to whoever owes it (``ACCOUNTABILITY_FLOW``).
    A person scores by what the posts they held own and state, weighted by how much
    the recommendations answered matter (how much else hangs off them), and a board by
    the business recorded at its meetings and the work other boards hand to it. A plain
    link count cannot weigh one action on a heavily-discussed recommendation above two
    stray ones; PageRank on the *undirected* projection would not either (on an
    undirected graph it is close to proportional to degree). Betweenness answers a
    different question (who brokers between parts of the graph) at O(nodes x edges),
    which does not scale to a national corpus; PageRank is a few passes over the edges.
    Scores are rounded to 6 places; ``links`` counts the node's accountability edges.
    """
    g, nodes = accountability_graph(store)
    pr = pagerank(g)

    def ranked(label: str) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for nid, n in nodes.items():
            if n.label != label:
                continue
            rows.append({"id": nid, "name": n.props.get("name"), "score": round(pr.get(nid, 0.0), 6),
                         "links": g.degree(nid) if nid in g else 0})
        rows.sort(key=lambda r: (-r["score"], -r["links"], str(r["name"] or ""), r["id"]))
        return rows[:top] if top is not None else rows

    return {"measure": "pagerank (directed accountability graph, alpha 0.85)",
            "boards": ranked(Label.BOARD), "people": ranked(Label.PERSON)}


# -- gaps ------------------------------------------------------------------------------


def gaps(store: Store, months: int = 12, stale_meetings: int = 2, today: str | None = None,
         top: int | None = 20) -> dict[str, Any]:
    """The accountability gaps of the whole graph, as one JSON-able dict.

    - ``unanswered``: recommendations and questions that no finding or action answers,
      grouped per report (questions, which name no report, per their ``source``);
    - ``out_of_date``: recommendations whose last evidence is older than ``months``
      before ``today``;
    - ``stale_actions``: actions not complete with no update for ``stale_meetings`` or
      more meetings of their board (age in meetings and days);
    - ``owner_without_holder``: actions owned by a role nobody is known to have held on
      the date the action was raised (``queries.holders_at``); ``unowned_actions``;
    - ``owners``: people and roles ranked by open actions (a role's actions count for
      whoever held it when each was raised);
    - ``centrality``: boards and people ranked by PageRank (see ``centrality``).

    ``today`` defaults to the current date; pass it for reproducible answers.
    """
    today = resolve_today(today)
    recs = recommendation_evidence(store)
    groups: dict[tuple, dict[str, Any]] = {}
    for r in recs:
        if r["answered_by"]:
            continue
        key = (r["report"]["id"] if r["report"] else "", "" if r["report"] else (r["source"] or ""))
        group = groups.setdefault(key, {"report": r["report"], "source": None if r["report"] else r["source"],
                                        "items": []})
        group["items"].append(_item(r))
    unanswered = sorted(groups.values(), key=lambda g: (g["report"] is None, (g["report"] or {}).get("title") or "",
                                                         g["source"] or ""))
    out_of_date = []
    for r in recs:
        if r["kind"] == Label.RECOMMENDATION and is_out_of_date(r["last_evidence"], today, months):
            out_of_date.append({**_item(r), "last_evidence": r["last_evidence"],
                                "months_since": months_between(r["last_evidence"], today),
                                "findings": len(r["findings"]), "actions": len(r["actions"])})
    out_of_date.sort(key=lambda r: (r["last_evidence"], r["id"]))

    actions = action_ages(store, today)
    stale, unheld, unowned = [], [], []
    owners: dict[str, dict[str, Any]] = {}
    for a in actions:
        role, people = owner_of(a)
        base = {"id": a["id"], "text": a["text"], "status": a["status"], "board": _brief(a.get("board")),
                "raised_at": _brief(a["meeting"]), "date": a["raised"]}
        if a["status"] != "complete" and (a["meetings_without_update"] or 0) >= stale_meetings:
            stale.append({**base, "owner": a.get("owner"), "last_update": a["last_update"],
                          "meetings_without_update": a["meetings_without_update"],
                          "days_without_update": a["days_without_update"]})
        if role is None and not people:
            unowned.append(base)
        elif role is not None and not people:
            unheld.append({**base, "role": role})
        if a["status"] == "complete":
            continue
        agents = ([(role, "Role")] if role else []) + [(p, "Person") for p in people]
        for who, kind in agents:
            o = owners.setdefault(who["id"], {"id": who["id"], "kind": kind,
                                              "name": who.get("name") or who.get("abbr") or who.get("title"),
                                              "open_actions": 0, "actions": [], "oldest_open": None})
            o["open_actions"] += 1
            o["actions"].append(a["id"])
            if a["raised"] and (o["oldest_open"] is None or a["raised"] < o["oldest_open"]):
                o["oldest_open"] = a["raised"]
    for o in owners.values():
        o["actions"].sort()
    stale.sort(key=lambda a: (-(a["meetings_without_update"] or 0), -(a["days_without_update"] or 0), a["id"]))
    ranked_owners = sorted(owners.values(), key=lambda o: (-o["open_actions"], o["kind"] != "Person",
                                                           str(o["name"] or ""), o["id"]))
    return {
        "today": today, "months": months, "stale_meetings": stale_meetings,
        "counts": {"unanswered": sum(len(g["items"]) for g in unanswered), "out_of_date": len(out_of_date),
                   "stale_actions": len(stale), "owner_without_holder": len(unheld),
                   "unowned_actions": len(unowned)},
        "unanswered": unanswered,
        "out_of_date": out_of_date,
        "stale_actions": stale,
        "owner_without_holder": sorted(unheld, key=lambda a: (a["date"] or "", a["id"])),
        "unowned_actions": sorted(unowned, key=lambda a: (a["date"] or "", a["id"])),
        "owners": ranked_owners,
        "centrality": centrality(store, top),
    }
