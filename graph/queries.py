"""The questions users bring, answered once over the ``Store`` interface.

Each function costs a fixed number of store round trips (batched ``edges``/``get_many``
calls), never one per row, and works the same on Neo4j and the embedded store.

Resolution that depends on several documents is done here, at query time, so loading
order never matters: "the CC" in a finding resolves to whoever ``HELD`` the role on the
meeting's date; an action's status is the status of its latest update.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .model import Label, NodeRec, Rel
from .store import Edge, Store

_ANSWERER_OUT = [Rel.RECORDED_AT, Rel.RAISED_AT, Rel.STATED_BY, Rel.OWNED_BY, Rel.EVIDENCED_BY]
_AROUND_REC = [Rel.ISSUED_IN, Rel.EVIDENCED_BY, Rel.DISCUSSED_AT, Rel.ANSWERS]
_DESCRIBE_OUT = _ANSWERER_OUT + [Rel.ANSWERS, Rel.MENTIONS]
_UPDATE_OUT = [Rel.RECORDED_AT, Rel.EVIDENCED_BY]

# What ``lineage`` reads, for stores that fetch it in one round trip (``Store.lineage_reads``):
# relationship types by the step that follows them. A store that fetches less is still
# right (``store.Prefetched`` reads what it lacks), only slower.
LINEAGE_STEPS = {
    "around": [str(t) for t in _AROUND_REC],  # of the recommendation, both ways
    "answerer_out": [str(t) for t in _DESCRIBE_OUT],  # of what answers it
    "update_in": [str(Rel.UPDATES)],  # into what answers it
    "update_out": [str(t) for t in _UPDATE_OUT],  # of those updates
    "role_in": [str(Rel.HELD)],  # into the roles the answerers link to
}


# Every read here leaves ``sources`` out (no answer shows it, and on shared nodes it grows
# with every document): these four are the store reads this module makes.
def _edges(store: Store, ids: Iterable[str], types: Iterable[str] | None, direction: str) -> dict[str, list[Edge]]:
    return store.edges(ids, types, direction, sources=False)  # type: ignore[arg-type]


def _get_many(store: Store, ids: Iterable[str]) -> dict[str, NodeRec]:
    return store.get_many(ids, sources=False)


def _get(store: Store, node_id: str) -> NodeRec | None:
    return store.get_many([node_id], sources=False).get(node_id)


def _find(store: Store, label: str, where: dict[str, object] | None = None, limit: int | None = None) -> list[NodeRec]:
    return store.find(label, where, limit, sources=False)


def node_dict(n: NodeRec | None) -> dict[str, Any] | None:
    """A node as JSON: id, label and its properties (without bookkeeping)."""
    if n is None:
        return None
    props = {k: v for k, v in n.props.items() if k not in ("sources",)}
    return {"id": n.id, "label": str(n.label), **props}


def _date(n: NodeRec | None) -> str:
    return str((n.props.get("date") if n else None) or "")


def evidence_of(edges: Iterable[Edge]) -> list[dict[str, Any]]:
    """The quotes that justify a node, with the document each comes from."""
    out = []
    for e in edges:
        if e.rel.type != Rel.EVIDENCED_BY:
            continue
        out.append({
            "quote": e.rel.props.get("quote"),
            "start": e.rel.props.get("start"),
            "end": e.rel.props.get("end"),
            "document": {"sha256": e.node.props.get("sha256"), "source": e.node.props.get("source"),
                         "title": e.node.props.get("title")},
        })
    out.sort(key=lambda x: (x["document"]["sha256"] or "", x["start"] or 0))
    return out


def holders_at(store: Store, role_ids: Iterable[str], dates: Iterable[str],
               pairs: Iterable[tuple[str, str]] | None = None) -> dict[tuple[str, str], NodeRec]:
    """Who held each role on each date: ``{(role_id, date): person}`` where known.

    A tenure is the span of meetings a person attended in that role (``HELD {from, to}``);
    dates are compared as ISO strings, so a month ("2018-06") falls inside a tenure that
    spans any day of it. ``pairs`` limits the answer to those (role, date) pairs instead
    of every role on every date (the action log asks for thousands of each).
    """
    role_ids = sorted(set(role_ids))
    dates = sorted({d for d in dates if d})
    held = _edges(store, role_ids, [Rel.HELD], "in") if role_ids else {}
    out: dict[tuple[str, str], NodeRec] = {}
    wanted = sorted({(r, d) for r, d in pairs if d}) if pairs is not None else \
        [(rid, d) for rid in role_ids for d in dates]
    for rid, d in wanted:
        best = None
        for e in held.get(rid, []):
            start, end = str(e.rel.props.get("from") or ""), str(e.rel.props.get("to") or "")
            if start[: len(d)] <= d <= end[: len(d)] or (start <= d <= end):
                if best is None or (start, e.node.id) > best[0]:
                    best = ((start, e.node.id), e.node)
        if best:
            out[(rid, d)] = best[1]
    return out


def _agent(edges: list[Edge], rel: str, date: str, holders: dict[tuple[str, str], NodeRec]) -> dict[str, Any]:
    """The role and person behind a STATED_BY / OWNED_BY / ASKED_* edge set."""
    role = next((e.node for e in edges if e.rel.type == rel and e.node.label == Label.ROLE), None)
    people = [e.node for e in edges if e.rel.type == rel and e.node.label == Label.PERSON]
    if role is not None and not people and (role.id, date) in holders:
        people = [holders[(role.id, date)]]
    return {
        "role": {"id": role.id, "abbr": role.props.get("abbr"), "title": role.props.get("title")} if role else None,
        "people": [{"id": p.id, "name": p.props.get("name")} for p in people],
    }


def action_status(action: NodeRec, updates: list[tuple[NodeRec, NodeRec | None]]) -> str:
    """Current status: that of the latest update (by meeting date), else as raised."""
    dated = [(_date(m), u.id, u) for u, m in updates if u.props.get("status")]
    if dated:
        return str(max(dated)[2].props["status"])
    return str(action.props.get("status") or "open")


def _updates_for(store: Store, action_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Updates of each action with the meeting they were recorded at and their quotes."""
    ups = _edges(store, action_ids, [Rel.UPDATES], "in") if action_ids else {}
    upd_ids = [e.node.id for v in ups.values() for e in v]
    where = _edges(store, upd_ids, _UPDATE_OUT, "out") if upd_ids else {}
    out: dict[str, list[dict[str, Any]]] = {}
    for aid in action_ids:
        rows = []
        for e in ups.get(aid, []):
            meeting = next((x.node for x in where.get(e.node.id, []) if x.rel.type == Rel.RECORDED_AT), None)
            rows.append({
                "id": e.node.id, "text": e.node.props.get("text"), "status": e.node.props.get("status"),
                "meeting": node_dict(meeting), "evidence": evidence_of(where.get(e.node.id, [])),
                "_node": e.node, "_meeting": meeting,
            })
        rows.sort(key=lambda r: (_date(r["_meeting"]), r["id"]))
        out[aid] = rows
    return out


