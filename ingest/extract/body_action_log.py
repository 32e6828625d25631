"""Actions raised at earlier meetings, as this meeting reports on them.

Two layouts are read here (tracker tables are :mod:`body_action_table`'s, log numbers
cited in prose :mod:`body_action_cited`'s):

- a heading or line "Action arising from the June 2018 meeting:" followed by the
  action and an "Update:" (an item may only point elsewhere, "This item is a
  substantive item on the agenda – see below", in which case it is joined to the
  later "Action arising from the same meeting" it points to);
- an outstanding-actions / action-log item whose entries start with a log number
  ("165/19 : Safer Staffing : ... Closed.") or a short title ("Outstanding
  Declarations - There was an update ..."); an entry without a number is an earlier
  action only if it reports status or progress.
"""

from __future__ import annotations

import re

from .body_action_status import is_status_sentence, lead_owner, status_of
from .body_context import BodyContext, Unit
from .body_lexicon import MONTHS, fold, heading_like, month_year
from .segments import sentence_spans

ARISING = re.compile(
    rf"\b(?:Actions?|Matters?)\s+(?:arising|carried forward|outstanding)\s+from\s+(?:the\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?P<month>{MONTHS})(?:\s+(?P<year>\d{{4}}))?\s+"
    r"(?:meeting|[Bb]oard|[Cc]ommittee|[Pp]anel)\b",
    re.I,
)
_DEFER = re.compile(
    r"\bsee (?:below|above|item|agenda item)\b|\bsubstantive item\b|\bdealt with (?:under|at|in)\b|"
    r"\bcovered (?:under|in|at|by) (?:item|agenda)\b",
    re.I,
)
_UPDATE_LABEL = re.compile(r"^(?:\*\*)?(?:Updates?|Progress(?: update)?|Response)(?:\*\*)?\s*:", re.I)
_LOG_CONTEXT = re.compile(
    r"outstanding actions?|action (?:log|list|tracker|sheet|schedule)|matters arising|review of actions|"
    r"actions? (?:from|arising from) (?:the )?(?:previous|last)|progress (?:on|against) actions",
    re.I,
)
_LOG_NO = re.compile(
    r"^(?P<no>\d{1,4}/\d{2,4}|[A-Z]{1,5}\d+[-/.]\d+|\d+\.\d+|(?:Minute|Min\.?|Item)\s+\d+(?:[./]\d+)*|"
    r"[A-Z]{2,6}\s\d{1,4}(?:[/.-]\d+)*)\s*[:–—-]\s+"  # 'AB 23/31 –', 'ABC 31 –'
    r"|^(?P<bare>\d{1,4}/\d{2,4}|\d{1,3})\s+(?=[A-Z][\w/&'’ -]{0,40}?\s(?:to|will)\s[a-z])"  # '23/01 Clerk to chase ...'
    r"|^(?P<log>[A-Z]{1,6}[/-]\d{1,4}(?:[/.-]\d{1,4})+)\s*(?:[:–—-]\s+|\s+(?=[A-Z]))"  # 'ABC/23/17 Risk appetite workshop – Open'
)
_OPEN_ONLY = re.compile(r"(?i)(?:open|red|amber|green|not started|outstanding)\W*")
# a status after the action on the same line ('... the contractor – complete', '... (Closed)')
_INLINE_END = re.compile(r"\s*(?:[–—-]\s*|\(\s*)(?:complete[d]?|closed|ongoing|on-going|open|in progress|done|discharged)"
                         r"\b[^–—]*$", re.I)
# What follows the action in a log entry: its owner, due date, status or update
# ('... members. Owner: HoF. Status: Complete (circulated 2 October).', '... Complete – on today's agenda.')
_ENTRY_TAIL = re.compile(
    r"^(?:(?:Status|Update|Progress|Owner|Lead|Due|Deadline|Target(?:\s+date)?|Comment)\s*[:–—-]|"
    r"(?:Complete[d]?|Closed?|Ongoing|On-going|In progress|Open|Done|Discharged|Not yet due|Deferred|Outstanding)\b)",
    re.I,
)
_ENTRY_OWNER = re.compile(r"^(?:Owner|Lead)\s*[:–—-]\s*(?P<who>[^.;]{1,40}?)\s*\.?$", re.I)
_TITLED = re.compile(r"^(?P<title>[A-Z][^–—.:]{2,90}?)\s+[–—-]\s+(?=\S)")
_UNDERTAKING = re.compile(r"\b(?:undertook|agreed|offered|volunteered)\s+to\b")


