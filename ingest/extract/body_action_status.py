"""Who owns an action and how far it has got.

Owners are written at the front ("CC to provide ...", "NA, MS, HK and CR to meet ...",
"Mr Cosh agreed to ensure ...") or as a tag ("(Owner: CC)", "... ACTION: RJ/DB/AC").
A passive action ("The DPCC to be provided with an update") names its recipient, not
its owner, so it has none.

Status of an action raised earlier comes from what this meeting says about it:
``complete`` when it says closed/complete/done, or reports the very thing the action
asked for ("to be circulated" -> "was circulated"); ``updated`` when it reports
progress without closing it; ``None`` when it says nothing yet ("Not yet due",
"Verbal update to be given").

>>> status_of("Officials are preparing a paper. Action ongoing.")
'updated'
>>> status_of("The paper was circulated as requested.", "The paper to be circulated.")
'complete'
"""

from __future__ import annotations

import re
from typing import Literal

from .body_lexicon import ROLE_ABBR, fold

_OWNER_TOKEN = r"(?:[A-Z][\w'’/.&-]*|T/[A-Z]+)"
LEAD_OWNER = re.compile(
    rf"^(?:[Tt]he\s+)?(?P<who>{_OWNER_TOKEN}(?:(?:\s*[,/]\s*|\s+(?:and|&|of|for)\s+|\s+){_OWNER_TOKEN})*)\s+"
    r"(?:(?P<had>had|has|have)\s+)?(?:is\s+|are\s+)?(?P<how>to|will|shall|undertook to|agreed to|offered to|volunteered to)\s+"
    r"(?!be\b)(?P<verb>[a-z][a-z-]+)"
)
OWNER_TAG = re.compile(
    r"(?:\(\s*(?:Owner|Lead|Action|Responsible|By)\s*[:\-–]\s*(?P<a>[^)]{1,40})\)"
    r"|\s\((?P<c>[A-Z]{2,5}(?:\s*(?:/|,|&|and)\s*[A-Z]{2,5})*)\)"
    r"|(?<=[.;])\s+(?P<d>[A-Z]{2,5}(?:\s*(?:/|,|&)\s*[A-Z]{2,5})*)"
    r"|(?:^|(?<=[.;)])|\s)(?:ACTION|Action|Owner|Lead)\s*(?:by)?\s*[:\-–]\s*(?P<b>[A-Z][\w/&.,' ]{0,40}?))\s*\.?\s*$"
)
_DUE_TAG = re.compile(
    r"(?:[.;,]\s*|\s+)(?:Due|Deadline|Target(?: [Dd]ate)?|Timescale|By when|Date)\s*[:\-–]\s*[^.:()]{1,30}\.?\s*$")
_COLLECTIVE = re.compile(
    r"^(?:Board|Committee|Sub-Committee|Panel|Council|Authority|Members|Meeting|Group|Forum|Cabinet|It|We|This|"
    r"Governing Body|Trust Board)$"
)

_NOTHING_YET = re.compile(r"\b(?:not yet due|to be (?:given|provided|confirmed|arranged|scheduled)|tbc|tbd|no update)\b", re.I)
_CLOSED = re.compile(
    r"\b(?:closed?|complete[d]?|discharged|done|achieved|actioned|superseded|no further action|"
    r"(?:has|had|have) (?:now )?taken place|(?:can|could|may) (?:now )?be closed)\b",
    re.I,
)
_NOT_CLOSED = re.compile(r"\bnot (?:yet )?(?:closed|complete[d]?|done|achieved)\b|\bremain(?:s)? open\b", re.I)
_PROGRESS = re.compile(
    r"\b(?:ongoing|on-going|in progress|progress(?:ed|ing)?|underway|under way|re-?organised|re-?scheduled|"
    r"deferred|delayed|postponed|carried forward|outstanding|remain(?:s|ing)?|partially|partly|"
    r"continu(?:e|es|ing))\b",
    re.I,
)
# on this meeting's agenda (done), unlike 'on the agenda for March' (a later meeting)
_ON_AGENDA = re.compile(r"\b(?:substantive item|on (?:the|this|today[’']s) agenda(?!\s+(?:for|of|at)\s)|as an agenda item|"
                        r"agenda item)\b", re.I)
# a status word opening the report ('– outstanding; visit to be arranged for April')
_OPEN_WORD_FIRST = re.compile(r"^[\W]*(?:outstanding|ongoing|on-going|in progress|open|remains open)\b", re.I)
_DONE_PASSIVE = re.compile(r"\b(?:has|have|had|was|were) (?:now |already )?(?:been )?(?:\w+ed|sent|done|given|held|made|written|taken|met)\b(?! to\b)")
_FUTURE_ONLY = re.compile(r"^(?:(?!\b(?:was|were|has|have|had|is|are)\b).)*\b(?:would|will|to be|shall)\b", re.I | re.S)
_IRREGULAR = {"give": "given", "send": "sent", "hold": "held", "make": "made", "meet": "met", "write": "written",
              "bring": "brought", "take": "taken", "do": "done", "set": "set", "put": "put"}


def lead_owner(text: str) -> str | None:
    """'NA, MS, HK and CR to meet ...' -> 'NA, MS, HK and CR'; passive or none -> None."""
    m = LEAD_OWNER.match(fold(text))
    if not m:
        return None
    who = m.group("who").strip()
    if _COLLECTIVE.match(who):
        return None
    return who