def _public(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows]


def describe(store: Store, ids: list[str], nodes: dict[str, NodeRec] | None = None) -> dict[str, dict[str, Any]]:
    """Findings and actions with meeting, speaker/owner (role and person), evidence, updates.

    ``nodes``: the nodes of ``ids`` when the caller has them already (saves a round trip)."""
    nodes = nodes if nodes is not None else _get_many(store, ids)
    out_edges = _edges(store, ids, _DESCRIBE_OUT, "out") if ids else {}
    action_ids = [i for i in ids if i in nodes and nodes[i].label == Label.ACTION]
    updates = _updates_for(store, action_ids)
    pairs = set()  # (role, date of the meeting) for each role an entry names
    for i in ids:
        n = nodes.get(i)
        if n is None:
            continue
        edges = out_edges.get(i, [])
        meeting_rel = Rel.RAISED_AT if n.label == Label.ACTION else Rel.RECORDED_AT
        d = _date(next((e.node for e in edges if e.rel.type == meeting_rel), None))
        pairs.update((e.node.id, d) for e in edges if e.node.label == Label.ROLE)
    holders = holders_at(store, {r for r, _ in pairs}, {d for _, d in pairs}, pairs)
    result: dict[str, dict[str, Any]] = {}
    for i in ids:
        n = nodes.get(i)
        if n is None:
            continue
        edges = out_edges.get(i, [])
        meeting_rel = Rel.RAISED_AT if n.label == Label.ACTION else Rel.RECORDED_AT
        meeting = next((e.node for e in edges if e.rel.type == meeting_rel), None)
        d = _date(meeting)
        entry: dict[str, Any] = {
            "id": n.id, "kind": n.label, "text": n.props.get("text"),
            "meeting": node_dict(meeting),
            "answers": [node_dict(e.node) for e in edges if e.rel.type == Rel.ANSWERS],
            "mentions": [node_dict(e.node) for e in edges if e.rel.type == Rel.MENTIONS],
            "evidence": evidence_of(edges),
        }
        if n.label == Label.ACTION:
            ups = updates.get(i, [])
            entry["owner"] = _agent(edges, Rel.OWNED_BY, d, holders)
            entry["owner_text"] = n.props.get("owner")
            entry["status"] = action_status(n, [(u["_node"], u["_meeting"]) for u in ups])
            entry["updates"] = _public(ups)
        else:
            entry["speaker"] = _agent(edges, Rel.STATED_BY, d, holders)
        result[i] = entry
    return result


