"""What a valid ``govgraph.extraction/1`` object is (../shared/EXTRACTION.md), as a checker.

``problems(extraction, text)`` lists everything wrong with an extraction of ``text``:
missing keys, wrong types, values outside their vocabularies, and evidence spans that
are outside the text or whose quote is not exactly ``text[start:end]``.
"""

from __future__ import annotations

import re
from typing import Any

STR_OR_NONE = (str, type(None))
ISO_DATE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")
MONTH = re.compile(r"^\d{4}-\d{2}$")

# record list -> {key: allowed types}
RECORDS: dict[str, dict[str, tuple[type, ...]]] = {
    "participants": {"name": (str,), "role": STR_OR_NONE, "role_abbr": STR_OR_NONE,
                     "organisation": STR_OR_NONE, "attendance": STR_OR_NONE},
    "items": {"ref": STR_OR_NONE, "title": STR_OR_NONE, "parent_ref": STR_OR_NONE},
    "actions": {"text": (str,), "owner": STR_OR_NONE, "status": STR_OR_NONE, "update": STR_OR_NONE,
                "raised_at": STR_OR_NONE, "item_ref": STR_OR_NONE, "answers": STR_OR_NONE},
    "decisions": {"text": (str,), "item_ref": STR_OR_NONE},
    "recommendations": {"ref": STR_OR_NONE, "text": STR_OR_NONE, "source": STR_OR_NONE,
                        "theme": STR_OR_NONE, "item_ref": STR_OR_NONE},
    "questions": {"ref": STR_OR_NONE, "text": STR_OR_NONE, "asked_by": STR_OR_NONE,
                  "asked_of": STR_OR_NONE, "source": STR_OR_NONE, "item_ref": STR_OR_NONE},
    "findings": {"text": (str,), "answers": STR_OR_NONE, "speaker": STR_OR_NONE, "item_ref": STR_OR_NONE},
    "bodies_mentioned": {"name": (str,), "chair": STR_OR_NONE},
}
MEETING = {"title": STR_OR_NONE, "body": STR_OR_NONE, "date": STR_OR_NONE, "time": STR_OR_NONE,
           "venue": STR_OR_NONE}
VOCAB = {("participants", "attendance"): {"present", "apologies", "in_attendance", None},
         ("actions", "status"): {"open", "updated", "complete", None}}


def evidence_problems(ev: Any, text: str, where: str) -> list[str]:
    if not isinstance(ev, dict):
        return [f"{where}: evidence is {type(ev).__name__}, not an object"]
    start, end, quote = ev.get("start"), ev.get("end"), ev.get("quote")
    if not (type(start) is int and type(end) is int and isinstance(quote, str)):
        return [f"{where}: evidence {ev!r} has wrong types"]
    if not 0 <= start <= end <= len(text):
        return [f"{where}: evidence [{start}:{end}] outside the text (length {len(text)})"]
    if text[start:end] != quote:
        return [f"{where}: evidence quote {quote!r} != text[{start}:{end}] {text[start:end]!r}"]
    return []


def problems(x: Any, text: str) -> list[str]:
    if not isinstance(x, dict):
        return [f"extraction is {type(x).__name__}"]
    out: list[str] = []
    if x.get("schema") != "govgraph.extraction/1":
        out.append(f"schema is {x.get('schema')!r}")
    doc = x.get("document")
    if not isinstance(doc, dict) or not {"source", "sha256", "format"} <= set(doc):
        out.append(f"document is {doc!r}")
    meeting = x.get("meeting")
    if not isinstance(meeting, dict):
        out.append(f"meeting is {type(meeting).__name__}")
    else:
        for k, types in MEETING.items():
            if k not in meeting or not isinstance(meeting[k], types):
                out.append(f"meeting.{k} is {meeting.get(k, '<missing>')!r}")
        if isinstance(meeting.get("date"), str) and not ISO_DATE.match(meeting["date"]):
            out.append(f"meeting.date {meeting['date']!r} is not an ISO date")
        if "evidence" in meeting:
            out += evidence_problems(meeting["evidence"], text, "meeting")
    for k in ("chair", "minute_taker"):
        if k not in x or not isinstance(x[k], STR_OR_NONE):
            out.append(f"{k} is {x.get(k, '<missing>')!r}")
    refs = x.get("previous_meeting_refs")
    if not isinstance(refs, list) or not all(isinstance(r, str) for r in refs):
        out.append(f"previous_meeting_refs is {refs!r}")
    nxt = x.get("next_meeting")
    if not isinstance(nxt, (dict, type(None))):
        out.append(f"next_meeting is {nxt!r}")
    elif isinstance(nxt, dict):
        for k in ("date", "time", "venue", "type"):
            if not isinstance(nxt.get(k), STR_OR_NONE):
                out.append(f"next_meeting.{k} is {nxt.get(k)!r}")
    for name, fields in RECORDS.items():
        records = x.get(name)
        if not isinstance(records, list):
            out.append(f"{name} is {type(records).__name__}")
            continue
        for i, rec in enumerate(records):
            where = f"{name}[{i}]"
            if not isinstance(rec, dict):
                out.append(f"{where} is {type(rec).__name__}")
                continue
            for k, types in fields.items():
                if k not in rec or not isinstance(rec[k], types):
                    out.append(f"{where}.{k} is {rec.get(k, '<missing>')!r}")
                elif (name, k) in VOCAB and rec[k] not in VOCAB[name, k]:
                    out.append(f"{where}.{k} {rec[k]!r} is not one of {sorted(map(str, VOCAB[name, k]))}")
            if name == "actions" and isinstance(rec.get("raised_at"), str) and not MONTH.match(rec["raised_at"]):
                out.append(f"{where}.raised_at {rec['raised_at']!r} is not YYYY-MM")
            if "evidence" not in rec:
                out.append(f"{where} has no evidence")
            else:
                out += evidence_problems(rec["evidence"], text, where)
    return out