def record(ctx: BodyContext, u: Unit | None, s: int, e: int, rule: str, **kw) -> dict:
    text = ctx.quote(s, e)
    rec = {
        "id": "", "text": text, "owner": kw.get("owner", lead_owner(text)), "status": kw.get("status"),
        "update": kw.get("update"), "raised_at": kw.get("raised_at"),
        "item_ref": kw.get("item_ref", u.item.ref if u and u.item else None), "answers": None,
        "evidence": ctx.evidence(s, e), "rule": rule,
    }
    if u is not None:
        rec["_unit"] = u.index
    return rec


# ---- "Action arising from the June 2018 meeting" -------------------------------------

def _units_of(ctx: BodyContext, item) -> list[Unit]:
    return [u for u in ctx.units if u.item is item]


def _update_after(ctx: BodyContext, units: list[Unit]) -> tuple[str | None, str]:
    """The update field (first sentence after an Update label) and the whole update text."""
    for k, u in enumerate(units):
        if u.block.kind == "label" and _UPDATE_LABEL.match(u.block.text):
            rest = [x for x in units[k + 1:] if x.block.kind != "label"]
            if not rest:
                return None, ""
            b = rest[0].block
            first = sentence_spans(ctx.text, b.body, b.end)[0]
            whole = " ".join(x.block.text for x in rest)
            return ctx.quote(*first), whole
    return None, ""


def arising_actions(ctx: BodyContext) -> list[dict]:
    found: list[dict] = []
    for it in ctx.items:
        m = ARISING.search(it.title)
        if not m:
            continue
        raised = month_year(m.group("month"), m.group("year"), ctx.meeting_date)
        units = [u for u in _units_of(ctx, it) if u.block.kind != "label" or not _UPDATE_LABEL.match(u.block.text)]
        body = [u for u in _units_of(ctx, it)]
        head = next((u for u in body if u.block.kind != "label"), None)
        if head is None or not units:
            continue
        b = head.block
        update, whole = _update_after(ctx, body)
        rec = record(ctx, head, b.body, b.end, "action_arising", raised_at=raised, update=update,
                      status=status_of(whole, b.text, infer=True) if whole else None)
        rec["_subject"] = it.title[m.end():].strip(" :–-")
        found.append(rec)
    # a line that is only the marker: the action is what follows it
    for u in ctx.units:
        m = ARISING.search(u.block.text)
        if not m or fold(u.block.text[m.end():]).strip(" :") or m.start() > 0:
            continue
        raised = month_year(m.group("month"), m.group("year"), ctx.meeting_date)
        nxt = ctx.units[u.index + 1] if u.index + 1 < len(ctx.units) else None
        if nxt is not None and nxt.item is u.item and nxt.block.kind != "label":
            found.append(record(ctx, nxt, nxt.block.body, nxt.block.end, "action_arising", raised_at=raised))
            continue
        later = [i for i in ctx.items if u.item is not None and i.start > u.item.start]
        if later and not later[0].strong:
            nx = later[0]
            rec = record(ctx, None, nx.title_start, nx.title_end, "action_arising", raised_at=raised,
                          item_ref=u.item.ref if u.item else None)
            rec["_subject"] = u.item.title if u.item else ""
            found.append(rec)
    return _merge_pointers(found)


def _merge_pointers(found: list[dict]) -> list[dict]:
    """Join an entry that only points elsewhere ('see below') to the entry it points to."""
    out = []
    used: set[int] = set()
    for k, rec in enumerate(found):
        if k in used:
            continue
        if _DEFER.search(rec["text"]):
            target = next((j for j in range(k + 1, len(found)) if j not in used
                           and found[j]["raised_at"] == rec["raised_at"] and not _DEFER.search(found[j]["text"])), None)
            note = rec["text"]
            if target is not None:
                used.add(target)
                t = found[target]
                rec = {**t, "update": note, "status": status_of(note, t["text"]), "item_ref": rec["item_ref"],
                       "raised_at": rec["raised_at"]}
            else:
                rec = {**rec, "update": note, "status": status_of(note), "text": rec.get("_subject") or note}
        out.append(rec)
    return out


# ---- outstanding-action lists ------------------------------------------------------

def _in_log_context(ctx: BodyContext, item) -> bool:
    if item is None:
        return False
    if _LOG_CONTEXT.search(item.title):
        return True
    return any(_LOG_CONTEXT.search(u.block.text) for u in _units_of(ctx, item)[:3])