def lineage(store: Store, rec_id: str) -> dict[str, Any] | None:
    """A recommendation (or question), its report, and every finding and action that
    answers it: meeting, date, speaker/owner (role and the person holding it then), the
    quoted evidence, and updates of actions at later meetings, in date order.

    All its reads see one state of the store: the embedded store checks its file once
    (``snapshot``), Neo4j fetches them in one statement (``lineage_reads``)."""
    with store.snapshot() as snap:
        return _lineage(snap.lineage_reads(rec_id) or snap, rec_id)


def _lineage(store: Store, rec_id: str) -> dict[str, Any] | None:
    rec = _get(store, rec_id)
    if rec is None or rec.label not in (Label.RECOMMENDATION, Label.QUESTION):
        return None
    both = _edges(store, [rec_id], _AROUND_REC, "both")[rec_id]
    around = [e for e in both if e.rel.src == rec_id and e.rel.type != Rel.ANSWERS]
    answering = [e for e in both if e.rel.dst == rec_id and e.rel.type == Rel.ANSWERS]
    ids = sorted({e.node.id for e in answering})
    details = describe(store, ids, {e.node.id: e.node for e in answering})
    entries = sorted(details.values(), key=lambda x: ((x["meeting"] or {}).get("date") or "", x["kind"], x["id"]))
    return {
        "recommendation": node_dict(rec),
        "report": node_dict(next((e.node for e in around if e.rel.type == Rel.ISSUED_IN), None)),
        "discussed_at": sorted((node_dict(e.node) for e in around if e.rel.type == Rel.DISCUSSED_AT),
                               key=lambda m: (m.get("date") or "", m["id"])),  # type: ignore[union-attr]
        "evidence": evidence_of(around),
        "findings": [e for e in entries if e["kind"] == Label.FINDING],
        "actions": [e for e in entries if e["kind"] == Label.ACTION],
        "entries": entries,
    }


def action_log(store: Store, status: str | None = None, owner: str | None = None, board: str | None = None,
               raised_before: str | None = None, open_for_meetings: int | None = None) -> list[dict[str, Any]]:
    """The action log with current status; filters as an auditor asks for them.

    ``owner`` matches a role abbreviation, a role/person id or a person's name (case-free);
    ``open_for_more_than`` counts meetings of the action's board held after it was raised
    while it is still not complete.
    """
    details = describe(store, _candidate_actions(store, owner, board))
    meeting_ids = {d["meeting"]["id"] for d in details.values() if d["meeting"]}
    boards = _edges(store, sorted(meeting_ids), [Rel.OF_BOARD], "out") if meeting_ids else {}
    board_of = {mid: (v[0].node if v else None) for mid, v in boards.items()}
    board_meetings = _edges(store, sorted({b.id for b in board_of.values() if b}), [Rel.OF_BOARD], "in")
    dates_by_board = {bid: sorted(_date(e.node) for e in v) for bid, v in board_meetings.items()}
    rows = []
    for d in details.values():
        b = board_of.get(d["meeting"]["id"]) if d["meeting"] else None
        d["board"] = node_dict(b)
        raised = (d["meeting"] or {}).get("date") or ""
        d["meetings_since_raised"] = sum(1 for x in dates_by_board.get(b.id, []) if x[:7] > raised[:7]) if b else 0
        if status and d["status"] != status:
            continue
        if board and not b or board and board not in (b.id, b.props.get("name")):  # type: ignore[union-attr]
            continue
        if raised_before and not (raised and raised < raised_before):
            continue
        if owner and not _owner_matches(d, owner):
            continue
        if open_for_meetings is not None and (d["status"] == "complete" or d["meetings_since_raised"] <= open_for_meetings):
            continue
        rows.append(d)
    rows.sort(key=lambda r: ((r["meeting"] or {}).get("date") or "", r["id"]))
    return rows


