"""The body whose meeting it is: "what the text calls the board, committee or panel"
(ANNOTATION.md), spelt as printed.

Minutes name it in a "Minutes of the meeting of the X held on …" line, in a heading line
("West Mercia Governance Board", "X Panel - Tuesday …"), in heading lines stacked over a
"Minutes of the meeting held on …" line (the organisation over the committee; they read as
one name once the lines fold), at the end of a page flattened to one run-on line ("… FOR X
AND Y JOINT AUDIT COMMITTEE MINUTES OF …"), or only in passing ("the Fire Authority").
"""

from __future__ import annotations

import re

from .attendance_entry import _SENTENCE_VERB, parse_entry
from .dates import find_dates, find_month_years, parse_time
from .evidence import fold
from .names import is_role_word

BOILERPLATE = re.compile(
    r"(?i)^\s*(?:accessibility settings|skip to (?:main )?content|[•·]?\s*home|agenda and minutes|agendas?, meetings|"
    r"advertisement|meeting details|meeting summary|contact\s*:|media|items|no\.?\s+item|documents|occurred|"
    r"upload:|post on|\d+\s+views?|menu|search|print|share|back to|cookies?\b|you are here|breadcrumb)"
)
BODY_NOUN = r"(?:Board|Committee|Sub-Committee|Subcommittee|Panel|Council|Authority|Group|Forum|Commission|" \
            r"Body|Partnership|Cabinet|Assembly|Trust|Executive|Meeting|Governors|Directors|Court|Senate|Conference)"
_GENERIC = {"board", "panel", "committee", "council", "meeting", "public", "annual", "general", "previous", "next",
            "last", "first", "special", "extraordinary", "the", "full", "this", "that", "a", "members", "public meeting",
            "board meeting", "annual general meeting", "meeting notes", "meeting minutes"}
_MINUTES_OF = re.compile(
    r"(?i)\b(?:minutes?|notes|record)\s+of\s+(?:the\s+)?(?:(?:first|inaugural|\w+\s+)?(?:public\s+|private\s+)?meeting\s+"
    r"of\s+(?:the\s+)?)?(?P<x>[^\n]+?)(?=\s+(?:held|meeting\s+held|which\s+took|on\s+\w+day|dated|between|with\s+the)\b|\s*\(|\s+[-–]\s|\s*$|\.(?=\s)|"
    # a comma ends the name unless capitalised words and the body's noun follow ('Audit, Risk and Assurance Committee')
    rf"\s*,(?!\s*[A-Z][\w’'&-]*(?:\s+(?:and|&|[A-Z][\w’'&-]*))*\s+{BODY_NOUN}\b))"
)
_PASSING = [
    # "minutes of the meeting of the Fire Authority held on …", "… of Council held on …"
    re.compile(r"\bmeeting\s+of\s+(?P<the>the\s+)?(?P<x>[A-Z][\w’'&\-]*(?:\s+(?:[A-Z][\w’'&\-]*|and|of|for|&))*?)"
               r"\s+(?:held|on|dated|of)\b"),
    # "the first Assurance & Accountability (A&A meeting)", "the Great Western … Trust Board meeting"
    re.compile(r"\bthe\s+(?:first\s+|inaugural\s+|new\s+)?(?P<x>[A-Z][\w’'&\-]*(?:\s+(?:[A-Z][\w’'&\-]*|and|of|for|&))*?)"
               r"\s*(?:\((?:[A-Z&]+\s+)?meeting\)|\s+meeting\b)"),
]
_BODY_LABEL = re.compile(r"(?i)\s*(?:meeting|committee|board|body|panel|forum|group|minutes|notes|name\s+of\s+(?:the\s+)?"
                         r"(?:meeting|committee|body))\s*:\s*(?P<x>\S.*)$")
_MONTH_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december"}


# the kind of meeting, not the body's name ("Minutes of the Ordinary Meeting held on …")
_MEETING_KIND = re.compile(r"(?i)(?:(?:ordinary|annual|extraordinary|special|monthly|quarterly|public|general|full|"
                           r"statutory|budget|reconvened|adjourned|inaugural|first)\s+)+(?:general\s+)?meeting")


# the remit printed in brackets as part of the name: "Scrutiny Board (Environment, Housing and Communities)"
_REMIT = re.compile(r"\((?![^)]*\b(?:[Pp]ublic|[Pp]rivate|[Pp]art|[Mm]eeting|[Ss]ession|[Ii]tem|[Dd]raft)\b)[A-Z][a-z][\w’'-]*(?:,?\s+(?:and\s+|&\s+)?[A-Z][a-z][\w’'-]*)+\)")


