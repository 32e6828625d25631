"""Boards and meetings: the spine other documents attach to.

A meeting's id is its board and its month, so "the June 2018 meeting" that the July
minutes refer to and the June minutes themselves meet in one node, whichever is
loaded first. References make *placeholder* meetings that carry only what the
referring document knows (board, month; for the announced next meeting also date,
time and venue); the minutes, when they come, fill them in (the store's merge rule
keeps the fuller value, so "2018-06" gives way to "2018-06-26").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govgraph.graph.model import Label, Rel, make_id, normalise_key

from .batch import BatchBuilder

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
_MONTH_YEAR = re.compile(r"\b(" + "|".join(_MONTHS) + r"|sept?|jan|feb|mar|apr|jun|jul|aug|oct|nov|dec)\w*\s+(\d{4})\b",
                         re.IGNORECASE)
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})")

# Meeting kinds, most specific first: an "Assurance Meeting – Performance meeting" is a performance meeting.
_KINDS = [
    ("holding to account", "holding to account"),
    ("performance", "performance"),
    ("assurance", "assurance"),
    ("extraordinary", "extraordinary"),
    ("annual", "annual"),
    ("scrutiny", "scrutiny"),
    ("audit", "audit"),
]


def month_of(value: str | None) -> str | None:
    """ "2018-07-31" or "2018-07" -> "2018-07"; "the July 2018 meeting" -> "2018-07".

    >>> month_of("2018-07-31"), month_of("June 2018"), month_of(None)
    ('2018-07', '2018-06', None)
    """
    if not value:
        return None
    m = _ISO_MONTH.match(value.strip())
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{m.group(1)}-{m.group(2)}"
    m = _MONTH_YEAR.search(value)
    if m:
        word = m.group(1).lower()
        month = next(n for name, n in _MONTHS.items() if name.startswith(word[:3]))
        return f"{m.group(2)}-{month:02d}"
    return None


def body_from_title(title: str | None) -> str | None:
    """The board a title names, for extractions that give no body: what precedes the
    month ("Monthly Assurance Meeting July 2018 – Meeting Notes"), else what precedes a dash.

    >>> body_from_title("Monthly Assurance Meeting August 2018 – Performance meeting")
    'Monthly Assurance Meeting'
    >>> body_from_title("Audit Committee – Minutes")
    'Audit Committee'
    """
    if not title:
        return None
    m = _MONTH_YEAR.search(title)
    head = title[:m.start()] if m else re.split(r"\s+[–—-]\s+", title, maxsplit=1)[0]
    head = head.strip(" ,:–—-")
    return head or None


def kind_of(*texts: str | None) -> str | None:
    """The meeting kind a title or a "next meeting type" names (None when none does)."""
    for text in texts:
        key = normalise_key(text)
        for needle, kind in _KINDS:
            if needle in key:
                return kind
    return None


def is_fire_context(*texts: str | None) -> bool:
    return any("fire" in normalise_key(t).split() for t in texts if t)


@dataclass
class MeetingRef:
    id: str
    month: str | None


class MeetingResolver:
    """The board of one document and the meetings (its own and referenced) of that board."""

    def __init__(self, b: BatchBuilder, body: str, sha256: str) -> None:
        self.b = b
        self.body = body
        self.board_key = normalise_key(body)
        self.board_id = make_id(Label.BOARD, self.board_key)
        self.sha256 = sha256
        b.node(Label.BOARD, self.board_id, {"name": body})

    def meeting_id(self, month: str | None) -> str:
        if month is None:  # undated minutes are their own meeting
            return make_id(Label.MEETING, self.board_key, "undated", self.sha256)
        return make_id(Label.MEETING, self.board_key, month)

    def meeting(self, month: str | None, props: dict, evidence: dict | None = None) -> MeetingRef:
        """This board's meeting of a month, with what this document knows about it."""
        mid = self.meeting_id(month)
        self.b.node(Label.MEETING, mid, {"board": self.board_id, "body": self.body, **props}, evidence)
        self.b.rel(Rel.OF_BOARD, mid, self.board_id)
        return MeetingRef(mid, month)

    def placeholder(self, month: str) -> MeetingRef:
        """A meeting only referred to ("Action arising from the June 2018 meeting")."""
        return self.meeting(month, {"date": month})

    def next_meeting(self, this: MeetingRef, nxt: dict | None) -> MeetingRef | None:
        """The announced next meeting, linked by ``NEXT`` (only when its month is known)."""
        if not isinstance(nxt, dict):
            return None
        month = month_of(nxt.get("date"))
        if month is None or month == this.month:
            return None
        ref = self.meeting(month, {
            "date": nxt.get("date"),
            "time": nxt.get("time"),
            "venue": nxt.get("venue"),
            "kind": kind_of(nxt.get("type")),
        }, nxt.get("evidence"))
        self.b.rel(Rel.NEXT, this.id, ref.id)
        return ref
