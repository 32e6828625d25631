"""The meeting itself: title, body, date, time and venue.

The date is chosen among all dates in the text by the cues that mark a meeting's own
date ("Date:" label, weekday, a time beside it, "held on", a heading line, early in
the text) against those that mark other dates (minutes of an earlier meeting being
approved, the next meeting, deadlines, compilation dates). A date printed without its
year takes it from the title ("Monthly Assurance Meeting July 2018") or from item refs
that embed the date ("Ref 01/26/07/2023").
"""

from __future__ import annotations

import re

from .attendance_entry import _SENTENCE_VERB, parse_entry
from .dates import DateMention, find_dates, find_month_years, parse_time
from .evidence import fold

_BOILERPLATE = re.compile(
    r"(?i)^\s*(?:accessibility settings|skip to (?:main )?content|[•·]?\s*home|agenda and minutes|agendas?, meetings|"
    r"advertisement|meeting details|meeting summary|contact\s*:|media|items|no\.?\s+item|documents|occurred|"
    r"upload:|post on|\d+\s+views?|menu|search|print|share|back to|cookies?\b|you are here|breadcrumb)"
)
_BODY_NOUN = r"(?:Board|Committee|Sub-Committee|Subcommittee|Panel|Council|Authority|Group|Forum|Commission|" \
             r"Body|Partnership|Cabinet|Assembly|Trust|Executive|Meeting|Governors|Directors|Court|Senate|Conference)"
_GENERIC = {"board", "panel", "committee", "council", "meeting", "public", "annual", "general", "previous", "next",
            "last", "first", "special", "extraordinary", "the", "full", "this", "that", "a", "members", "public meeting",
            "board meeting", "annual general meeting", "meeting notes", "meeting minutes"}
_MINUTES_OF = re.compile(
    r"(?i)\b(?:minutes|notes|record)\s+of\s+(?:the\s+)?(?:(?:first|inaugural|\w+\s+)?(?:public\s+|private\s+)?meeting\s+"
    r"of\s+(?:the\s+)?)?(?P<x>[^\n]+?)(?=\s+(?:held|meeting\s+held|which\s+took|on\s+\w+day|dated)\b|\s*[,(]|\s+[-–]\s|\s*$)"
)
_PASSING = [
    # "minutes of the meeting of the Fire Authority held on …", "… of Council held on …"
    re.compile(r"\bmeeting\s+of\s+(?P<the>the\s+)?(?P<x>[A-Z][\w’'&\-]*(?:\s+(?:[A-Z][\w’'&\-]*|and|of|for|&))*?)"
               r"\s+(?:held|on|dated|of)\b"),
    # "the first Assurance & Accountability (A&A meeting)", "the Great Western … Trust Board meeting"
    re.compile(r"\bthe\s+(?:first\s+|inaugural\s+|new\s+)?(?P<x>[A-Z][\w’'&\-]*(?:\s+(?:[A-Z][\w’'&\-]*|and|of|for|&))*?)"
               r"\s*(?:\((?:[A-Z&]+\s+)?meeting\)|\s+meeting\b)"),
]
_MONTH_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december"}
_DATE_LABEL = re.compile(r"(?i)^\s*(?:meeting\s+)?date(?:\s+of\s+meeting)?\s*[:\-–]?\s*")
_TIME_LABEL = re.compile(r"(?i)^\s*(?:meeting\s+)?time\s*[:\-–]?\s*\S")
_OTHER_DATE = re.compile(
    r"(?i)\b(?:next|future|forthcoming|following)\s+meeting|date\s+of\s+(?:the\s+)?next|deadline|no\s+later\s+than|"
    r"due\s+(?:by|date)|compiled|published|printed|issued|circulated|updated\s+on|revised|target|"
    r"approv|agree|confirm|sign(?:ed)?\b|previous|last\s+meeting|prior|arising|action\s+(?:log|tracker)|"
    r"correct\s+record|accurate\s+record|for\s+the\s+meeting\s+held"
)
_VENUE_LABEL = re.compile(r"^\s*(?:Venue|VENUE|Meeting\s+[Vv]enue)\s*[:\-–]?\s+(?P<v>\S.*)$|"
                          r"^\s*(?:Location|LOCATION|Place|PLACE|Where|Meeting\s+[Pp]lace|Meeting\s+[Ll]ocation)\s*:\s*(?P<w>\S.*)$")