def _clean_body(x: str) -> str | None:
    x = fold(x)
    x = re.sub(r"^(?:\S*\d\S*\s+)+", "", x)  # leading document references ("NLG(20)199", "17/663R")
    x = re.sub(r"\([^)]*\)", lambda b: b.group() if _REMIT.fullmatch(b.group()) else " ", x)  # "(PUBLIC)", "(A&A meeting)"
    # "MEETING OF THE … PANEL", "Sixty-Second Meeting of the …", "Proceedings of the …"
    x = re.sub(r"(?i)^(?:(?:a|the)\s+)?(?:(?:[\w-]+\s+)?meeting|proceedings)\s+of\s+(?:the\s+)?(?=\S)", "", x)
    x = re.sub(r"(?i)\s+(?:(?:held\s+)?in\s+(?:public|private)|part\s+(?:[12ab]|one|two)|public|private)\s*$", "", x)
    x = re.sub(r"(?i)\b(?:meeting\s+)?(?:notes|minutes|agenda)(?:\s+of\s+meeting)?\s*$", "", x.strip())
    series = re.search(rf"(?i)\b({BODY_NOUN})\s+meeting(?:\s+(?:held\s+)?in\s+(?:public|private))?\s*$", x)
    if series and series.group(1).lower() != "meeting":
        x = x[:series.end(1)]  # "Board of Directors Meeting in Public": the board, not its meeting
    x = fold(x).strip(" ,;:–-")
    words = x.split()
    # leading document references such as "NLG(20)199", "17/663R"
    while words and re.search(r"\d", words[0]):
        words = words[1:]
    x = " ".join(words).strip(" ,;:–-")
    if not x or x.lower() in _GENERIC or len(words) > 14:
        return None
    if all(w.lower() in _GENERIC or w.lower() in _MONTH_WORDS for w in words):
        return None
    # a name, not a sentence: capitalised words (and connectors), ending in the body's noun
    lower = [w for w in words if w[:1].islower() and w not in ("and", "of", "for", "the", "on", "&", "in")]
    if lower and not _sentence_case_name(words, lower):
        return None
    if not re.search(rf"(?i)\b{BODY_NOUN}(?:\s+(?:of|for|on)\s+(?:the\s+)?\S+(?:\s+\S+){{0,3}})?(?:\s+\([^)]*\))?$", x):
        return None
    return x


_NOT_IN_NAME = {"was", "were", "is", "are", "be", "been", "held", "will", "would", "has", "have", "had", "to", "that",
                "which", "who", "by", "at", "next", "previous", "last", "future", "date", "time", "this", "these",
                "those", "a", "an", "from", "between", "with", "our", "your", "their", "its", "not", "no", "minutes",
                "notes", "agenda", "item", "items", "meeting's"}


def _sentence_case_name(words: list[str], lower: list[str]) -> bool:
    """"Police and crime panel", "Investment Advisory & Monitoring meeting": a name written in
    sentence case (gov.uk style), not a sentence or a heading such as "Date of next meeting"."""
    if not words[0][:1].isupper() or any(w.lower() in _NOT_IN_NAME for w in lower) or len(words) > 8:
        return False
    if not re.fullmatch(BODY_NOUN, words[-1], re.I):
        return False
    if words[-1] == "meeting":  # only a capitalised name before it: "Investment Advisory & Monitoring meeting"
        return lower == ["meeting"]
    return True


# words of a committee's own name ("Joint Independent Audit Committee"), as opposed to the
# place or organisation a run-on heading prints before it
_NAME_OF_BODY_WORDS = {"joint", "independent", "audit", "ethics", "risk", "standards", "finance", "scrutiny",
                       "overview", "governance", "remuneration", "nominations", "appointments", "quality",
                       "performance", "resources", "people", "planning", "licensing", "pensions", "investment",
                       "health", "safety", "wellbeing", "strategic", "executive", "accountability", "assurance",
                       "policy", "social", "care", "adult", "adults", "children", "young", "education", "housing",
                       "environment", "economy", "communities", "community", "transport", "police", "crime", "fire",
                       "rescue", "and", "&"}


def _tail_body(heading: str) -> str | None:
    """The committee at the end of a long run-on heading, without the organisation before it."""
    words = fold(heading).split()
    if len(words) <= 14 or not words or not re.fullmatch(BODY_NOUN, words[-1], re.I):
        return None
    k = len(words) - 1
    while k > 0 and words[k - 1].lower() in _NAME_OF_BODY_WORDS:
        k -= 1
    while k < len(words) - 1 and words[k].lower() in ("and", "&"):
        k += 1
    return " ".join(words[k:]) if len(words) - k >= 2 else None


