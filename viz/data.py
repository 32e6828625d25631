"""What the board and role views need beyond ``graph.queries``, in a fixed number of
batched store round trips (never one per meeting or per action).

Shaped like the dicts ``graph.queries`` returns (``node_dict`` nodes), so the builders in
``viz.build`` read them the same way.
"""

from __future__ import annotations

from typing import Any

from govgraph.graph.model import Label, Rel
from govgraph.graph.queries import action_status, board_detail, describe, node_dict
from govgraph.graph.store import Store


def _date(n: Any) -> str:
    return str((n.props.get("date") if n is not None else None) or "")


def board_timeline(store: Store, board_id: str, people: bool = False) -> dict[str, Any] | None:
    """A board's meetings in date order, the NEXT links between them, and each action
    carried from the meeting that raised it to the later meetings that updated it.

    With ``people``, also who attended and chaired each meeting. ``carried`` rows are
    ``{"action", "from", "to", "status"}``: one per step (raised -> first update -> next
    update ...), so an action that ran June -> July -> September draws two edges.
    """
    detail = board_detail(store, board_id)
    if detail is None:
        return None
    meetings = detail["meetings"]
    mids = [m["id"] for m in meetings]
    by_id = {m["id"]: m for m in meetings}
    inside = set(mids)
    out: dict[str, Any] = {"board": detail["board"], "meetings": meetings, "next": [], "carried": [],
                           "attendance": [], "chairs": [], "board_chairs": detail["chair"]}
    if not mids:
        return out
    nxt = store.edges(mids, [Rel.NEXT], "out")
    out["next"] = sorted({(m, e.node.id) for m, es in nxt.items() for e in es if e.node.id in inside})
    raised = store.edges(mids, [Rel.RAISED_AT], "in")
    action_ids = sorted({e.node.id for es in raised.values() for e in es if e.node.label == Label.ACTION})
    ups = store.edges(action_ids, [Rel.UPDATES], "in") if action_ids else {}
    upd_ids = sorted({e.node.id for es in ups.values() for e in es})
    where = store.edges(upd_ids, [Rel.RECORDED_AT], "out") if upd_ids else {}
    for mid, es in raised.items():
        for e in es:
            if e.node.label != Label.ACTION:
                continue
            action = e.node
            steps = []
            for u in ups.get(action.id, []):
                m = next((x.node for x in where.get(u.node.id, []) if x.rel.type == Rel.RECORDED_AT), None)
                if m is not None and m.id != mid:
                    steps.append((_date(m), m.id, u.node, m))
            steps.sort(key=lambda s: (s[0], s[1]))
            status = action_status(action, [(u, m) for _, _, u, m in steps])
            prev = by_id[mid]
            for _, _, u, m in steps:
                here = node_dict(m)
                out["carried"].append({"action": node_dict(action), "from": prev, "to": here,
                                       "update": node_dict(u), "status": status})
                prev = here
    out["carried"].sort(key=lambda c: (c["from"].get("date") or "", c["to"].get("date") or "", c["action"]["id"]))
    if people:
        inc = store.edges(mids, [Rel.ATTENDED, Rel.CHAIRED], "in")
        for mid in mids:
            for e in inc.get(mid, []):
                row = {"person": node_dict(e.node), "meeting": mid}
                if e.rel.type == Rel.CHAIRED:
                    out["chairs"].append(row)
                else:
                    out["attendance"].append({**row, "attendance": e.rel.props.get("attendance")})
    return out


def role_detail(store: Store, role_id: str) -> dict[str, Any] | None:
    """A role: who held it (with dates), its organisation, the boards it chairs, the actions
    it owns and the findings it stated (as ``describe`` gives them), in date order."""
    r = store.get(role_id)
    if r is None or r.label != Label.ROLE:
        return None
    inc = store.edges([role_id], [Rel.HELD, Rel.OWNED_BY, Rel.STATED_BY, Rel.CHAIRED_BY], "in")[role_id]
    out = store.edges([role_id], [Rel.OF], "out")[role_id]
    ids = sorted({e.node.id for e in inc if e.rel.type in (Rel.OWNED_BY, Rel.STATED_BY)})
    details = describe(store, ids)

    def by_date(d: dict[str, Any]) -> tuple[str, str]:
        return ((d["meeting"] or {}).get("date") or "", d["id"])

    return {
        "role": node_dict(r),
        "organisations": [node_dict(e.node) for e in out],
        "holders": sorted(({"person": node_dict(e.node), "from": e.rel.props.get("from"), "to": e.rel.props.get("to")}
                           for e in inc if e.rel.type == Rel.HELD), key=lambda h: (h["from"] or "", h["person"]["id"])),
        "boards_chaired": sorted((node_dict(e.node) for e in inc if e.rel.type == Rel.CHAIRED_BY),
                                 key=lambda b: b["id"]),  # type: ignore[index]
        "actions": sorted((d for d in details.values() if d["kind"] == Label.ACTION), key=by_date),
        "findings": sorted((d for d in details.values() if d["kind"] == Label.FINDING), key=by_date),
    }