def _candidate_actions(store: Store, owner: str | None, board: str | None) -> list[str]:
    """The actions that may pass the ``owner`` and ``board`` filters of ``action_log``
    (all of them without those filters), found through the graph so that only they are
    described; ``action_log`` still applies the exact filters to what it describes.

    ``board``: actions raised at a meeting of a board with that id or name. ``owner``:
    actions whose owner as written matches, or owned by a role or person that matches, or
    by a role that a matching person held (the holder is resolved by date later)."""
    actions = _find(store, Label.ACTION)
    ids = {a.id for a in actions}
    if board:
        boards = [b for b in [_get(store, board)] if b is not None and b.label == Label.BOARD]
        boards += _find(store, Label.BOARD, {"name": board})
        meetings = [e.node.id for v in _edges(store, sorted({b.id for b in boards}), [Rel.OF_BOARD], "in").values()
                    for e in v] if boards else []
        raised = _edges(store, meetings, [Rel.RAISED_AT], "in") if meetings else {}
        ids &= {e.node.id for v in raised.values() for e in v}
    if owner:
        want = owner.casefold()

        def named(n: NodeRec, *keys: str) -> bool:
            return any(str(n.props.get(k) or "").casefold() == want for k in keys) or n.id.casefold() == want

        roles = {r.id for r in _find(store, Label.ROLE) if named(r, "abbr", "title")}
        people = {p.id for p in _find(store, Label.PERSON) if named(p, "name")}
        if people:
            roles |= {e.node.id for v in _edges(store, sorted(people), [Rel.HELD], "out").values() for e in v}
        agents = sorted(roles | people)
        owned = _edges(store, agents, [Rel.OWNED_BY], "in") if agents else {}
        ids &= {e.node.id for v in owned.values() for e in v} | \
            {a.id for a in actions if str(a.props.get("owner") or "").casefold() == want}
    return sorted(ids)


def _owner_matches(d: dict[str, Any], owner: str) -> bool:
    want = owner.casefold()
    o = d.get("owner") or {}
    role = o.get("role") or {}
    cands = [role.get("id"), role.get("abbr"), role.get("title"), d.get("owner_text")]
    for p in o.get("people") or []:
        cands += [p.get("id"), p.get("name")]
    return any(c and str(c).casefold() == want for c in cands)


def who_held(store: Store, abbr: str, at: str | None = None) -> list[dict[str, Any]]:
    """Roles with this abbreviation (one per board scope) and who held them (on ``at``)."""
    roles = [r for r in _find(store, Label.ROLE) if str(r.props.get("abbr") or "").casefold() == abbr.casefold()]
    held = _edges(store, [r.id for r in roles], [Rel.HELD], "in") if roles else {}
    out = []
    for r in roles:
        holders = []
        for e in held.get(r.id, []):
            start, end = str(e.rel.props.get("from") or ""), str(e.rel.props.get("to") or "")
            if at is None or start[: len(at)] <= at <= end[: len(at)] or start <= at <= end:
                holders.append({"person": node_dict(e.node), "from": start or None, "to": end or None})
        holders.sort(key=lambda h: (h["from"] or "", h["person"]["id"]))
        out.append({"role": node_dict(r), "holders": holders})
    return out


