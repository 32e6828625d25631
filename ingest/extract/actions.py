"""Actions: one record per action, new or carried from an earlier meeting.

New actions are the ones the minutes label ("Action:", "ACTION:", "Action –",
"Action DB10-01:"; see :mod:`body_action_label`), the entries of an "Actions
Arising:" list (a label line or a numbered heading of its own), and explicit
undertakings ("The Commissioner undertook to ...", "Mr Cosh agreed to ensure ...").
Unlabelled requests ("the PCC asked that ...") and "will/would" statements are not
actions. Earlier actions reported on here come in other layouts: "Action arising
from ..." items and outstanding-action lists (:mod:`body_action_log`), tracker
tables (:mod:`body_action_table`) and log numbers cited in prose
(:mod:`body_action_cited`). Every rule proposes records; where two claim the same
words, the more explicit layout wins.
"""

from __future__ import annotations

import re

from .body_action_cited import cited_numbers, cited_subjects
from .body_action_label import LABEL, labelled, new_action
from .body_action_log import arising_actions, log_entries
from .body_action_status import lead_owner, tag_owner
from .body_action_table import table_actions
from .body_context import BodyContext, Unit
from .body_lexicon import fold
from .segments import sentence_spans

_LIST_LABEL = re.compile(
    r"^(?:\*\*)?(?:Actions(?: [Aa]rising| [Aa]greed)?|Action (?:[Aa]rising|[Pp]oints)|ACTIONS(?: ARISING| AGREED)?|"
    r"ACTION (?:ARISING|POINTS))(?:\*\*)?\s*(?::-?)?$"
)
# "X undertook to ...", "X agreed to ..." (a person, not the meeting: that is a decision),
# also as a later clause ("Councillor A asked that ..., and the Director agreed to report back ...")
_UNDERTAKING = re.compile(
    r"(?:^|\bthat\s+|,\s+and\s+|;\s+(?:and\s+)?)(?P<who>(?:[Tt]he\s+)?[A-Z][\w'’/.&-]*(?:\s+(?:[A-Z][\w'’/.&-]*|of|and|&))*?)\s+"
    r"(?:(?P<had>had|has)\s+)?(?P<how>undertook|agreed|offered|volunteered)\s+to\s+(?P<verb>[a-z]+)"
)
_BODY = re.compile(
    r"^(?:[Tt]he\s+)?(?:Board|Committee|Sub-Committee|Panel|Council|Authority|Members|Meeting|Group|Forum|Cabinet|"
    r"Governing Body|It|We)$|^It\b"
)
# When two rules claim the same words, the more explicit layout wins.
_PRIORITY = {"action_label": 0, "action_label_quoted": 0, "action_owner_tag": 0, "actions_arising_list": 1,
             "action_arising": 2, "action_table_row": 3, "action_number_cited": 4, "action_subject_cited": 4,
             "action_log_entry": 5, "undertaking": 6, "earlier_undertaking": 6}
DECISION_VERBS = {
    "underwrite", "approve", "fund", "support", "accept", "adopt", "endorse", "allocate", "release", "grant",
    "waive", "award", "ratify", "delegate", "note", "recommend", "proceed", "commission", "authorise", "authorize",
    "defer", "extend", "increase", "reduce", "co-opt", "appoint", "move",
}


def _list_entries(ctx: BodyContext, units: list[Unit], heading: bool = False) -> list[dict]:
    """Entries of an 'Actions arising:' list. Under an item *headed* 'Actions arising'
    only bullets, numbered entries and 'X to ...' lines count (the item may also hold prose)."""
    out: list[dict] = []
    for nxt in units:
        b = nxt.block
        if nxt.item is not units[0].item or b.kind == "label" or (b.kind == "para" and not b.text[:1].isalpha()):
            break
        if out and b.kind == "para" and b.blank_before and not b.cell:
            break  # a new paragraph after the list
        if heading and b.kind != "bullet" and not b.enum and not lead_owner(b.text):
            break
        if LABEL.match(ctx.text[b.body:b.end]):
            continue
        raw = ctx.text[b.body:b.end]
        owner, cut = tag_owner(raw)
        e = b.body + len(raw[:cut].rstrip(" ,;–-(")) if owner else b.end
        out.append(new_action(ctx, nxt, b.body, e, "actions_arising_list", owner=owner))
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
                rec = new_action(ctx, u, st, e, "earlier_undertaking", owner=who, status=None)
                rec["status"] = "complete" if re.search(r"\b(?:had been|was|were) (?:done|received|provided|completed)\b", rest) else None
            else:
                rec = new_action(ctx, u, st, e, "undertaking", owner=who)
            out.append(rec)
    return out


def find_actions(ctx: BodyContext, answers: dict[int, str | None] | None = None) -> list[dict]:
    answers = answers or {}
    found: list[dict] = []
    for u in ctx.units:
        if _LIST_LABEL.match(u.block.text) and (u.block.text.endswith(":") or not u.block.cell):
            found.extend(_list_entries(ctx, ctx.units[u.index + 1:]))
            continue
        rec = labelled(ctx, u)
        if rec:
            found.append(rec)
    for it in ctx.items:  # '3.3 Actions arising:' as a numbered heading of its own
        units = [u for u in ctx.units if u.item is it]
        if units and _LIST_LABEL.match(it.title + ":"):
            found.extend(_list_entries(ctx, units, heading=True))
    found.extend(arising_actions(ctx))
    found.extend(log_entries(ctx))
    found.extend(table_actions(ctx))
    found.extend(cited_numbers(ctx))
    found.extend(cited_subjects(ctx))
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
