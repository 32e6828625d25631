"""Actions and their updates, across meetings.

An action's id is its board, the month it was raised and its text, so the July minutes'
"Action arising from the June 2018 meeting: CC to provide an update on knife crime…"
is the very action the June minutes raised. What changes over time (status, the
update's words) never goes into an id: each meeting that reports on an action adds an
``Update`` (id: action + meeting) carrying that meeting's status and words; the
action's current status is worked out at query time from all its updates.
"""

from __future__ import annotations

from govgraph.graph.model import Label, Rel, make_id

from .batch import record_evidence
from .meetings import MeetingRef, month_of
from .records import Context, _text

# The status an action has when it is raised; later statuses live on its updates.
RAISED_STATUS = "open"
_STATUSES = {"open", "updated", "complete"}


def action_id(board_key: str, raised: MeetingRef, text: str) -> str:
    """The id of an action: board, month raised and text (never its status).

    >>> action_id("b", MeetingRef("m", "2018-06"), "x") == make_id("Action", "b", "2018-06", "x")
    True
    """
    return make_id(Label.ACTION, board_key, raised.month or raised.id, text)


def actions(ctx: Context, records: list[dict]) -> None:
    for rec in records:
        text = _text(rec)
        if not text:
            continue
        raised_month = month_of(rec.get("raised_at") if isinstance(rec.get("raised_at"), str) else None)
        carried = raised_month is not None and raised_month != ctx.meeting.month
        raised = ctx.meetings.placeholder(raised_month) if carried and raised_month else ctx.meeting
        aid = action_id(ctx.meetings.board_key, raised, text)
        evidence = record_evidence(rec)
        owner = _text(rec, "owner")
        ctx.b.node(Label.ACTION, aid, {"text": text, "status": RAISED_STATUS, "owner": owner,
                                       "due": _text(rec, "due")}, evidence)
        ctx.b.rel(Rel.RAISED_AT, aid, raised.id)
        ctx.link_parties(Rel.OWNED_BY, aid, ctx.attendance.parties(owner), evidence)
        ctx.answers(aid, rec)
        ctx.mentions(aid, text, rec.get("evidence"))
        _update(ctx, aid, rec, carried, evidence)
        if rec.get("id") is not None:
            ctx.local[str(rec["id"])] = aid


def _update(ctx: Context, aid: str, rec: dict, carried: bool, evidence: dict | None) -> None:
    """What this meeting recorded about an action: always for one carried from an earlier
    meeting, and for a new one only when the minutes already report progress on it."""
    words = _text(rec, "update")
    status = rec.get("status") if rec.get("status") in _STATUSES else None
    if not carried and not words and status in (None, RAISED_STATUS):
        return
    if status is None:
        status = "updated" if words else RAISED_STATUS
    uid = make_id(Label.UPDATE, aid, ctx.meeting.id)
    ctx.b.node(Label.UPDATE, uid, {"text": words, "status": status, "date": ctx.date}, evidence)
    ctx.b.rel(Rel.UPDATES, uid, aid)
    ctx.b.rel(Rel.RECORDED_AT, uid, ctx.meeting.id)