def meeting_detail(store: Store, meeting_id: str) -> dict[str, Any] | None:
    """A meeting: header, attendance with roles, items, findings, actions raised and
    updated there, decisions, previous and next meetings."""
    m = _get(store, meeting_id)
    if m is None or m.label != Label.MEETING:
        return None
    inc = _edges(store, [meeting_id], None, "in")[meeting_id]
    out = _edges(store, [meeting_id], None, "out")[meeting_id]
    people = [e for e in inc if e.rel.type == Rel.ATTENDED]
    held = _edges(store, [e.node.id for e in people], [Rel.HELD], "out") if people else {}
    attendance = []
    for e in people:
        roles = [h.node for h in held.get(e.node.id, [])
                 if (h.rel.props.get("from") or "") <= (m.props.get("date") or "") <= (h.rel.props.get("to") or "")]
        attendance.append({"person": node_dict(e.node), "attendance": e.rel.props.get("attendance"),
                           "capacity": e.rel.props.get("capacity"), "roles": [node_dict(r) for r in roles]})
    attendance.sort(key=lambda a: (a["attendance"] or "", a["person"]["name"] or ""))
    by = {t: sorted((e.node for e in inc if e.rel.type == t), key=lambda n: n.id) for t in
          (Rel.RECORDED_AT, Rel.RAISED_AT, Rel.DECIDED_AT, Rel.CHAIRED, Rel.TOOK_MINUTES, Rel.DISCUSSED_AT)}
    recorded = by[Rel.RECORDED_AT]
    findings = [n for n in recorded if n.label == Label.FINDING]
    updates = [n for n in recorded if n.label == Label.UPDATE]
    updated_actions = _edges(store, [u.id for u in updates], [Rel.UPDATES], "out") if updates else {}
    raised = describe(store, [n.id for n in by[Rel.RAISED_AT]])
    upd = describe(store, sorted({e.node.id for v in updated_actions.values() for e in v}))
    items = [e.node for e in out if e.rel.type == Rel.HAS_ITEM]
    return {
        "meeting": node_dict(m),
        "board": node_dict(next((e.node for e in out if e.rel.type == Rel.OF_BOARD), None)),
        "chair": [node_dict(n) for n in by[Rel.CHAIRED]],
        "minute_taker": [node_dict(n) for n in by[Rel.TOOK_MINUTES]],
        "attendance": attendance,
        "items": sorted((node_dict(n) for n in items), key=lambda i: _ref_key(i.get("ref"))),  # type: ignore[union-attr]
        "findings": [node_dict(n) for n in findings],
        "actions_raised": sorted(raised.values(), key=lambda a: a["id"]),
        "actions_updated": sorted(upd.values(), key=lambda a: a["id"]),
        "decisions": [node_dict(n) for n in by[Rel.DECIDED_AT]],
        "discussed": [node_dict(n) for n in by[Rel.DISCUSSED_AT]],
        "next": [node_dict(e.node) for e in out if e.rel.type == Rel.NEXT],
        "previous": [node_dict(e.node) for e in inc if e.rel.type == Rel.NEXT],
    }


def _ref_key(ref: Any) -> tuple:
    parts = []
    for p in str(ref or "").replace("/", ".").split("."):
        parts.append((0, int(p), "") if p.isdigit() else (1, 0, p))
    return tuple(parts)


