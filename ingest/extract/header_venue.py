"""Where the meeting was held, as printed, without its lead-in ("held at", "In the", "Via")
and without the time printed beside it (ANNOTATION.md "venue").

A venue is given by a label ("Venue:", "Location:", also after other labels on the date
line), after the date on the date line ("…, 7pm, The Pavilion, …", "… in the Council
Chamber"), in a "held at X on …" phrase, or on the line after the date ("Held at 10 Gresley
Square, London, and by video link, 09:15–11:00.").
"""

from __future__ import annotations

import re

from .dates import DateMention, find_dates, parse_time
from .evidence import fold

_VENUE_LABEL = re.compile(r"^\s*(?:Venue|VENUE|Meeting\s+[Vv]enue)\s*[:\-–]?\s+(?P<v>\S.*)$|"
                          r"^\s*(?:Location|LOCATION|Place|PLACE|Where|Meeting\s+[Pp]lace|Meeting\s+[Ll]ocation)\s*:\s*(?P<w>\S.*)$")
_VENUE_WORDS = re.compile(
    r"(?i)\b(?:room|rooms|chamber|hall|house|building|buildings|centre|center|offices|hq|headquarters|suite|teams|"
    r"zoom|video|conference|online|virtual|boardroom|hotel|library|civic|webex|skype|microsoft|campus|station|"
    r"pavilion|institute|church|chapel|school|academy|college|university|museum|theatre|club|clubhouse|lodge|"
    r"barn|guildhall|depot|court|square|street|road|lane|avenue|park|ground|quay|wharf|"
    r"[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2})\b")
# a line that says where (and often when) the meeting is held
VENUE_LINE = re.compile(r"(?i)\s*(?:(?:meeting\s+)?(?:held|conducted|taking\s+place)\s+(?:at|in|via|on|virtually|remotely|online)"
                        r"|venue|location|place)\b")
_VENUE_STOP = re.compile(r",?\s+(?:Present|PRESENT|For\s+the|FOR\s+THE|Minutes|MINUTES|Attendance|ATTENDANCE|Chair\b|"
                         r"In\s+[Aa]ttendance|Apologies|APOLOGIES)\b|;|\.\s+View\b|\s+View\s+directions")
# "held virtually via", "Meeting held at the", "by": how a venue is introduced, not the venue
_VENUE_LEAD = re.compile(
    r"(?i)^\s*(?:(?:(?:virtual|online|remote|hybrid)\s+)?(?:meeting\s+)?(?:held|conducted|taking\s+place|took\s+place)\s+|"
    r"(?:virtual|online|remote|hybrid)\s+meeting\s+(?=(?:via|on|by|using|over)\b))?"
    r"(?:(?:virtually|remotely|online)\s+(?=(?:via|on|by|using|over)\b))?"
    r"(?:(?:in|at|via)\s+(?-i:the)|via|in|at|on|by|using|over|@)\s+")  # "held at The Grange" keeps its "The"
# a start time or time range printed after the place (", 09:15–11:00", "from 10am to 12pm")
_VENUE_TIME_TAIL = re.compile(
    r"(?i)(?:\s*[,;(]\s*(?:from\s+|at\s+)?|\s+(?:from|at)\s+)\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?|hrs|hours)?"
    r"(?:\s*(?:[-–—]|to|until)\s*\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?|hrs|hours)?)?\)?\W*$")


def _clean_venue(v: str) -> str | None:
    v = _VENUE_STOP.split(v)[0]
    v = fold(v)
    if re.match(r"(?i)\s*(?:held|conducted|taking\s+place|took\s+place)\s+(?:virtually|remotely|online)\W*$", v):
        return None  # "Held virtually": the medium is not named
    v = _VENUE_LEAD.sub("", v)
    v = re.sub(r"(?i)\.?\s*view\s+directions\s*$", "", v).strip(" ,;:.–-")
    t = _VENUE_TIME_TAIL.search(v)
    if t and parse_time(t.group()):
        v = v[:t.start()].strip(" ,;:.–-")
    return v or None


# "Date: … Time: 7.00pm Venue: Village Hall": a label after others on the same line
_VENUE_INLINE = re.compile(r"(?<=\s)(?:Venue|VENUE|Location|LOCATION|Place|PLACE)\s*:\s*(?P<v>\S.*?)"
                           r"(?=\s+(?:Date|DATE|Time|TIME|Chair|CHAIR|Present|PRESENT)\s*:|\s*$)")


def venue_label(text: str, lines: list[tuple[int, int]]) -> str | None:
    """The venue a "Venue:"/"Location:" label gives in the first lines (``lines``: non-blank line spans)."""
    for s, e in lines[:30]:
        m = _VENUE_LABEL.match(text[s:e])
        if m:
            return _clean_venue(m.group("v") or m.group("w"))
        m = _VENUE_INLINE.search(text[s:e])
        if m and re.match(r"(?i)\s*(?:date|time|meeting)\b", text[s:e]):
            return _clean_venue(m.group("v"))
    return None


def venue_near(text: str, d: DateMention) -> str | None:
    """The venue printed beside the meeting's date ``d``: after it on its line, before it in
    "held at X on …", or on one of the next two lines."""
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
    # ("held remotely via Zoom on …": the medium named is the venue)
    m = re.search(r"(?i)\bheld\s+(?:at|in|(?:virtually|remotely|online)\s+(?:via|on|using|over))\s+(?:the\s+)?"
                  r"(?P<v>[A-Z][^\n]*?)\s*,?\s+on\s*$", text[s:d.start])
    if m:
        return _clean_venue(m.group("v"))  # "held at Headquarters, Fire Station Road on Thursday …"
    pos = e + 1
    for _ in range(2):  # "Willison Room, Hindlip" on the line after the date
        if pos >= len(text):
            break
        ls, le = _line_of(text, pos)
        line = text[ls:le]
        if line.strip():
            if (_VENUE_WORDS.search(line) or VENUE_LINE.match(line) and not find_dates(line)) \
                    and len(line.split()) <= 12 and not re.match(
                    r"(?i)\s*(?:present|apologies|attendance|in attendance|chair|minutes|time|date)\b", line):
                return _clean_venue(line)
            if not parse_time(line) or len(line.split()) > 6:
                break
        pos = le + 1
    return None


def _line_of(text: str, pos: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return s, len(text) if e < 0 else e
