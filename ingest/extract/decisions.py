"""Decisions: what this meeting decided.

Labelled decisions ("Decision:", "DECISION –", "RESOLVED", "Resolved:") are taken
whole; the "Decision:" label is dropped, "RESOLVED ..." wording is kept as printed.
Otherwise a sentence is a decision when the meeting agreed, approved, adopted,
accepted, endorsed, supported (or refused) something, formally noted a paper or the
minutes, elected a chair or confirmed its quorum or terms of reference.

What is *not* a decision matters as much, because minutes report many approvals:
agenda descriptions ("To approve the minutes ..."), recommendations put to the
meeting, earlier decisions ("had been agreed", "approved in the Standing Orders
of ..."), other bodies' decisions ("approved by the recently held Police and Crime
Panel"), personal agreement ("agreed with Councillor Judd's comments"), "apologies
were noted", "recorded as an accurate record", and undertakings by one officer
("agreed to liaise ..."), which are actions.
"""

from __future__ import annotations

import re

from .actions import DECISION_VERBS
from .body_context import BodyContext, Unit
from .body_lexicon import HONORIFIC, fold
from .segments import sentence_spans

_VERB = r"(?i:agreed|approved|adopted|accepted|endorsed|ratified|supported|refused|rejected|carried|confirmed|elected|noted|resolved|decided)"
_LABEL_DROP = re.compile(r"^(?:(?:DECISIONS?|Decisions?)(?:\s+(?:No\.?\s*)?[A-Z]{0,5}\d[\w./-]*)?\s*(?:[:–—-]+\s*|$)"
                         r"|(?:OUTCOME|Outcome)\s*:\s*)")  # 'Outcome: Supported.' records what the meeting concluded
_LABEL_KEEP = re.compile(r"^(?:It was\s+)?(?:RESOLVED|Resolved|AGREED)\b(?!\s+ACTIONS?\b)\s*(?::\s*-?|–|—|-)?\s*"
                         r"|^Agreed\s*[:–—-]\s*")  # ('AGREED ACTION:' labels an action)
# What a resolution says before its numbered parts: nothing, 'That', 'that:', '(1) ... ; and'
_OPENS_LIST = re.compile(r"^$|^that\s*:?$|:$|^\(?(?:1|a|i)\)[^.]*(?:;|;\s*and|\band)$", re.I)
# A resolution label opening a sentence inside a run-on paragraph ('... extension. Resolved: no objection.')
_SENTENCE_LABEL = re.compile(
    r"^(?:It was\s+)?(?:RESOLVED|AGREED)\b(?!\s+ACTIONS?\b)|^(?:Resolved|Agreed)(?:\s*[:–—-]|\s+(?:that|to|unanimously)\b)"
    r"|^(?:DECISION|Decision)\s*[:–—-]"
)
_PASSIVE = re.compile(
    rf"\b(?:it (?:was|is)|(?:was|were|is|are|has been|have been)(?: (?:unanimously|formally|duly|also|then|therefore))?)"
    rf"\s+(?:(?:received|considered|discussed|reviewed|taken as read) and\s+)?{_VERB}\b",
    re.I,
)
_BODY_SUBJECT = re.compile(
    rf"^(?:The\s+)?(?:Board|Committee|Sub-Committee|Panel|Council|Authority|Group|Members|meeting|Meeting|Forum|"
    rf"Trust|Commission|Cabinet|Governing Body|Fire Authority|Executive)\b(?:(?!\.\s).){{0,200}}?\b(?:unanimously\s+|formally\s+)?"
    rf"(?:{_VERB}|voted)\b"
)
_PERSON_SUBJECT = re.compile(
    r"^(?:The\s+)?(?P<who>[A-Z][\w'’/.-]*(?:\s+[A-Z][\w'’/.-]*){0,3})\s+(?:(?:formally|also)\s+)?"
    r"(?:(?P<v>approved|adopted|endorsed|ratified|refused|rejected)\b|agreed\s+(?:to\s+(?P<inf>[a-z-]+)|that|the)\b)"
)
_NOT = [
    re.compile(r"^To\s+[a-z]"),  # agenda description
    re.compile(r"\brecommended\s+(?:that|to)\b|\brecommendation(?:s)? (?:is|are|was|were) that\b", re.I),
    re.compile(rf"\bhad\s+(?:\w+\s+)?(?:been\s+)?(?:\w+\s+)?{_VERB}\b"),  # earlier decision
    re.compile(r"\bhaving been\b"),
    re.compile(rf"\b(?:would|will|shall|should|could|may|might|must|to|needs? to|cannot|can)\s+be\s+(?:\w+\s+)?{_VERB}\b", re.I),
    re.compile(rf"\b{_VERB}\s+by\s+(?!the\s+(?:meeting|Board|Committee|Panel|Council|Authority|Group|members|Members|Chair(?:man)?)\b)"),
    re.compile(r"\bagreed with\b"),
    re.compile(r"\bapologies\b[^.]*\b(?:noted|accepted|approved)\b|\bnoted\b[^.]*\bapologies\b", re.I),
    re.compile(r"\b(?:noted|confirmed)\s+that\b|\bIt was noted\b|\bit was confirmed that\b", re.I),
    re.compile(r"\b(?:asked|invited|requested) to\b"),
    re.compile(r"^(?:In|On|During|As part of|Following|Since)\s+(?:[^,]*\b(?:19|20)\d\d\b)[^,]*,"),
    re.compile(r"\b(?:was|were) not\b"),
    re.compile(rf"\b(?i:which|who|as) (?:was|were|had been|has been|is|are) (?:\w+ )?{_VERB}\b"),  # relative clause
    re.compile(r"\b(?:at|by) (?:the|its) (?:last|previous|earlier) meeting\b"),
]
# 'noted' and 'confirmed' decide something only about the meeting's own business
_NOTED_OBJECT = re.compile(
    r"\b(?:minutes|report|paper|update|responses?|questions|accounts|statement|register|plan|strategy|letter|"
    r"contents?|position|quorum|terms of reference|chair|appointment|membership|budget|precept|log|tracker|"
    r"dashboard|presentation|briefing|assessment|forecasts?|programme|policy|review)\b",
    re.I,
)
_COMPOUND = re.compile(r"^(?:The\s+)?[A-Z][\w'’ ]*\s+and\s+(?:the\s+)?[A-Z][\w'’ ]*\s+agreed\b")