def person_detail(store: Store, person_id: str) -> dict[str, Any] | None:
    """A person: roles held with dates, meetings attended and chaired, actions owned
    (directly and through roles held at the time), findings stated, boards chaired."""
    p = _get(store, person_id)
    if p is None or p.label != Label.PERSON:
        return None
    out = _edges(store, [person_id], None, "out")[person_id]
    inc = _edges(store, [person_id], None, "in")[person_id]
    roles = [(e.node, e.rel.props) for e in out if e.rel.type == Rel.HELD]
    role_in = _edges(store, [r.id for r, _ in roles], [Rel.OWNED_BY, Rel.STATED_BY, Rel.CHAIRED_BY], "in") if roles else {}
    owned_ids = {e.node.id for e in inc if e.rel.type == Rel.OWNED_BY}
    stated_ids = {e.node.id for e in inc if e.rel.type == Rel.STATED_BY}
    boards = [e.node for e in inc if e.rel.type == Rel.CHAIRED_BY]
    for r, _ in roles:
        for e in role_in.get(r.id, []):
            if e.rel.type == Rel.OWNED_BY:
                owned_ids.add(e.node.id)
            elif e.rel.type == Rel.STATED_BY:
                stated_ids.add(e.node.id)
            else:
                boards.append(e.node)
    details = describe(store, sorted(owned_ids | stated_ids))

    def mine(d: dict[str, Any], key: str) -> bool:
        return any(x.get("id") == person_id for x in (d.get(key) or {}).get("people", []))

    actions = [d for i, d in details.items() if i in owned_ids and mine(d, "owner")]
    findings = [d for i, d in details.items() if i in stated_ids and mine(d, "speaker")]
    by_date = lambda d: ((d["meeting"] or {}).get("date") or "", d["id"])  # noqa: E731
    return {
        "person": node_dict(p),
        "roles": sorted(({"role": node_dict(r), "from": props.get("from"), "to": props.get("to")} for r, props in roles),
                        key=lambda x: (x["from"] or "", x["role"]["id"])),
        "attended": sorted(({"meeting": node_dict(e.node), "attendance": e.rel.props.get("attendance")}
                            for e in out if e.rel.type == Rel.ATTENDED), key=lambda x: x["meeting"].get("date") or ""),
        "chaired": sorted((node_dict(e.node) for e in out if e.rel.type == Rel.CHAIRED),
                          key=lambda m: m.get("date") or ""),  # type: ignore[union-attr]
        "actions": sorted(actions, key=by_date),
        "open_actions": sorted((a for a in actions if a["status"] != "complete"), key=by_date),
        "findings": sorted(findings, key=by_date),
        "boards_chaired": sorted({b.id: node_dict(b) for b in boards}.values(), key=lambda b: b["id"]),  # type: ignore[index]
    }


def board_detail(store: Store, board_id: str) -> dict[str, Any] | None:
    """A board: its meetings in date order, its chair, and what mentions it."""
    b = _get(store, board_id)
    if b is None or b.label != Label.BOARD:
        return None
    inc = _edges(store, [board_id], None, "in")[board_id]
    out = _edges(store, [board_id], None, "out")[board_id]
    return {
        "board": node_dict(b),
        "meetings": sorted((node_dict(e.node) for e in inc if e.rel.type == Rel.OF_BOARD),
                           key=lambda m: (m.get("date") or "", m["id"])),  # type: ignore[union-attr]
        "chair": [node_dict(e.node) for e in out if e.rel.type == Rel.CHAIRED_BY],
        "mentioned_by": [node_dict(e.node) for e in inc if e.rel.type == Rel.MENTIONS],
    }


# -- lists and single records for the API ----------------------------------------------
# Each list returns ``(total, page)``: the filtered total and one page of rows, with
# only the page's rows enriched (one batched round trip per kind of detail).


def _slice(rows: list, limit: int | None, offset: int) -> list:
    return rows[offset:None if limit is None else offset + limit]


def _first(edges: Iterable[Edge]) -> NodeRec | None:
    return next((e.node for e in edges), None)


def find_board(store: Store, board: str) -> NodeRec | None:
    """A board by id, or by name (exact first, then ignoring case)."""
    n = _get(store, board)
    if n is not None and n.label == Label.BOARD:
        return n
    exact = _find(store, Label.BOARD, {"name": board}, limit=1)
    if exact:
        return exact[0]
    want = board.casefold()
    return next((b for b in _find(store, Label.BOARD) if str(b.props.get("name") or "").casefold() == want), None)


