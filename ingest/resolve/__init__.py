"""Resolution: one ``govgraph.extraction/1`` object -> one document's ``GraphBatch``.

Stable ids (``model.make_id``) from what things are; people <-> roles through the
document's own attendance list; links to earlier and later meetings through
placeholder meetings that other documents fill in. The graph built is the one in
docs/graph-shape.md. Nothing here reads a store: a batch depends only on its
document, which is what lets documents load in any order and give one graph.

>>> batch = resolve({"schema": "govgraph.extraction/1",
...                  "document": {"source": "m.txt", "sha256": "ab" * 32, "format": "txt"},
...                  "meeting": {"title": "Board June 2018", "body": "Board", "date": "2018-06-26"}})
>>> sorted(n.label for n in batch.nodes), batch.document.props["source"]
(['Board', 'Meeting'], 'm.txt')
"""

from __future__ import annotations

import hashlib
import json

from govgraph.graph.model import GraphBatch, Label, Rel, make_id

from . import actions as _actions
from . import records as _records
from .batch import BatchBuilder, document_node, record_evidence
from .meetings import MeetingResolver, body_from_title, is_fire_context, kind_of, month_of
from .people import Attendance

SCHEMA = "govgraph.extraction/1"


class ResolveError(ValueError):
    """The extraction object cannot be resolved (wrong schema, not an object)."""


def resolve(extraction: dict, ingested_at: str | None = None) -> GraphBatch:
    """The nodes and relationships one extracted document contributes.

    ``ingested_at`` (ISO timestamp) goes on the Document node only; it is left out of
    ids and of the store digest. A record without ``evidence`` (hand-written gold files)
    gets no ``EVIDENCED_BY``; a document without a ``sha256`` is identified by a hash of
    its extraction.
    """
    if not isinstance(extraction, dict):
        raise ResolveError(f"an extraction must be a JSON object, not {type(extraction).__name__}")
    schema = extraction.get("schema", SCHEMA)
    if schema != SCHEMA:
        raise ResolveError(f"unsupported extraction schema {schema!r} (expected {SCHEMA!r})")
    doc = _dict(extraction.get("document"))
    meeting = _dict(extraction.get("meeting"))
    sha = doc.get("sha256") or _content_sha(extraction)
    title = _clean(meeting.get("title"))

    b = BatchBuilder(document_node(sha, {
        "source": doc.get("source"), "format": doc.get("format"), "title": title, "ingested_at": ingested_at,
    }))
    body = _clean(meeting.get("body")) or body_from_title(title)
    if body is None:
        # Nothing says which board met: keep this document's meeting to itself rather
        # than merge it with every other unidentified meeting of the same month.
        body = f"Unknown board ({_clean(doc.get('source')) or sha[:12]})"
    meetings = MeetingResolver(b, body, sha)
    date = _clean(meeting.get("date"))
    month = month_of(date) or month_of(title)
    this = meetings.meeting(month, {
        "date": date or month,
        "time": _clean(meeting.get("time")),
        "venue": _clean(meeting.get("venue")),
        "title": title,
        "kind": kind_of(title),
    }, meeting.get("evidence"))

    fire = is_fire_context(body, title)
    chair = extraction.get("chair") if isinstance(extraction.get("chair"), str) else None
    attendance = Attendance(_list(extraction, "participants"), meetings.board_key, fire, chair=chair)
    # Tenures and updates are dated by the meeting: its full date, else its month.
    ctx = _records.Context(b, meetings, this, attendance, date if month_of(date) else month)

    _people(ctx, extraction)
    refs = extraction.get("previous_meeting_refs")
    for ref in refs if isinstance(refs, list) else []:
        prev = month_of(ref) if isinstance(ref, str) else None
        if prev and prev != this.month:
            meetings.placeholder(prev)
    meetings.next_meeting(this, _dict(extraction.get("next_meeting")) or None)

    _records.items(ctx, _list(extraction, "items"))
    _records.bodies(ctx, _list(extraction, "bodies_mentioned"))
    _records.recommendations(ctx, _list(extraction, "recommendations"))
    _records.questions(ctx, _list(extraction, "questions"))
    _records.findings(ctx, _list(extraction, "findings"))
    _actions.actions(ctx, _list(extraction, "actions"))
    _records.decisions(ctx, _list(extraction, "decisions"))
    return b.build()


def _people(ctx: _records.Context, extraction: dict) -> None:
    """Attendance: who was there in which capacity, the roles they held, the chair and minute taker."""
    b, mid = ctx.b, ctx.meeting.id
    for a in ctx.attendance.attendees:
        evidence = record_evidence(a.record)
        b.node(Label.PERSON, a.person_id, {"name": a.name}, evidence)
        b.rel(Rel.ATTENDED, a.person_id, mid, {"attendance": a.attendance, "capacity": a.capacity})
        if a.role is None:
            continue
        rid = ctx.attendance.role_id(a.role)
        b.node(Label.ROLE, rid, {"abbr": a.role.abbr, "title": a.role.title, "scope": ctx.meetings.board_key,
                                 "organisation": a.organisation}, evidence)
        b.rel(Rel.HELD, a.person_id, rid, {"from": ctx.date, "to": ctx.date})
        if a.organisation:
            oid = make_id(Label.ORGANISATION, a.organisation)
            b.node(Label.ORGANISATION, oid, {"name": a.organisation}, evidence)
            b.rel(Rel.OF, rid, oid)
    for key, rel in (("chair", Rel.CHAIRED), ("minute_taker", Rel.TOOK_MINUTES)):
        value = extraction.get(key)
        person = ctx.attendance.person(value if isinstance(value, str) else None)
        if person is not None:
            b.node(Label.PERSON, person.id, {"name": person.name})
            b.rel(rel, person.id, mid)


def _list(extraction: dict, key: str) -> list[dict]:
    """The records of one kind (anything that is not a JSON object is ignored)."""
    value = extraction.get(key)
    return [r for r in value if isinstance(r, dict)] if isinstance(value, list) else []


def _dict(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _content_sha(extraction: dict) -> str:
    """An id for a document known only by its extraction (no sha256 given)."""
    text = json.dumps(extraction, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


__all__ = ["SCHEMA", "ResolveError", "resolve"]