def tag_owner(text: str) -> tuple[str | None, int]:
    """An owner tag at the end of ``text`` and where it starts (len(text) if none).
    A deadline after the tag ('Lead: Head of Estates. Due: June 2024') is not the owner."""
    due = _DUE_TAG.search(text)
    m = OWNER_TAG.search(text[:due.start()] if due else text)
    if not m:
        return None, len(text)
    if m.group("c") and (_abbreviates(m.group("c"), text[:m.start()])
                         or lead_owner(text) and m.group("c") in ROLE_ABBR):
        # 'CC to brief members (DPCC)': a post named in the action, not its owner; initials after an
        # action that names a team ('Public Health to notify ... (JD)') are the person who owns it
        return None, len(text)  # 'CC to report to the Police and Crime Panel (PCP)': not an owner
    who = (m.group("a") or m.group("b") or m.group("c") or m.group("d") or "").strip(" .,")
    who = re.split(r"\s*[;,]?\s+\b(?:due|deadline|by|target|date|timescale|when)\b|\s*;", who, flags=re.I)[0].strip(" .,")
    if not who or len(who.split()) > 6 or re.search(r"\b(?:to|will|should|is|are)\b", who):
        return None, len(text)
    return who, m.start()


def _abbreviates(abbr: str, before: str) -> bool:
    """'(PCP)' after 'Police and Crime Panel' spells out the words before it."""
    initials = "".join(w[0] for w in re.findall(r"[A-Z][\w'’-]*", before.split(",")[-1]))
    return len(abbr) >= 2 and initials.upper().endswith(abbr.upper())


def _main_verbs(action: str) -> list[str]:
    return re.findall(r"\b(?:to be|to|will|would)\s+([a-z]{3,})", action.lower())


def reports_done(update: str, action: str) -> bool:
    """The update reports doing what the action asked ('to be circulated' -> 'was circulated')."""
    low = update.lower()
    for verb in _main_verbs(action):
        stem = verb[:-1] if verb.endswith("e") else verb
        stem = stem[:-2] if stem.endswith("ed") else stem
        forms = rf"{re.escape(stem)}\w*(?:ed|en)" + (rf"|{_IRREGULAR[verb]}" if verb in _IRREGULAR else "")
        for m in re.finditer(rf"\b(?:{forms})\b", low):
            before = low[max(0, m.start() - 12):m.start()]
            if not re.search(r"\b(?:to be|will be|would be|to|be)\s+$", before):
                return True
    return False


def _explicit(update: str) -> str | None | Literal[False]:
    """The status a closing sentence states ('Action closed.'), or False if none does."""
    for sent in re.split(r"(?<=[.;!])\s+", update):
        if is_status_sentence(sent):
            low = sent.lower()
            if re.search(r"not yet due", low):
                return None
            if re.search(r"ongoing|on-going|open|in progress", low):
                return "updated"
            return "complete"
    return False


_STOP = {"with", "that", "this", "from", "will", "would", "have", "been", "were", "their", "there", "which",
         "about", "before", "after", "following", "meeting", "provided", "provide"}


def same_subject_done(update: str, action: str) -> bool:
    """An update in the past tense about the same things the action named
    ('DPCC to be provided with an update following the RTC review' ->
    'The DPCC received a written update on the RTC review')."""
    first = re.split(r"(?<=[.!?])\s", fold(update))[0].lower()
    if not re.search(r"\b(?:\w+ed|received|gave|given|sent|made|took|met|held|was|were)\b", first):
        return False
    if re.search(r"\b(?:will|would|to be|not)\b", first):
        return False
    return len(_content_words(action) & _content_words(update)) >= 2


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[a-z]{4,}|[A-Z]{2,}", fold(text)) if w.lower() not in _STOP}


def status_of(update: str | None, action: str = "", infer: bool = False) -> str | None:
    """complete | updated | None for an earlier action, from what this meeting reports.

    ``infer``: the update was given under the action itself ("Update: ..."), so an
    update reporting in the past tense on the same subject counts as closing it."""
    u = fold(update)
    if not u:
        return None
    said = _explicit(u)
    if said is None or isinstance(said, str):
        return said
    if _NOT_CLOSED.search(u) or _OPEN_WORD_FIRST.match(u) and len(u.split()) > 2:
        return "updated"
    if _CLOSED.search(u):
        return "complete"
    if _NOTHING_YET.search(u):
        return None
    if reports_done(u, action) or _ON_AGENDA.search(u) or (infer and same_subject_done(u, action)):
        return "complete"
    if _PROGRESS.search(u):
        return "updated"
    if _DONE_PASSIVE.search(u):
        return "complete"
    if _FUTURE_ONLY.search(u):
        return None
    return "updated"


def is_status_sentence(sentence: str) -> bool:
    """A sentence that only states status ('Closed.', 'Action ongoing.', 'the action ... can now be closed')."""
    s = fold(sentence).lower().rstrip(".")
    if re.fullmatch(r"(?:status\s*[:\-–]\s*)?(?:the\s+)?(?:action\s+)?(?:is\s+|was\s+|now\s+)*"
                    r"(?:closed|complete[d]?|ongoing|on-going|open|done|discharged|in progress|not yet due)", s):
        return True
    return bool(re.search(r"\baction (?:had|has) (?:now )?(?:taken place|been (?:completed|done))|"
                          r"\b(?:can|could) (?:now )?be closed\b", s)) and len(s.split()) <= 20
