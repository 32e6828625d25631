"""Labelled actions: "Action:", "ACTION –", "Action 12:", "Action Point 3:", "Action (DB):".

What follows the label is the action, but minutes pack more around it: an owner tag
after it ("(Owner: LH)", "Owner: VC", "... meeting. SK") or before it ("ACTION: SK –
circulate ...", "ACTION BY: Head of Finance – ..."), a status when an earlier action
is reviewed ("... line. – Ongoing. Call abandonment has fallen ...", "Closed.",
"(In progress)"), an "Update:" paragraph, or the quoted wording of an earlier action.
A label that holds only an owner ("... next meeting. Action: RJ/DB/AC", or run on into
the next heading in a flattened PDF, "ACTION: DO JIAC 05/23 RISK ...") owns the
sentence before it. "Action 5 – Complete." and "Action 46 – the DCC reported ..." cite
an earlier action by number: the number is the action.
"""

from __future__ import annotations

import re

from .body_action_status import is_status_sentence, lead_owner, status_of, tag_owner
from .body_action_table import tracker_status
from .body_context import BodyContext, Unit
from .body_lexicon import fold
from .segments import sentence_spans

# 'Action:', 'ACTION –', 'Action 12:', 'Action Point 3:', 'Action No. 5:', 'Action (DB):', 'Action by:',
# 'Action AB 23/36:', 'ACTION ABC-20230315-001:' (a log prefix before the number)
LABEL = re.compile(
    r"^(?:(?:(?:New|NEW|Agreed|AGREED|Further|FURTHER)\s+)?(?:ACTIONS?|Actions?|actions?)"
    r"(?:\s+(?:POINTS?|[Pp]oints?|NO\.?|No\.?|Number|Ref\.?))?"
    r"(?:\s+(?P<id>(?:[A-Z]{1,6}[\s-])?[A-Z]{0,5}\d[\w./-]*))?"
    r"(?:\s*\((?P<owner>[A-Z]{2,5}(?:\s*[/,&]\s*[A-Z]{2,5})*)\))?(?:\s+(?:BY|[Bb]y))?"
    r"(?:\s*[:–—-]+\s*|(?<=\d)\s+(?=[A-Z]))"  # 'Action 21 The force to ...': no separator after a number
    r"|ACTION\s+(?=[A-Z]))"
)
_NO_ACTION = re.compile(r"(?i)(?:none|nil|n/?a|no(?:\s+further)?\s+actions?|none\s+(?:required|arising|agreed))\W*")
_DUE_SAID = re.compile(r"(?i)\b(?:due|deadline|target(?:\s+date)?|timescale|by when|date)\s*[:–—-][^.]*\.?")
# what follows the action: its due date, owner or status ('... by 30 June. Due: 30 June 2023. Owner: JS')
_TAIL_SENTENCE = re.compile(r"^(?:Due|Deadline|Target(?:\s+[Dd]ate)?|Timescale|By when|Date|Owner|Lead|Status)\s*[:–—-]", re.I)
# 'Head of Finance – prepare the budget timetable': the owner, a dash, then what to do
_OWNER_DASH = re.compile(r"^(?P<who>[A-Z][\w/&.,'’ ]{1,40}?)\s+[–—-]\s+(?=[a-z])")
# Initials that own the action, written before it ('ACTION: DO ...', 'Action: SK – ...')
# (a separator or a capital must follow: in 'HR policy to be reviewed' HR is no owner)
_LEAD_INITIALS = re.compile(
    r"^(?P<who>[A-Z]{2,5}(?:\s*(?:/|,|&|and)\s*[A-Z]{2,5})*)\b(?!/)(?:\s*[–—:-]\s*|\s*$|\s+(?=[A-Z]))")