def log_entries(ctx: BodyContext) -> list[dict]:
    out = []
    for it in ctx.items:
        if not _in_log_context(ctx, it):
            continue
        for u in _units_of(ctx, it):
            b = u.block
            raw = ctx.text[b.body:b.end]
            sents = sentence_spans(ctx.text, b.body, b.end)
            if _LOG_NO.match(raw):
                out.append(_numbered_entry(ctx, u, sents))
                continue
            m = _TITLED.match(raw)
            if not m or not heading_like(m.group("title")) or len(m.group("title").split()) > 12:
                continue
            body_start = b.body + m.end()
            kept_end = b.body + len(m.group("title"))
            said = []
            for s, e in sentence_spans(ctx.text, body_start, b.end):
                sent = ctx.text[s:e]
                if _UNDERTAKING.search(sent):
                    break
                said.append(sent)
                if not is_status_sentence(sent):
                    kept_end = e
            status = status_of(" ".join(said)) if said else None
            reports = any(re.search(r"\b(?:update|progress|closed?|complete|outstanding|ongoing|taken place)\b", s, re.I)
                          for s in said)
            if status and reports:
                out.append(record(ctx, u, b.body, kept_end, "action_log_entry", owner=lead_owner(m.group("title")),
                                  status=status))  # 'DCC to review the estates plan – Ongoing': DCC owns it
    return out


def _numbered_entry(ctx: BodyContext, u: Unit, sents: list[tuple[int, int]]) -> dict:
    """'AB 23/33 – Finance to confirm ... . In progress – to be reported in November.':
    the action runs up to the first sentence that gives its owner, status or update; an
    'Owner: X' sentence names the owner; with no status said, an 'Update:' just below reports it."""
    b = u.block
    no = _LOG_NO.match(ctx.text[b.body:b.end])
    cut = next((k for k, (s, e) in enumerate(sents) if k and _ENTRY_TAIL.match(ctx.text[s:e])), None)
    if cut is None:
        keep = [sp for sp in sents if not is_status_sentence(ctx.text[sp[0]:sp[1]])] or sents[:1]
        end, said = keep[-1][1], b.text
        inline = _INLINE_END.search(ctx.text, keep[-1][0], end)
        if inline and inline.start() > b.body + (no.end() if no else 0):
            end = inline.start()
            if _OPEN_ONLY.fullmatch(inline.group(0).strip(" –—-(")):
                said = ""  # '… workshop – Open': nothing reported yet
    else:
        end, said = sents[cut - 1][1], fold(ctx.text[sents[cut][0]:b.end])
    listed = no is not None and bool(no.group("bare")) and no.group("bare").isdigit()
    owner = None
    for s, e in sents[cut or len(sents):]:
        m = _ENTRY_OWNER.match(fold(ctx.text[s:e]))
        if m:
            owner = m.group("who")
    if owner is None and no is not None:
        owner = lead_owner(ctx.text[b.body + no.end():end])
    status = status_of(said) if said else None
    if cut is None or not re.search(r"(?i)\b(?:status|update|complete|closed?|ongoing|on-going|progress|open|done)\b", said):
        below = _update_below(ctx, u)
        if below:
            status = status_of(f"{said} {below}") if cut is not None else status_of(below)
        elif listed:
            status = None  # the action as listed, with nothing said about its progress
    start = b.body
    if listed:
        start += no.end()  # '1 Clerk to write …': a list number, not a log number to keep
    return record(ctx, u, start, end, "action_log_entry", owner=owner, status=status)


def _update_below(ctx: BodyContext, u: Unit) -> str | None:
    """The 'Update: ...' reported on the line(s) just below a log entry, if any."""
    nxt = ctx.units[u.index + 1:u.index + 3]
    if not nxt or nxt[0].item is not u.item:
        return None
    first = nxt[0].block
    if first.kind == "label" and _UPDATE_LABEL.match(first.text):
        return nxt[1].block.text if len(nxt) == 2 and nxt[1].item is u.item and nxt[1].block.kind != "label" else None
    m = _UPDATE_LABEL.match(first.text)
    return first.text[m.end():].strip() if m else None


def ctx_unit(ctx: BodyContext, pos: int) -> Unit | None:
    for u in ctx.units:
        if u.block.start <= pos < max(u.block.end, u.block.start + 1):
            return u
    return None
