"""Actions: one record per action, new or carried from an earlier meeting.

New actions are the ones the minutes label ("Action:", "ACTION:", "Action –",
"Action DB10-01:"), the entries of an "Actions Arising:" list, and explicit
undertakings ("The Commissioner undertook to ...", "Mr Cosh agreed to ensure ...").
Unlabelled requests ("the PCC asked that ...") and "will/would" statements are not
actions. A labelled action that quotes its wording and then reports on it
("Action DB9-01: ‘Officials to report ...’. Briefing was provided ... Action
closed.") is an earlier action under review. Earlier actions in other layouts are
found by :mod:`body_action_log`.
"""

from __future__ import annotations

import re

from .body_action_log import arising_actions, cited_numbers, log_entries, table_actions
from .body_action_status import is_status_sentence, lead_owner, status_of, tag_owner
from .body_context import BodyContext, Unit
from .body_lexicon import fold
from .segments import sentence_spans

_LABEL = re.compile(
    r"^(?:(?:ACTIONS?|Actions?)(?:\s+(?:POINTS?|[Pp]oints?))?(?:\s+(?P<id>[A-Z]{0,5}\d[\w./-]*))?\s*[:–—-]+\s*"
    r"|ACTION\s+(?=[A-Z]))"
)
_LIST_LABEL = re.compile(
    r"^(?:\*\*)?(?:Actions(?: [Aa]rising| [Aa]greed)?|Action (?:[Aa]rising|[Pp]oints)|ACTIONS(?: ARISING| AGREED)?|"
    r"ACTION (?:ARISING|POINTS))(?:\*\*)?\s*(?::-?)?$"
)
_QUOTED = re.compile(r"^[‘'\"“](?P<q>.+?)[’'\"”](?=\s*[.;:]?\s*(?:[A-Z]|$))", re.S)
# "X undertook to ...", "X agreed to ..." (a person, not the meeting: that is a decision)
_UNDERTAKING = re.compile(
    r"(?:^|\bthat\s+)(?P<who>(?:[Tt]he\s+)?[A-Z][\w'’/.&-]*(?:\s+(?:[A-Z][\w'’/.&-]*|of|and|&))*?)\s+"
    r"(?:(?P<had>had|has)\s+)?(?P<how>undertook|agreed|offered|volunteered)\s+to\s+(?P<verb>[a-z]+)"
)
_BODY = re.compile(
    r"^(?:[Tt]he\s+)?(?:Board|Committee|Sub-Committee|Panel|Council|Authority|Members|Meeting|Group|Forum|Cabinet|"
    r"Governing Body|It|We)$|^It\b"
)
# When two rules claim the same words, the more explicit layout wins.
_PRIORITY = {"action_label": 0, "action_label_quoted": 0, "action_owner_tag": 0, "actions_arising_list": 1,
             "action_arising": 2, "action_table_row": 3, "action_log_entry": 4, "action_number_cited": 5,
             "undertaking": 6, "earlier_undertaking": 6}
DECISION_VERBS = {
    "underwrite", "approve", "fund", "support", "accept", "adopt", "endorse", "allocate", "release", "grant",
    "waive", "award", "ratify", "delegate", "note", "recommend", "proceed", "commission", "authorise", "authorize",
    "defer", "extend", "increase", "reduce", "co-opt", "appoint", "move",
}


def _new(ctx: BodyContext, u: Unit, s: int, e: int, rule: str, owner=None, status="open", update=None) -> dict:
    text = ctx.quote(s, e)
    return {
        "id": "", "text": text, "owner": owner if owner is not None else lead_owner(text), "status": status,
        "update": update, "raised_at": None, "item_ref": u.item.ref if u.item else None, "answers": None,
        "evidence": ctx.evidence(s, e), "rule": rule, "_unit": u.index,
    }