# What follows a run-on owner tag when the next item starts: a ref or a CAPS heading
_NEXT_HEADING = re.compile(r"^\s*(?:[A-Z]{0,6}\s?\d+(?:[./]\d+)*\.?\s+[A-Z]|[A-Z][A-Z&'’-]+\s+[A-Z][A-Z&'’-]+\b)")
# A status after the action: '... line. – Ongoing. Call abandonment ...', '(Complete)', 'Status: Open'
_INLINE_STATUS = re.compile(
    r"(?:\s[–—-]+\s*(?:Status\s*[:–-]\s*)?|\s*[(\[]|\s(?:Status|STATUS)\s*[:–-]\s*)"
    r"(?P<st>(?i:closed|complete[d]?|ongoing|on-going|open|in progress|done|discharged|superseded|"
    r"not yet due|green|amber|red|blue))\b[)\]]?\s*(?:[.;:–—-]|$)"
)
# After 'Action 46 –', a report on the action rather than the action itself
_REPORTED = re.compile(
    r"^(?:[Tt]he\s+)?(?:[A-Z][\w'’/.-]*\s+){1,4}(?:reported|confirmed|advised|stated|explained|updated|informed|said)\b"
    r"|^(?:[Tt]his|[Tt]he action|[Ii]t)\s+(?:was|has been|had been|is|remains)\b"
    r"|^(?:[Rr]emains?|[Ii]s now|[Hh]as been|[Ww]as)\s+(?:open|closed|complete[d]?|ongoing|on-going|in progress|delivered|done)\b"
)
_STILL_OPEN_WORD = re.compile(r"(?i:open|green|amber|red)")
_QUOTED = re.compile(r"^[‘'\"“](?P<q>.+?)[’'\"”](?=\s*[.;:]?\s*(?:[A-Z]|$))", re.S)


def new_action(ctx: BodyContext, u: Unit, s: int, e: int, rule: str, owner=None, status="open", update=None) -> dict:
    text = ctx.quote(s, e)
    return {
        "id": "", "text": text, "owner": owner if owner is not None else lead_owner(text), "status": status,
        "update": update, "raised_at": None, "item_ref": u.item.ref if u.item else None, "answers": None,
        "evidence": ctx.evidence(s, e), "rule": rule, "_unit": u.index,
    }


def labelled(ctx: BodyContext, u: Unit) -> dict | None:
    """The action a label in block ``u`` introduces (or an owner tag ending ``u``)."""
    b = u.block
    m = LABEL.match(ctx.text[b.body:b.end])
    if not m:
        return _trailing_tag(ctx, u)
    unit, s, end = u, b.body + m.end(), b.end
    if not ctx.text[s:end].strip():  # the label on a line (or in a cell) of its own
        nxt = ctx.units[u.index + 1] if u.index + 1 < len(ctx.units) else None
        if nxt is None or nxt.item is not u.item or nxt.block.kind == "label":
            return None
        unit, s, end = nxt, nxt.block.body, nxt.block.end
    text = ctx.text[s:end]
    if _NO_ACTION.fullmatch(fold(text)):
        return None  # 'Action: None.', 'Further action: none required.'
    if m.group("owner"):  # 'Action (DB): ...'
        return _action_body(ctx, unit, s, end, m.group("owner"))
    if m.group("id") and unit is u:
        first = sentence_spans(ctx.text, s, end)[:1]
        if first and is_status_sentence(ctx.text[first[0][0]:first[0][1]]):
            return None  # 'Action 5 – Complete.': an earlier action cited by number (body_action_cited)
        if _REPORTED.match(text):  # 'Action 46 – the DCC reported that ...': the number is the action
            return new_action(ctx, u, b.body + m.start("id"), b.body + m.end("id"), "action_number_cited",
                              owner=None, status=status_of(text), update=fold(text))
    owner = None
    lead = _LEAD_INITIALS.match(text)
    dash = _OWNER_DASH.match(text)
    if lead and lead_owner(text) is None:
        rest = text[lead.end():]
        if not rest.strip(" .") or _NEXT_HEADING.match(rest):  # '... meeting. ACTION: DO JIAC 05/23 RISK ...'
            return _tag_for_previous(ctx, u, unit, lead.group("who"))
        owner, s = lead.group("who"), s + lead.end()  # 'ACTION: SK – circulate the paper'
    elif _is_owner_tag(text):  # '... to the next meeting. Action: RJ/DB/AC'
        return _tag_for_previous(ctx, u, unit, text.strip(" ."))
    elif dash and _is_owner_tag(dash.group("who")):  # 'ACTION BY: Head of Finance – prepare ...'
        owner, s = dash.group("who"), s + dash.end()
    q = _QUOTED.match(text.strip())
    if q:  # an earlier action quoted, then reported on
        qs = s + (len(text) - len(text.lstrip())) + 1
        qe = qs + len(q.group("q"))
        after = ctx.text[qe + 1:end].strip(" .;:’'\"”\n\t")
        status = status_of(after, q.group("q")) if after else "open"
        rec = new_action(ctx, unit, qs, qe, "action_label_quoted", status=status)
        rec["update"] = fold(after) or None
        return rec
    return _action_body(ctx, unit, s, end, owner, numbered=bool(m.group("id")))