# Every way of deciding below needs one of these words (a verb of _VERB, "voted",
# "appointed", "RESOLVED"/"AGREED"): a sentence without any is no decision, and the
# costlier tests are not run on it.
_DECIDING_WORDS = ("agreed", "approved", "adopted", "accepted", "endorsed", "ratified", "supported", "refused",
                   "rejected", "carried", "confirmed", "elected", "noted", "resolved", "appointed", "voted", "decided")
_DECIDING = re.compile("|".join(_DECIDING_WORDS), re.I)


def _may_decide(s: str) -> bool:
    if s.isascii():  # the same test as _DECIDING, faster
        low = s.lower()
        return any(w in low for w in _DECIDING_WORDS)
    return _DECIDING.search(s) is not None


def _is_decision(sentence: str) -> bool:
    s = fold(sentence)
    if not _may_decide(s):
        return False
    if any(p.search(s) for p in _NOT) or _COMPOUND.match(s):
        return False
    if re.search(r"(?:^|[,;]|\band)\s+(?:it was\s+)?(?:RESOLVED|AGREED)\b", s):  # '... seconded, and RESOLVED that'
        return True
    m = _PASSIVE.search(s) or _BODY_SUBJECT.match(s)
    if m:
        vm = re.search(_VERB, m.group(0))
        verb = vm.group(0).lower() if vm else ""
        if verb in ("noted", "confirmed") and not _NOTED_OBJECT.search(s):
            return False
        if verb == "elected" and not re.search(r"\belected\s+(?:as\s+)?(?:the\s+)?(?:Chair|Vice|Deputy)", s, re.I):
            return False
        return True
    if re.search(r"\b(?:was|were)\s+(?:elected|appointed)\s+(?:as\s+)?(?:the\s+)?(?:Chair|Vice[- ]Chair|Deputy Chair)", s):
        return True
    p = _PERSON_SUBJECT.match(s)
    if p:
        if re.match(HONORIFIC, p.group("who")) and not p.group("v"):
            return False  # 'Councillor X agreed that ...' is an opinion, not the meeting deciding
        return p.group("inf") is None or p.group("inf") in DECISION_VERBS
    return False


# 'The Committee:' / 'The Board resolved:' over numbered or bulleted parts that each open with
# a deciding verb ('i. APPROVED ...; and', '• DELEGATED approval ...'): one decision, lead and parts
_LEAD = re.compile(
    r"^(?:The\s+)?(?:Board|Committee|Sub-Committee|Panel|Council|Authority|Group|Meeting|Forum|Cabinet|Partnership|"
    r"Governing Body|Executive|Members)(?:\s+(?:resolved|agreed|RESOLVED|AGREED))?\s*:-?$"
)
_PART_VERB = re.compile(
    r"^(?:(?:to|that|That)\s+(?=[a-z]|[A-Z]{2}))?(?i:approve|note|agree|endorse|delegate|support|accept|adopt|authori[sz]e|"
    r"confirm|ratify|receive|request|recommend|refuse|reject|defer|appoint|instruct)\b|"
    r"^(?i:approved|agreed|noted|endorsed|delegated|supported|accepted|adopted|resolved|authori[sz]ed|confirmed|"
    r"ratified|received|requested|recommended|refused|rejected|deferred|welcomed|commended|instructed|appointed)\b"
)
# a request after the decision ('Outcome: Supported. The Chair asked that ...') is not part of it
_REQUEST = re.compile(r"^(?:The\s+)?[A-Z][\w/'’-]*(?:\s+[A-Z][\w/'’-]*){0,3}\s+(?:asked|requested)\s+(?:that|for|whether)\b")


