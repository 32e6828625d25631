"""Links to other meetings: earlier meetings the minutes cite, and the next meeting.

An earlier meeting is cited for its minutes, its action log or actions arising from it
("Minutes and Action Log for the meeting held on 21st June 2023", "Action arising from
the June 2018 meeting"). A date counts only with such a cue in its sentence, so the
"Annual Members Meeting held on 26 September" or a working group that "first met on
31 March" are not taken. A missing year comes from this meeting's date (the latest
such date not after it); future dates, and this meeting's own date, are never
previous meetings.
"""

from __future__ import annotations

import re

from .dates import DateMention, find_dates, find_month_years, parse_time

_CUE = re.compile(r"(?i)\b(?:minutes|notes|action\s+log|action\s+tracker|actions?|previous|last|prior|arising|"
                  r"matters\s+arising|outstanding)\b")
# "meeting held on", "Minutes of the Previous Meeting – 11 April 2019", "last meeting (3 May 2022)"
_LINK_BEFORE = re.compile(r"(?i)\b(?:meeting|minutes|notes|log|board|panel|committee|council|authority)\b"
                          r"(?:[^.\n]{0,60}?\b(?:held\s+on|held|on|of|dated|from|in)\s+(?:the\s+)?|\s*(?:[–—:|(]|\s-)\s*)$")
# the meeting a paper is prepared for is this (or a coming) meeting, not an earlier one
_FUTURE = re.compile(r"(?i)\b(?:next|future|forthcoming|following|subsequent)\s+(?:\w+\s+)?meeting\b|\bwill\s+be\s+held\b|"
                     r"\b(?:updated|prepared|produced|compiled|presented|submitted)\s+(?:for|to)\s+(?:the\s+|this\s+)?"
                     r"(?:\w+\s+)?meeting\b")
_VERB = re.compile(r"\b(?:is|was|were|be|been|had|has|have|will|would|agreed|moved?)\b")
_MEETING_AFTER = re.compile(r"(?i)^\s*(?:\w+\s+)?(?:meeting|board|panel|committee)\b")


def previous_meeting_refs(text: str, meeting_date: str | None) -> list[str]:
    """ISO dates ("YYYY-MM-DD" or "YYYY-MM") of earlier meetings the text cites.

    >>> previous_meeting_refs("Minutes and Action Log for the meeting held on 21st June 2023.", "2023-07-26")
    ['2023-06-21']
    >>> previous_meeting_refs("Action arising from the June 2018 meeting:", "2018-07-31")
    ['2018-06']
    """
    out: list[str] = []
    full = find_dates(text)
    spans = {k for d in full for k in range(d.start, d.end)}
    mentions = full + [m for m in find_month_years(text) if m.start not in spans]
    own = _own_heading(text) if meeting_date is None else None
    for d in sorted(mentions, key=lambda d: d.start):
        if own and own[0] <= d.start < own[1]:
            continue  # the document's own heading, even when its date could not be read as the meeting's
        sentence = _sentence(text, d)
        before = text[max(_sentence_start(text, d.start), d.start - 120):d.start]
        after = text[d.end:d.end + 40]
        linked = bool(_LINK_BEFORE.search(before)) or bool(_MEETING_AFTER.match(after))
        if not linked or not _CUE.search(sentence) or _FUTURE.search(before[-80:]):
            continue
        iso = _complete(d, meeting_date)
        if iso and (meeting_date is None or iso[:len(meeting_date)] < meeting_date[:len(iso)]
                    or (len(iso) == 7 and iso < meeting_date[:7])) and iso not in out:
            out.append(iso)
    out.extend(x for x in _tracker_months(text, meeting_date) if x not in out)
    out.extend(x for x in _log_column_dates(text, meeting_date) if x not in out)
    return out


# the column of an action log that says which meeting raised the action
_MEETING_COLUMN = re.compile(r"(?i)(?:meeting(?:\s+date)?|date\s+of\s+meeting|(?:date\s+)?raised(?:\s+(?:at|on))?|"
                             r"date\s+raised|date\s+(?:of\s+)?origin|origin(?:al|ating)?\s+meeting|source\s+meeting)")