_VENUE_WORDS = re.compile(
    r"(?i)\b(?:room|rooms|chamber|hall|house|building|buildings|centre|center|offices|hq|headquarters|suite|teams|"
    r"zoom|video|conference|online|virtual|boardroom|hotel|library|civic|webex|skype|microsoft|campus|station)\b")
_VENUE_STOP = re.compile(r",?\s+(?:Present|PRESENT|For\s+the|FOR\s+THE|Minutes|MINUTES|Attendance|ATTENDANCE|Chair\b|"
                         r"In\s+[Aa]ttendance|Apologies|APOLOGIES)\b|;|\.\s+View\b|\s+View\s+directions")


def extract_meeting(text: str) -> dict:
    """``{"title", "body", "date", "time", "venue"}`` of the meeting (values may be None).

    >>> m = extract_meeting("Audit Committee\\nDate: Tuesday 3 May 2022 at 2.00pm\\nVenue: Room 4, County Hall\\n")
    >>> m["body"], m["date"], m["time"], m["venue"]
    ('Audit Committee', '2022-05-03', '14:00', 'Room 4, County Hall')
    """
    lines = _lines(text)
    title = _title(text, lines)
    chosen, iso = _meeting_date(text, lines, title)
    time = venue = None
    if chosen is not None:
        time = _time(text, chosen)
        venue = _venue_near(text, chosen)
    time = time or _labelled_time(text, lines)
    venue = _venue_label(text, lines) or venue
    return {"title": title, "body": _body(text, lines, title), "date": iso, "time": time, "venue": venue}


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _line_of(text: str, pos: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return s, len(text) if e < 0 else e


def _title(text: str, lines: list[tuple[int, int]]) -> str | None:
    """The first heading-like line (page boilerplate skipped), cut before any list."""
    for s, e in lines[:12]:
        line = fold(text[s:e])
        entry = parse_entry(text, s, e)
        if re.match(r"[•·▪\-*]", line) or entry and (entry.role is None or entry.titled):
            continue  # an attendee, not a title
        if re.match(r"(?i)(?:minutes|notes)\s+of\b", line):
            return _cut_title(line)
        if _SENTENCE_VERB.search(line) or line.endswith(".") or len(line.split()) < 2 or line[:1].islower() \
                or re.match(r"To [a-z]|\d+(?:\.\d+)*\.?\s", line):
            continue
        if not re.search(rf"(?i)\b(?:{_BODY_NOUN}|minutes|notes|agenda)\b", line) and not find_dates(line):
            continue  # an item heading ("Apologies for Absence"), not the document's title
        if re.search(r"(?i)\bpdf\b|\b\d+\s*kb\b", line):
            continue
        if _BOILERPLATE.match(line) or len(line) < 4 or re.match(r"(?i)(?:date|time|venue|chair|present)\b", line):
            continue
        if not re.search(r"[A-Za-z]{3}", line) or re.fullmatch(r"[\d\s/.:-]+", line):
            continue
        return _cut_title(line)
    return None


def _cut_title(line: str) -> str:
    line = re.split(r",?\s+(?:Present|PRESENT)\b:?|\s+For the purpose\b", line)[0]
    if len(line) > 160:
        line = line[:160].rsplit(" ", 1)[0]
    return line.strip(" ,;:–-")


def _clean_body(x: str) -> str | None:
    x = fold(x)
    x = re.sub(r"^(?:\S*\d\S*\s+)+", "", x)  # leading document references ("NLG(20)199", "17/663R")
    x = re.sub(r"\([^)]*\)", " ", x)  # "(PUBLIC)", "(A&A meeting)"
    x = re.sub(r"(?i)\s+(?:(?:held\s+)?in\s+(?:public|private)|part\s+(?:[12ab]|one|two)|public|private)\s*$", "", x)
    x = re.sub(r"(?i)\b(?:meeting\s+)?(?:notes|minutes|agenda)(?:\s+of\s+meeting)?\s*$", "", x.strip())
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
    if any(w[:1].islower() and w not in ("and", "of", "for", "the", "on", "&", "in") for w in words):
        return None
    if not re.search(rf"(?i)\b{_BODY_NOUN}(?:\s+(?:of|for|on)\s+(?:the\s+)?\S+(?:\s+\S+){{0,3}})?$", x):
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


def _body(text: str, lines: list[tuple[int, int]], title: str | None) -> str | None:
    head = lines[:15]
    # 1. "Minutes of the meeting of the X held on …" in a heading line
    for k, (s, e) in enumerate(head):
        line = text[s:e]
        m = _MINUTES_OF.search(line)
        if m and m.start() < 80:
            x = _clean_body(_strip_dates(m.group("x")))
            if x and re.search(_BODY_NOUN, x, re.I):
                return x
            before = _clean_body(_strip_dates(line[:m.start()]))
            if before and re.search(_BODY_NOUN, before, re.I):
                return before  # "TRUST BOARD OF DIRECTORS (PUBLIC) Minutes of the Public Meeting held on …"
            caps: list[str] = []  # "NHS LIVERPOOL … GROUP" / "GOVERNING BODY" / "Minutes of meeting held on …"
            for s2, e2 in reversed(head[:k]):
                ln = fold(text[s2:e2])
                if not ln.isupper() or _BOILERPLATE.match(ln):
                    break
                caps.insert(0, ln)
            if caps:
                return " ".join(caps)
    # 2. a heading line naming the body ("West Mercia Governance Board", "X Panel - Tuesday …")
    for s, e in head:
        line = fold(text[s:e])
        if _BOILERPLATE.match(line) or len(line.split()) > 20 or line.endswith(".") or \
                re.match(r"^[\w ]{1,20}:", line):
            continue
        for part in re.split(r"\s+[-–|]\s+|\s+-(?=\d)", line):
            part = _strip_dates(part)
            if re.search(rf"\b{_BODY_NOUN}\b", part, re.I if part.isupper() else 0):
                x = _clean_body(part)
                if x and not re.match(r"(?i)(?:agenda|minutes|notes)\b", x):
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


def _score(text: str, d: DateMention, lines: list[tuple[int, int]]) -> float | None:
    s, e = _line_of(text, d.start)
    line = text[s:e]
    before = text[s:d.start]
    score = 0.0
    label = _DATE_LABEL.match(line)
    if label and len(label.group()) >= 4:
        score += 3
    if d.weekday:
        score += 2
    if parse_time(line[d.end - s:]) or parse_time(before[-25:]):
        score += 2
    if d.year:
        score += 1
    if re.search(r"(?i)\b(?:held|meeting)\s+(?:on|at)\b[^.]{0,40}$", before):
        score += 1
    short = len(line.split()) <= 14
    # the sentence around the date (within its line); for a short line, the heading above it
    sent_s = max(s, text.rfind(". ", 0, d.start) + 2)
    sent_e = text.find(". ", d.end)
    context = text[sent_s:min(e, sent_e) if sent_e > 0 else e]
    if short:
        k = next((i for i, (ls, _) in enumerate(lines) if ls == s), None)
        if k:
            context = text[lines[max(0, k - 2)][0]:lines[k - 1][1]] + " " + context
    if d.start > 400 and re.search(r"(?i)\bminutes\b", context):
        score -= 6  # a date listed under a later "Minutes" item is the approved meeting's
    if _OTHER_DATE.search(context) and not (d.start < 300 and re.match(r"(?i)\s*(?:minutes|notes)\s+of\b", text[s:])):
        score -= 6
    if not (d.weekday or score >= 2 and parse_time(line) or short or _DATE_LABEL.match(line)):
        return None  # a bare date inside running text is not the meeting's date
    return score - d.start / 2000


def _meeting_date(text: str, lines: list[tuple[int, int]], title: str | None) -> tuple[DateMention | None, str | None]:
    best = None
    for d in find_dates(text):
        sc = _score(text, d, lines)
        if sc is not None and sc > 0 and (best is None or sc > best[0]):
            best = (sc, d)
    if best is None:
        return None, None
    d = best[1]
    return d, d.iso(d.year or _infer_year(text, d, lines, title))


def _infer_year(text: str, d: DateMention, lines: list[tuple[int, int]], title: str | None) -> int | None:
    """Year for a date printed without one: title, then date-bearing refs, then the header."""
    head = text[:lines[min(5, len(lines) - 1)][1]] if lines else ""
    for my in find_month_years(title or "") + find_month_years(head):
        if my.month == d.month:
            return my.year
    for m in re.finditer(r"(?<!\d)(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)(?!\d)", text):
        if int(m.group(1)) == d.day and int(m.group(2)) == d.month:
            return int(m.group(3))
    years = re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", head)
    return int(years[0]) if years else None


def _time(text: str, d: DateMention) -> str | None:
    s, e = _line_of(text, d.start)
    t = parse_time(text[d.end:e]) or parse_time(text[max(s, d.start - 25):d.start])
    if t:
        return t[0]
    # the next line or two ("Time: 14:00hrs", "2.00 pm")
    pos = e + 1
    for _ in range(2):
        ls, le = _line_of(text, min(pos, len(text)))
        line = text[ls:le]
        if line.strip() and len(line.split()) <= 6:
            t = parse_time(line)
            if t:
                return t[0]
        pos = le + 1
        if pos >= len(text):
            break
    return None


def _labelled_time(text: str, lines: list[tuple[int, int]]) -> str | None:
    for s, e in lines[:25]:
        if _TIME_LABEL.match(text[s:e]):
            t = parse_time(text[s:e])
            if t:
                return t[0]
    return None


def _clean_venue(v: str) -> str | None:
    v = _VENUE_STOP.split(v)[0]
    v = re.sub(r"(?i)^\s*(?:in\s+the|held\s+(?:at|in)(?:\s+the)?|at\s+the|via|in|at|@)\s+", "", fold(v))
    v = re.sub(r"(?i)\.?\s*view\s+directions\s*$", "", v).strip(" ,;:.–-")
    return v or None


def _venue_label(text: str, lines: list[tuple[int, int]]) -> str | None:
    for s, e in lines[:30]:
        m = _VENUE_LABEL.match(text[s:e])
        if m:
            return _clean_venue(m.group("v") or m.group("w"))
    return None


def _venue_near(text: str, d: DateMention) -> str | None:
    s, e = _line_of(text, d.start)
    after = text[d.end:e]
    t = parse_time(after)
    if t and t[1] < 30:
        after = after[t[2]:]
    after = re.sub(r"^\s*(?:[-–]\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?|to\s+\d{1,2}[:.]\d{2})", "", after)
    m = re.match(r"(?i)\s*[,.]?\s*(?:in|at|via|held\s+(?:at|in))\s+(?:the\s+)?(?P<v>\S.*)", after)
    if m and m.group("v")[:1].isupper() and not parse_time(m.group("v")[:12]):
        return _clean_venue(m.group("v"))
    m = re.match(r"\s*[,–-]\s*(?P<v>[A-Z].*)", after)
    if m and _VENUE_WORDS.search(m.group("v")):
        return _clean_venue(m.group("v"))  # "…, 10.00am – 12.30pm, Conference Room 1"
    m = re.search(r"(?i)\bheld\s+(?:at|in)\s+(?:the\s+)?(?P<v>[A-Z][^\n]*?)\s*,?\s+on\s*$", text[s:d.start])
    if m:
        return _clean_venue(m.group("v"))  # "held at Headquarters, Fire Station Road on Thursday …"
    pos = e + 1
    for _ in range(2):  # "Willison Room, Hindlip" on the line after the date
        if pos >= len(text):
            break
        ls, le = _line_of(text, pos)
        line = text[ls:le]
        if line.strip():
            if _VENUE_WORDS.search(line) and len(line.split()) <= 12 and not re.match(
                    r"(?i)\s*(?:present|apologies|attendance|in attendance|chair|minutes|time|date)\b", line):
                return _clean_venue(line)
            if not parse_time(line) or len(line.split()) > 6:
                break
        pos = le + 1
    return None
