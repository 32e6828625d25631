"""What was discussed: agenda items, reports and their recommendations, questions,
findings, decisions, and the bodies the minutes mention.

Records point at each other with the extraction's local ids ("answers": "r3");
``Context.local`` maps those to graph ids. Ids follow docs/graph-shape.md: a
recommendation is its report and ref (so it is one node across meetings); a finding,
question or decision belongs to one meeting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from govgraph.graph.model import Label, Rel, make_id, normalise_key

from .batch import BatchBuilder, record_evidence
from .meetings import MeetingRef, MeetingResolver
from .people import Attendance, Party

# Report titles often carry the inspectorate: "HMICFRS PEEL Effectiveness 2017" and
# "PEEL Effectiveness 2017" are one report, issued by HMICFRS.
_ISSUERS = ["HMICFRS", "HMIC", "HMIP", "HMICS", "HMI Probation", "CQC", "Ofsted", "NAO", "Audit Scotland",
            "Internal Audit", "External Audit"]
_ISSUER = re.compile(r"^\s*(" + "|".join(re.escape(i) for i in sorted(_ISSUERS, key=len, reverse=True))
                     + r")\b[\s:–-]*", re.IGNORECASE)
_PAREN = re.compile(r"\(([^)]*)\)")


@dataclass
class Context:
    """What every record of one document resolves against."""

    b: BatchBuilder
    meetings: MeetingResolver
    meeting: MeetingRef
    attendance: Attendance
    date: str | None
    local: dict[str, str] = field(default_factory=dict)  # extraction record id -> graph id
    mentionable: list[tuple[str, list[str], dict | None]] = field(default_factory=list)  # board id, names, span

    def link_parties(self, rel: Rel, src: str, parties: list[Party], evidence: dict | None = None) -> None:
        """Link a record to the roles and people it names; the record's words also state
        them (a role only named in "chaired by the ACC" is evidenced by that sentence)."""
        for p in parties:
            if p.label == Label.ROLE and p.role is not None:
                self.b.node(Label.ROLE, p.id, {"abbr": p.role.abbr, "title": p.role.title,
                                               "scope": self.meetings.board_key}, evidence)
            else:
                self.b.node(Label.PERSON, p.id, {"name": p.name}, evidence)
            self.b.rel(rel, src, p.id)

    def answers(self, src: str, record: dict) -> None:
        refs = record.get("answers")
        for ref in refs if isinstance(refs, list) else [refs]:
            target = self.local.get(str(ref)) if ref is not None else None
            if target is not None:
                self.b.rel(Rel.ANSWERS, src, target)

    def mentions(self, src: str, text: str, evidence: dict | None) -> None:
        """``MENTIONS`` each mentioned body whose name is in the text (or whose span is inside it)."""
        padded = f" {normalise_key(text)} "
        for board_id, names, span in self.mentionable:
            inside = (isinstance(evidence, dict) and isinstance(span, dict)
                      and _within(span, evidence))
            if inside or any(f" {n} " in padded for n in names):
                self.b.rel(Rel.MENTIONS, src, board_id)


def _within(inner: dict, outer: dict) -> bool:
    try:
        return int(outer["start"]) <= int(inner["start"]) and int(inner["end"]) <= int(outer["end"])
    except (KeyError, TypeError, ValueError):
        return False


def _text(record: dict, key: str = "text") -> str | None:
    value = record.get(key)
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def items(ctx: Context, records: list[dict]) -> None:
    """Agenda items; a sub-item hangs from its parent, top-level items from the meeting."""
    ids: dict[str, str] = {}
    placed: list[tuple[str, str | None]] = []  # (item id, parent ref)
    for rec in records:
        ref, title = _text(rec, "ref"), _text(rec, "title")
        if not (ref or title):
            continue
        iid = make_id(Label.AGENDA_ITEM, ctx.meeting.id, ref or title)
        ctx.b.node(Label.AGENDA_ITEM, iid, {"ref": ref, "title": title, "parent_ref": _text(rec, "parent_ref")},
                   record_evidence(rec))
        if ref:
            ids.setdefault(ref, iid)
        placed.append((iid, _text(rec, "parent_ref")))
    for iid, parent_ref in placed:
        parent = ids.get(parent_ref or "")
        ctx.b.rel(Rel.HAS_ITEM, parent if parent and parent != iid else ctx.meeting.id, iid)


def report(ctx: Context, title: str | None) -> str | None:
    """The report a recommendation comes from, with its issuer when the title names one."""
    if not title:
        return None
    m = _ISSUER.match(title)
    issuer = m.group(1) if m else None
    key = title[m.end():] if m and title[m.end():].strip() else title
    rid = make_id(Label.REPORT, key)
    ctx.b.node(Label.REPORT, rid, {"title": title, "issuer": issuer})
    if issuer:
        oid = make_id(Label.ORGANISATION, issuer)
        ctx.b.node(Label.ORGANISATION, oid, {"name": issuer})
        ctx.b.rel(Rel.ISSUED_BY, rid, oid)
    return rid


def recommendations(ctx: Context, records: list[dict]) -> None:
    for rec in records:
        text, ref = _text(rec), _text(rec, "ref")
        if not (text or ref):
            continue
        rid = report(ctx, _text(rec, "source"))
        nid = make_id(Label.RECOMMENDATION, rid or "", ref or text) if rid else make_id(
            Label.RECOMMENDATION, "", text or ref)
        ctx.b.node(Label.RECOMMENDATION, nid, {"ref": ref, "text": text, "theme": _text(rec, "theme")},
                   record_evidence(rec))
        if rid:
            ctx.b.rel(Rel.ISSUED_IN, nid, rid)
        ctx.b.rel(Rel.DISCUSSED_AT, nid, ctx.meeting.id)
        if rec.get("id") is not None:
            ctx.local[str(rec["id"])] = nid


def questions(ctx: Context, records: list[dict]) -> None:
    for rec in records:
        text = _text(rec)
        if not text:
            continue
        qid = make_id(Label.QUESTION, ctx.meeting.id, _text(rec, "item_ref") or "", _text(rec, "ref") or "", text)
        evidence = record_evidence(rec)
        ctx.b.node(Label.QUESTION, qid, {"ref": _text(rec, "ref"), "text": text, "source": _text(rec, "source")},
                   evidence)
        ctx.b.rel(Rel.DISCUSSED_AT, qid, ctx.meeting.id)
        ctx.link_parties(Rel.ASKED_BY, qid, ctx.attendance.parties(_text(rec, "asked_by"), with_holder=True),
                         evidence)
        ctx.link_parties(Rel.ASKED_OF, qid, ctx.attendance.parties(_text(rec, "asked_of"), with_holder=True),
                         evidence)
        if rec.get("id") is not None:
            ctx.local[str(rec["id"])] = qid


def findings(ctx: Context, records: list[dict]) -> None:
    """Findings: what was said, in answer to what, by which role (and, when this
    attendance names the role's holder, by which person)."""
    for rec in records:
        text = _text(rec)
        if not text:
            continue
        fid = make_id(Label.FINDING, ctx.meeting.id, text)
        evidence = record_evidence(rec)
        ctx.b.node(Label.FINDING, fid, {"text": text, "speaker": _text(rec, "speaker")}, evidence)
        ctx.b.rel(Rel.RECORDED_AT, fid, ctx.meeting.id)
        ctx.answers(fid, rec)
        ctx.link_parties(Rel.STATED_BY, fid, ctx.attendance.parties(_text(rec, "speaker"), with_holder=True),
                         evidence)
        ctx.mentions(fid, text, rec.get("evidence"))
        if rec.get("id") is not None:
            ctx.local[str(rec["id"])] = fid


def decisions(ctx: Context, records: list[dict]) -> None:
    for rec in records:
        text = _text(rec)
        if not text:
            continue
        did = make_id(Label.DECISION, ctx.meeting.id, text)
        ctx.b.node(Label.DECISION, did, {"text": text}, record_evidence(rec))
        ctx.b.rel(Rel.DECIDED_AT, did, ctx.meeting.id)


def bodies(ctx: Context, records: list[dict]) -> None:
    """Boards, groups and teams the minutes mention, with who chairs them when stated.

    Must run before findings and actions, which link to them with ``MENTIONS``.
    """
    for rec in records:
        name = _text(rec, "name")
        if not name:
            continue
        bid = make_id(Label.BOARD, name)
        evidence = record_evidence(rec)
        ctx.b.node(Label.BOARD, bid, {"name": name}, evidence)
        ctx.link_parties(Rel.CHAIRED_BY, bid, ctx.attendance.parties(_text(rec, "chair")), evidence)
        ctx.mentionable.append((bid, _name_variants(name), rec.get("evidence")))


def _name_variants(name: str) -> list[str]:
    """ "Serious Organised Crime Joint Action Groups (SOCJAGs)" is also written without
    the bracket, or as the bracketed short form alone."""
    variants = {normalise_key(name), normalise_key(_PAREN.sub(" ", name))}
    variants |= {normalise_key(m) for m in _PAREN.findall(name)}
    return sorted(v for v in variants if len(v) >= 4)