def _lead_with_parts(ctx: BodyContext, u: Unit) -> tuple[int, int, str] | None:
    if not _LEAD.match(u.block.text):
        return None
    end = None
    for nxt in ctx.units[u.index + 1:]:
        b = nxt.block
        if nxt.item is not u.item or not (b.enum or b.kind == "bullet") or not _PART_VERB.match(b.text):
            break
        end = b.end
    return (u.block.body, end, "decision_parts") if end else None


def _labelled(ctx: BodyContext, u: Unit) -> tuple[int, int, str] | None:
    b = u.block
    raw = ctx.text[b.body:b.end]
    m = _LABEL_DROP.match(raw)
    keep = _LABEL_KEEP.match(raw)
    if not m and not keep:
        return None
    if m and b.cell and not raw[m.end():].strip() and not raw.rstrip().endswith(":"):
        return None  # a 'Decision' column header, not a label
    label = m or keep
    assert label is not None
    s = b.body + m.end() if m else b.body
    rest = fold(ctx.text[b.body + label.end():b.end])
    e = b.end
    open_ended = _OPENS_LIST.search(rest) or not re.search(r"[.?!]['’”\")]*$", rest) \
        or re.match(r"\((?:1|a|i)\)\s", rest)  # 'RESOLVED –' run on into its first part '(i) That ...'

    if keep and open_ended:  # 'RESOLVED: That' / 'RESOLVED (1) ...;' / 'That the Authority' then its parts
        for k, following in enumerate(ctx.units[u.index + 1:]):
            enum = following.block.enum or ""
            if following.item is not u.item or not re.fullmatch(r"\d{1,2}|[a-h]|[ivx]{1,4}", enum) \
                    or (k == 0 and enum not in ("1", "a", "i") and not rest.startswith("(")):
                break
            e = following.block.end
        if e > b.end:
            return s, e, "resolved_label"
    if e == b.end:
        later = [a for a, _ in sentence_spans(ctx.text, s, e)[1:] if _REQUEST.match(ctx.text[a:e])]
        if later:
            e = later[0]
            while ctx.text[e - 1].isspace():
                e -= 1
    note = re.search(r"(?<=[.!?])\s+\([^()]+\)\s*$", ctx.text[b.body:e])
    if note and e == b.end:  # 'RESOLVED: No objection. (Cllr X did not vote.)': a note on the vote, not the decision
        e = b.body + note.start()
    if not rest or rest.lower() in ("that", "that:", "-"):
        nxt = ctx.units[u.index + 1] if u.index + 1 < len(ctx.units) else None
        if nxt is None or nxt.item is not u.item or nxt.block.kind == "label":
            return None
        e = nxt.block.end
        if m:
            s = nxt.block.body
    return s, e, "decision_label" if m else "resolved_label"


def find_decisions(ctx: BodyContext) -> list[dict]:
    out: list[dict] = []
    taken: list[tuple[int, int]] = []
    for u in ctx.units:
        if any(a <= u.block.body < z for a, z in taken):
            continue  # a part of a decision already taken whole
        lab = _labelled(ctx, u) or _lead_with_parts(ctx, u)
        if lab:
            s, e, rule = lab
            out.append(_record(ctx, u, s, e, rule))
            taken.append((u.block.start, e))
    for u in ctx.units:
        b = u.block
        if any(a <= b.body < z for a, z in taken):
            continue
        for s, e in sentence_spans(ctx.text, b.body, b.end):
            sent = ctx.text[s:e]
            label = _SENTENCE_LABEL.match(sent)
            if label and fold(sent[label.end():]).strip(" :–—-"):
                if _LABEL_DROP.match(sent):
                    s += _LABEL_DROP.match(sent).end()
                out.append(_record(ctx, u, s, e, "resolved_label"))
            elif _is_decision(sent):
                # '... declared an interest ...; it was agreed that he would remain': the deciding clause
                clause = re.search(r";\s+(?=(?:it|It) was (?:agreed|resolved|decided)\b)", sent)
                if clause and not _may_decide(sent[:clause.start()]):
                    s += clause.end()
                out.append(_record(ctx, u, s, e, "decision_sentence"))
    out.sort(key=lambda r: r["evidence"]["start"])
    return out


def _record(ctx: BodyContext, u: Unit, s: int, e: int, rule: str) -> dict:
    return {"text": ctx.quote(s, e), "item_ref": u.item.ref if u.item else None,
            "evidence": ctx.evidence(s, e), "rule": rule}