def _stack_above(text: str, above: list[tuple[int, int]]) -> list[str]:
    """The heading lines right above a "Minutes of the meeting held on …" line (at most three): all
    in capitals, or names in title case; page boilerplate, dates and sentences end the stack."""
    stack: list[str] = []
    prev_start = None
    for s, e in reversed(above[-3:]):
        if prev_start is not None and text.count("\n", e, prev_start) > 2:
            break  # separated by more than one blank line
        ln = fold(text[s:e])
        words = ln.split()
        if BOILERPLATE.match(ln) or find_dates(ln) or ":" in ln or ln.endswith(".") or len(words) > 12 \
                or _SENTENCE_VERB.search(ln) or _person_line(text, s, e):
            break
        if not ln.isupper() and any(w[:1].islower() and w not in ("and", "of", "for", "the", "&", "in", "on")
                                    for w in words):
            break
        stack.insert(0, ln)
        prev_start = s
    return stack


def _person_line(text: str, s: int, e: int) -> bool:
    """"Mrs Jane Smith", "Jane Smith": an attendee, unlike "Greenfield Academy Trust" or "Ashcombe University"."""
    entry = parse_entry(text, s, e)
    line = text[s:e].strip()
    return entry is not None and (entry.titled or not any(is_role_word(w) for w in line.split())
                                  and not re.search(rf"(?i)\b{BODY_NOUN}$", line))


def _stacked(text: str, above: list[tuple[int, int]], part: str) -> str | None:
    """"Office for Water Standards and Assurance" over "Board meeting minutes: 6 March 2024":
    a generic body noun under the organisation's name reads as one name (the lines fold into one)."""
    generic = fold(re.sub(r"(?i)\b(?:meeting\s+)?(?:minutes|notes|agenda)\b.*$", "", part)).strip(" ,;:–-")
    if not above or generic.lower() not in _GENERIC or not re.fullmatch(BODY_NOUN, generic, re.I):
        return None
    org = fold(text[above[-1][0]:above[-1][1]])
    words = org.split()
    if BOILERPLATE.match(org) or not 1 <= len(words) <= 10 or find_dates(org) or _SENTENCE_VERB.search(org) \
            or any(w[:1].islower() and w not in ("and", "of", "for", "the", "&", "in", "on") for w in words):
        return None
    return _clean_body(org + " " + generic)


def _bare_series(line: str, m: re.Match) -> str | None:
    """"Minutes of Full Council held on …", "Minutes of Council held …": with no article before it,
    a capitalised generic noun is the series' own name (ANNOTATION.md keeps "Council"), whereas
    "the Board" is only a reference."""
    x = fold(m.group("x"))
    if re.search(r"(?i)\b(?:the|a|an)\s*$", line[m.start():m.start("x")]):
        return None
    words = x.split()
    if not 1 <= len(words) <= 2 or not all(w[:1].isupper() for w in words) or words[-1].lower() == "meeting" \
            or not re.fullmatch(BODY_NOUN, words[-1], re.I) or not all(w.lower() in _GENERIC for w in words):
        return None
    return x


def _strip_dates(line: str) -> str:
    """Remove dates, times and weekdays ("- Tuesday 21st February 2023 2:00pm")."""
    for d in sorted(find_dates(line) + find_month_years(line), key=lambda d: -d.start):
        line = line[:d.start] + " " + line[d.end:]
    t = parse_time(line)
    while t:
        line = line[:t[1]] + " " + line[t[2]:]
        t = parse_time(line)
    line = re.sub(r"(?i)\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b,?", " ", line)
    return re.sub(r"\s+(?:to|-|–|@)\s*$", "", fold(line))