def _labelled(ctx: BodyContext, u: Unit) -> dict | None:
    b = u.block
    raw = ctx.text[b.body:b.end]
    m = _LABEL.match(raw)
    if not m:
        return _trailing_tag(ctx, u)
    s = b.body + m.end()
    rest = ctx.text[s:b.end]
    if not rest.strip():
        nxt = ctx.units[u.index + 1] if u.index + 1 < len(ctx.units) else None
        if nxt is None or nxt.item is not u.item or nxt.block.kind == "label":
            return None
        if _is_owner_tag(nxt.block.text):  # '... to the next meeting. Action: RJ/DB/AC'
            prev = ctx.units[u.index - 1] if u.index > 0 else None
            if prev is None or prev.item is not u.item:
                return None
            ps, pe = sentence_spans(ctx.text, prev.block.body, prev.block.end)[-1]
            return _new(ctx, prev, ps, pe, "action_owner_tag", owner=nxt.block.text.strip(" ."))
        return _new(ctx, nxt, nxt.block.body, nxt.block.end, "action_label")
    q = _QUOTED.match(rest.strip())
    if q:  # an earlier action quoted, then reported on
        qs = s + (len(rest) - len(rest.lstrip())) + 1
        qe = qs + len(q.group("q"))
        after = ctx.text[qe + 1:b.end].strip(" .;:’'\"”\n\t")
        rec = _new(ctx, u, qs, qe, "action_label_quoted", status=status_of(after, q.group("q")) if after else "open")
        rec["update"] = fold(after) or None
        return rec
    sents = sentence_spans(ctx.text, s, b.end)
    keep = [sp for sp in sents if not is_status_sentence(ctx.text[sp[0]:sp[1]])]
    status_said = " ".join(ctx.text[a:z] for a, z in sents if (a, z) not in keep)
    e = keep[-1][1] if keep else b.end
    text = ctx.text[s:e]
    owner, cut = tag_owner(text)
    if owner and cut > 0:
        e = s + len(text[:cut].rstrip(" ,;–-("))
    rec = _new(ctx, u, s, e, "action_label", owner=owner)
    update = _following_update(ctx, u)
    if update:
        status_said = f"{update} {status_said}".strip()
        rec["update"] = update
    if status_said:
        rec["status"] = status_of(status_said, rec["text"])
    return rec


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
    m = re.search(r"(?:(?<=[.;])|^)\s*(?:ACTION|Action)\s*(?:by)?\s*[:–—-]\s*(?P<who>[A-Z][\w/&.,' ]{0,40}?)\s*\.?\s*$", raw)
    if not m or m.start() == 0 or len(m.group("who").split()) > 6 or re.search(r"\b(?:to|will)\b", m.group("who")):
        return None
    sents = sentence_spans(ctx.text, b.body, b.body + m.start())
    if not sents:
        return None
    s, e = sents[-1]
    return _new(ctx, u, s, e, "action_owner_tag", owner=m.group("who").strip(" ."))


def _list_entries(ctx: BodyContext, u: Unit) -> list[dict]:
    out: list[dict] = []
    for nxt in ctx.units[u.index + 1:]:
        b = nxt.block
        if nxt.item is not u.item or b.kind == "label" or (b.kind == "para" and not b.text[:1].isalpha()):
            break
        if out and b.kind == "para" and b.blank_before and not b.cell:
            break  # a new paragraph after the list
        if _LABEL.match(ctx.text[b.body:b.end]):
            continue
        raw = ctx.text[b.body:b.end]
        owner, cut = tag_owner(raw)
        e = b.body + len(raw[:cut].rstrip(" ,;–-(")) if owner else b.end
        out.append(_new(ctx, nxt, b.body, e, "actions_arising_list", owner=owner))
    return out


def undertakings(ctx: BodyContext, taken: list[tuple[int, int]]) -> list[dict]:
    out = []
    for u in ctx.units:
        b = u.block
        for s, e in sentence_spans(ctx.text, b.body, b.end):
            if any(a < e and s < z for a, z in taken):
                continue
            sent = ctx.text[s:e]
            m = _UNDERTAKING.search(sent)
            if not m or _BODY.match(m.group("who")) or re.match(r"^(?:It|There|This)\b", fold(sent)):
                continue
            if m.group("how") == "agreed" and m.group("verb") in DECISION_VERBS:
                continue
            st = s + m.start("who")
            who = re.sub(r"^[Tt]he\s+", "", fold(m.group("who")))
            if m.group("had"):
                rest = sent[m.end():]
                rec = _new(ctx, u, st, e, "earlier_undertaking", owner=who, status=None)
                rec["status"] = "complete" if re.search(r"\b(?:had been|was|were) (?:done|received|provided|completed)\b", rest) else None
            else:
                rec = _new(ctx, u, st, e, "undertaking", owner=who)
            out.append(rec)
    return out


def find_actions(ctx: BodyContext, answers: dict[int, str | None] | None = None) -> list[dict]:
    answers = answers or {}
    found: list[dict] = []
    for u in ctx.units:
        if _LIST_LABEL.match(u.block.text) and (u.block.text.endswith(":") or not u.block.cell):
            found.extend(_list_entries(ctx, u))
            continue
        rec = _labelled(ctx, u)
        if rec:
            found.append(rec)
    found.extend(arising_actions(ctx))
    found.extend(log_entries(ctx))
    found.extend(table_actions(ctx))
    found.extend(cited_numbers(ctx))
    taken = [(r["evidence"]["start"], r["evidence"]["end"]) for r in found]
    found.extend(undertakings(ctx, taken))
    out: list[dict] = []
    for r in sorted(found, key=lambda r: _PRIORITY.get(r["rule"], 9)):
        s, e = r["evidence"]["start"], r["evidence"]["end"]
        if any(x["evidence"]["start"] < e and s < x["evidence"]["end"] for x in out):
            continue
        if "_unit" in r and answers.get(r["_unit"]):
            r["answers"] = answers[r["_unit"]]
        out.append(r)
    out.sort(key=lambda r: r["evidence"]["start"])
    for k, r in enumerate(out, 1):
        r["id"] = f"a{k}"
    return out