def _log_column_dates(text: str, meeting_date: str | None) -> list[str]:
    """Dates in the "Meeting date" / "Date raised" column of a tab- or pipe-separated action log."""
    out: list[str] = []
    col = None
    for line in text.split("\n"):
        sep = "\t" if "\t" in line else "|" if line.count("|") >= 2 else None
        if sep is None:
            col = None if line.strip() else col
            continue
        cells = [c.strip() for c in line.strip().strip("|").split(sep)]
        heads = [k for k, c in enumerate(cells) if _MEETING_COLUMN.fullmatch(c)]
        if heads and not find_dates(line):
            col = heads[0]
            continue
        if col is None or col >= len(cells):
            continue
        dates = find_dates(cells[col]) or find_month_years(cells[col])
        if len(dates) == 1:
            iso = _complete(dates[0], meeting_date)
            if iso and (meeting_date is None or iso[:len(meeting_date)] < meeting_date[:len(iso)]) \
                    and not any(x.startswith(iso) or iso.startswith(x) for x in out):
                out.append(iso)
    return out


_OWN_HEADING = re.compile(r"(?i)^[ \t]*(?:(?:draft|unconfirmed|confirmed|approved|public|private)\s+)?"
                          r"(?:minutes|notes)\s+of\s+(?:the\s+|a\s+)?(?:\w+\s+){0,3}?meeting\b(?![^\n]*\b(?:previous|last|prior)\b)")


def _own_heading(text: str) -> tuple[int, int] | None:
    """Span of a "Minutes of the meeting held on …" line among the first lines: this meeting's heading."""
    pos = seen = 0
    for line in text.split("\n"):
        if line.strip():
            if _OWN_HEADING.match(line):
                return pos, pos + len(line)
            seen += 1
            if seen >= 5:
                break
        pos += len(line) + 1
    return None


def _complete(d: DateMention, meeting_date: str | None) -> str | None:
    if d.year:
        return d.iso()
    if not meeting_date:
        return None  # the year cannot be established from the text
    year = int(meeting_date[:4])
    iso = d.iso(year)
    if iso and iso[:len(meeting_date)] >= meeting_date[:len(iso)]:
        iso = d.iso(year - 1)  # "10th Nov" cited at a February meeting is last year's
    return iso


_BOUNDARY = re.compile(r"[.;!?](?=\s)|\n[ \t]*\n")


def _sentence_start(text: str, pos: int) -> int:
    start = max(0, pos - 600)
    for m in _BOUNDARY.finditer(text, start, pos):
        start = m.end()
    return start


def _sentence(text: str, d: DateMention) -> str:
    m = _BOUNDARY.search(text, d.end)
    return text[_sentence_start(text, d.start):m.start() if m else len(text)]


def _tracker_months(text: str, meeting_date: str | None) -> list[str]:
    """Month headings of an action log ("May 2012" on a line of its own under "Actions arising …")."""
    first_action = re.search(r"(?i)\bactions?\b", text)
    if not first_action:
        return []
    out = []
    for m in re.finditer(r"(?m)^[ \t]*(\S.*?)[ \t]*$", text):
        line = m.group(1)
        mys = find_month_years(line)
        if len(mys) == 1 and mys[0].end - mys[0].start == len(line) and m.start() > first_action.start():
            iso = mys[0].iso()
            if iso and (meeting_date is None or iso < meeting_date[:7]) and iso not in out:
                out.append(iso)
    return out


def next_meeting(text: str, meeting_date: str | None) -> dict | None:
    """``{"date", "time", "venue", "type"}`` of the next meeting when the text states it."""
    for m in re.finditer(r"(?i)\b(?:next|future)\s+meeting\b", text):
        region_end = min(len(text), m.end() + 400)
        for d in find_dates(text, m.end(), region_end):
            iso = d.iso(d.year or (int(meeting_date[:4]) if meeting_date else None))
            if not iso or (meeting_date and iso <= meeting_date):
                continue
            line_end = text.find("\n", d.end)
            rest = text[d.end:line_end if line_end >= 0 else len(text)]
            t = parse_time(rest[:30])
            time = t[0] if t else None
            venue_text = rest[t[2]:] if t else rest
            venue = re.sub(r"(?i)^[\s,;:–-]*(?:(?:at|in|via)\s+)?(?:the\s+)?", "", venue_text).strip(" .,;\t")
            if not venue[:1].isupper() or len(venue.split()) > 12 or _VERB.search(venue):
                venue = ""
            between = text[m.end():d.start]
            kind = re.search(r"(?im)^\s*(\S[^\n:]*\bmeeting)\s*$", between)
            return {"date": iso, "time": time, "venue": venue or None, "type": kind.group(1).strip() if kind else None}
    return None