def find_body(text: str, lines: list[tuple[int, int]]) -> str | None:
    """The body's name from the first heading lines of ``text`` (``lines``: non-blank line spans), or None."""
    head = lines[:15]
    # 0. a label: "Meeting: Corporate Parenting Board", "Committee: Audit and Risk Committee"
    for s, e in head:
        m = _BODY_LABEL.match(text[s:e])
        x = _clean_body(_strip_dates(m.group("x"))) if m else None
        if x:
            return x
    # 1. "Minutes of the meeting of the X held on …" in a heading line
    for k, (s, e) in enumerate(head):
        line = text[s:e]
        m = _MINUTES_OF.search(line)
        if m and m.start() < 80:
            x = _clean_body(_strip_dates(m.group("x"))) or _bare_series(line, m)
            if x and _MEETING_KIND.fullmatch(x):
                # "X Parish Council – Minutes of the Ordinary Meeting held …": a kind of meeting,
                # the body is named before it or in the heading above
                before = _clean_body(_strip_dates(line[:m.start()]))
                stack = _stack_above(text, head[:k])
                x = before or (_clean_body(" ".join(stack)) if stack else None) or x
            elif x and re.search(BODY_NOUN, x, re.I):
                stack = _stack_above(text, head[:k])
                if stack and stack[-1].lower().endswith(x.lower()) and len(stack[-1]) > len(x):
                    x = _clean_body(stack[-1]) or x  # "OAKSHIRE FIRE … AUTHORITY" over "the Authority meeting"
            if x and re.search(BODY_NOUN, x, re.I):
                return x
            series = re.match(r"\s+meeting\b", line[m.end("x"):], re.I)
            x = _clean_body(line[m.start("x"):m.end("x") + series.end()]) if series else None
            if x and _MEETING_KIND.fullmatch(x):  # "… – Minutes of the Ordinary Meeting held …"
                before = _clean_body(_strip_dates(line[:m.start()]))
                stack = _stack_above(text, head[:k])
                x = before or (_clean_body(" ".join(stack)) if stack else None) or x
            if x and x.lower() not in _GENERIC:
                return x  # "Minutes of the Annual Parish Meeting held …": a meeting series
            before = _clean_body(_strip_dates(line[:m.start()]))
            if before and re.search(BODY_NOUN, before, re.I):
                return before  # "TRUST BOARD OF DIRECTORS (PUBLIC) Minutes of the Public Meeting held on …"
            # the heading lines stacked above name it: "NHS LIVERPOOL … GROUP" / "GOVERNING BODY" /
            # "Minutes of meeting held on …"; "Acme Housing Association" / "Minutes of the Board meeting …"
            stack = _stack_above(text, head[:k])
            generic = fold(m.group("x")).strip(" ,;:–-")
            if stack and generic.lower() in _GENERIC and re.fullmatch(BODY_NOUN, generic, re.I) \
                    and generic.lower() != "meeting":
                named = stack[-1].lower().endswith(generic.lower())  # "… Care Board" over "the Board Meeting"
                x = _clean_body(" ".join(stack + ([] if named else [generic])))
                if x:
                    return x
            if stack and (all(ln.isupper() for ln in stack) or _clean_body(" ".join(stack))):
                return _clean_body(" ".join(stack)) or " ".join(stack)
    # 2. a heading line naming the body ("West Mercia Governance Board", "X Panel - Tuesday …")
    for k, (s, e) in enumerate(head):
        line = fold(text[s:e])
        if BOILERPLATE.match(line) or len(line.split()) > 20 or line.endswith(".") or \
                re.match(r"^[\w ]{1,20}:", line):
            continue
        for part in re.split(r"\s+[-–|]\s+|\s+-(?=\d)", line):
            part = re.sub(r"\s+(?:with\s+the|between)\s.*$", "", _strip_dates(part))  # "… Meeting with the Police Service"
            if re.search(rf"\b{BODY_NOUN}\b", part, re.I if part.isupper() else 0) or \
                    re.search(rf"(?i)\b{BODY_NOUN}(?:\s+meeting)?(?:\s*\([A-Z&]{{2,8}}\))?(?:\s+(?:minutes|notes))?$", part):
                # (a name in sentence case: "Police and crime panel meeting")
                x = _clean_body(part) or _stacked(text, head[:k], part)
                if x and not re.match(r"(?i)(?:agenda|minutes|notes)\b", x):
                    return x
    # 2b. a long run-on heading ("… COMMISSIONER FOR X AND Y JOINT AUDIT COMMITTEE MINUTES OF THE MEETING …")
    for s, e in head[:3]:
        m = re.search(r"(?i)\b(?:minutes|notes)\s+of\b", text[s:e])
        if m and m.start() < 300:
            x = _tail_body(_strip_dates(text[s:s + m.start()]))
            if x:
                return x
    # 3. the body named in passing ("the Fire Authority", "meeting of Council", "the first X (A&A meeting)")
    best = None
    for rx in _PASSING:
        for m in rx.finditer(text):
            x = fold(m.group("x"))
            words = x.split()
            if not words or words[0].lower() in _MONTH_WORDS | {"chair", "chairman", "commissioner"}:
                continue
            if len(words) == 1 and (x.lower() in _GENERIC and (m.groupdict().get("the") or rx is _PASSING[1])):
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), x)
            break
    return best[1] if best else None