def _tag_for_previous(ctx: BodyContext, u: Unit, tag: Unit, who: str) -> dict | None:
    """An owner label after a sentence: the action is that sentence, owned by the tag.
    A label that opens its item ('ACTION: SK' then the action) owns the line after it."""
    prev = ctx.units[u.index - 1] if u.index > 0 else None
    if prev is None or prev.item is not u.item or prev.block.kind == "label":
        nxt = ctx.units[tag.index + 1] if tag.index + 1 < len(ctx.units) else None
        if nxt is None or nxt.item is not u.item or nxt.block.kind == "label" or LABEL.match(nxt.block.text):
            return None
        return _action_body(ctx, nxt, nxt.block.body, nxt.block.end, who)
    ps, pe = sentence_spans(ctx.text, prev.block.body, prev.block.end)[-1]
    return new_action(ctx, prev, ps, pe, "action_owner_tag", owner=who)


def _action_body(ctx: BodyContext, u: Unit, s: int, end: int, owner: str | None, numbered: bool = False) -> dict:
    """The action after its label: status it reports ('– Closed.', 'Action ongoing.') and
    an owner tag ('(Owner: LH)', 'Owner: VC') are cut off the text and read."""
    inline = _INLINE_STATUS.search(ctx.text, s, end)
    said_inline = ""
    if inline:
        said_inline = fold(ctx.text[inline.start("st"):end])
        end = inline.start()
    sents = sentence_spans(ctx.text, s, end)
    # the action ends where its status is stated ('Closed.'); what follows reports on it
    first_status = next((k for k, (a, z) in enumerate(sents) if k and is_status_sentence(ctx.text[a:z])), len(sents))
    if first_status < len(sents):  # '... clearing it. The DCC reported that ... Ongoing.': the report is the update
        first_status = next((k for k, (a, z) in enumerate(sents) if k and _REPORTED.match(ctx.text[a:z])), first_status)
        if numbered:  # 'Action 23/04 – ACC to provide data. Data provided in the pack. CLOSED': one sentence, then its update
            first_status = min(first_status, 1)
    keep = [sp for sp in sents[:first_status] if not is_status_sentence(ctx.text[sp[0]:sp[1]])]
    tail = next((k for k, (a, z) in enumerate(keep) if k and _TAIL_SENTENCE.match(ctx.text[a:z])), None)
    tails: list[tuple[int, int]] = []
    if tail is not None:  # 'Due: 30 June 2023. Owner: JS' after the action: read here, not part of the text
        keep, tails = keep[:tail], keep[tail:]
        said = " ".join(ctx.text[a:z] for a, z in tails if not re.match(r"(?i)status", ctx.text[a:z]))
        tagged_below, _ = tag_owner("x. " + _DUE_SAID.sub("", said).strip())
        owner = owner or tagged_below
    status_said = " ".join(ctx.text[a:z] for a, z in sents if (a, z) not in keep
                           and ((a, z) not in tails or re.match(r"(?i)status", ctx.text[a:z])))
    e = keep[-1][1] if keep else end
    text = ctx.text[s:e]
    tagged, cut = tag_owner(text)
    if tagged and cut > 0:  # an explicit owner tag beats a leading role
        e = s + len(text[:cut].rstrip(" ,;–-("))
        owner = tagged
    rec = new_action(ctx, u, s, e, "action_label", owner=owner)
    below = _owner_below(ctx, u)
    if below and not tagged:  # 'Owner: TR' on the line below
        rec["owner"] = below
    update = _following_update(ctx, u)
    if update:
        status_said = f"{update} {status_said}".strip()
        rec["update"] = update
    if inline:
        word = inline.group("st")
        after = fold(said_inline[len(word):]).lstrip(" .;:–—-)]")
        rec["update"] = rec["update"] or after or None
        if after or not _STILL_OPEN_WORD.fullmatch(word):
            rec["status"] = tracker_status(word, after, rec["text"])
    elif status_said:
        rec["status"] = status_of(status_said, rec["text"])
    return rec