def meeting_list(store: Store, board: str | None = None, limit: int | None = None,
                 offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """Meetings in date order, each with its board; ``board`` (id or name) filters."""
    if board:
        b = find_board(store, board)
        if b is None:
            return 0, []
        meetings = [e.node for e in _edges(store, [b.id], [Rel.OF_BOARD], "in")[b.id]]
    else:
        meetings = _find(store, Label.MEETING)
    meetings.sort(key=lambda m: (_date(m), m.id))
    page = _slice(meetings, limit, offset)
    boards = _edges(store, [m.id for m in page], [Rel.OF_BOARD], "out") if page else {}
    return len(meetings), [{"meeting": node_dict(m), "board": node_dict(_first(boards.get(m.id, [])))}
                           for m in page]


def recommendation_list(store: Store, report: str | None = None, theme: str | None = None,
                        evidence: str | None = None, limit: int | None = None,
                        offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """Recommendations with their report and how many findings and actions answer them.

    ``report`` matches the report's id or title and ``theme`` the theme (both ignoring
    case); ``evidence`` is ``answered`` (at least one finding or action answers it) or
    ``unanswered``. Ordered by report title, then ref.
    """
    recs = _find(store, Label.RECOMMENDATION)
    ids = [r.id for r in recs]
    issued = _edges(store, ids, [Rel.ISSUED_IN], "out") if ids else {}
    answering = _edges(store, ids, [Rel.ANSWERS], "in") if ids else {}
    keyed: list[tuple[tuple, dict[str, Any]]] = []
    for r in recs:
        rpt = _first(issued.get(r.id, []))
        if report and not (rpt and (report == rpt.id or report.casefold() == str(rpt.props.get("title") or "").casefold())):
            continue
        if theme and theme.casefold() != str(r.props.get("theme") or "").casefold():
            continue
        labels = [e.node.label for e in answering.get(r.id, [])]
        n_findings, n_actions = labels.count(Label.FINDING), labels.count(Label.ACTION)
        answered = bool(n_findings or n_actions)
        if (evidence == "answered" and not answered) or (evidence == "unanswered" and answered):
            continue
        key = (str(rpt.props.get("title") or "") if rpt else "", _ref_key(r.props.get("ref")), r.id)
        keyed.append((key, {"recommendation": node_dict(r), "report": node_dict(rpt), "findings": n_findings,
                            "actions": n_actions, "answered": answered}))
    keyed.sort(key=lambda kv: kv[0])
    return len(keyed), [row for _, row in _slice(keyed, limit, offset)]


def person_list(store: Store, limit: int | None = None, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """People by name, each with the roles they held (and when)."""
    people = sorted(_find(store, Label.PERSON), key=lambda p: (str(p.props.get("name") or "").casefold(), p.id))
    page = _slice(people, limit, offset)
    held = _edges(store, [p.id for p in page], [Rel.HELD], "out") if page else {}
    rows = []
    for p in page:
        tenures = sorted(held.get(p.id, []), key=lambda e: (str(e.rel.props.get("from") or ""), e.node.id))
        rows.append({"person": node_dict(p), "roles": [
            {"role": node_dict(e.node), "from": e.rel.props.get("from"), "to": e.rel.props.get("to")} for e in tenures]})
    return len(people), rows


def board_list(store: Store, limit: int | None = None, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """Boards by name, each with its number of meetings and its chair."""
    boards = sorted(_find(store, Label.BOARD), key=lambda b: (str(b.props.get("name") or "").casefold(), b.id))
    page = _slice(boards, limit, offset)
    ids = [b.id for b in page]
    meetings = _edges(store, ids, [Rel.OF_BOARD], "in") if ids else {}
    chairs = _edges(store, ids, [Rel.CHAIRED_BY], "out") if ids else {}
    return len(boards), [{"board": node_dict(b), "meetings": len(meetings.get(b.id, [])),
                          "chair": [node_dict(e.node) for e in chairs.get(b.id, [])]} for b in page]


def finding_detail(store: Store, finding_id: str) -> dict[str, Any] | None:
    """A finding: what it answers, where and by whom (role and person) it was stated, its evidence."""
    d = describe(store, [finding_id]).get(finding_id)
    return d if d is not None and d["kind"] == Label.FINDING else None


def action_detail(store: Store, action_id: str) -> dict[str, Any] | None:
    """An action: owner (role and person), current status, updates at later meetings, evidence."""
    d = describe(store, [action_id]).get(action_id)
    return d if d is not None and d["kind"] == Label.ACTION else None


def document_list(store: Store, limit: int | None = None, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """Loaded documents by source name, then sha256."""
    docs = sorted(store.documents(), key=lambda d: (str(d.props.get("source") or ""), str(d.props.get("sha256") or "")))
    return len(docs), [node_dict(d) for d in _slice(docs, limit, offset)]  # type: ignore[misc]


def document_by_sha(store: Store, sha256: str) -> dict[str, Any] | None:
    """One loaded document, by the sha256 of its bytes."""
    found = _find(store, Label.DOCUMENT, {"sha256": sha256}, limit=1)
    return node_dict(found[0]) if found else None