def _owner_below(ctx: BodyContext, u: Unit) -> str | None:
    """An 'Owner: TR' / 'Lead: Head of Estates' line just below the action."""
    nxt = ctx.units[u.index + 1] if u.index + 1 < len(ctx.units) else None
    if nxt is None or nxt.item is not u.item:
        return None
    m = re.match(r"^(?:Owner|Lead|Responsible|Action by|Action owner|By whom)\s*[:\-–]\s*(?P<who>.+)$", nxt.block.text, re.I)
    who = m and tag_owner("x. Owner: " + m.group("who"))[0]
    return who or None


def _following_update(ctx: BodyContext, u: Unit) -> str | None:
    """'Action 45: DCC to ... Update: The DCC confirmed ...' -> the text after the Update label."""
    nxt = ctx.units[u.index + 1:u.index + 3]
    if len(nxt) == 2 and nxt[0].item is u.item and nxt[1].item is u.item and nxt[0].block.kind == "label" \
            and re.match(r"^(?:\*\*)?(?:Updates?|Progress|Response|Status)(?:\*\*)?\s*:", nxt[0].block.text):
        return nxt[1].block.text
    return None


def _is_owner_tag(text: str) -> bool:
    """'RJ/DB/AC', 'CC', 'Clerk', 'Head of Finance' - an owner, not an action."""
    t = fold(text).strip(" .")
    return bool(t) and len(t.split()) <= 5 and not re.search(r"\b(?:to|will|should|is|are|be)\b", t) \
        and bool(re.fullmatch(r"[A-Z][\w/&.,'’ -]*", t)) and sum(w[0].islower() for w in t.split()) <= 1


def _trailing_tag(ctx: BodyContext, u: Unit) -> dict | None:
    """'... to the next meeting. ACTION: RJ/DB/AC' -> the sentence before, owned by the tag."""
    b = u.block
    raw = ctx.text[b.body:b.end]
    m = re.search(r"(?:(?<=[.;])|^)\s*[\[(]?\s*(?:ACTION|Action)\s*(?:by)?\s*[:–—-]\s*(?P<who>[A-Z][\w/&.,' ]{0,40}?)"
                  r"\s*[\])]?\s*\.?\s*$", raw)  # '... meeting. ACTION: RJ/DB', '... budget. [Action: Treasurer]'
    if not m or m.start() == 0 or len(m.group("who").split()) > 6 or re.search(r"\b(?:to|will)\b", m.group("who")):
        return None
    sents = sentence_spans(ctx.text, b.body, b.body + m.start())
    if not sents:
        return None
    s, e = sents[-1]
    return new_action(ctx, u, s, e, "action_owner_tag", owner=m.group("who").strip(" ."))
