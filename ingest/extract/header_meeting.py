"""The meeting itself: title, body, date, time and venue (the body's name is found by
header_body, the venue by header_venue).

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
from .header_body import BODY_NOUN, BOILERPLATE, find_body
from .header_venue import VENUE_LINE, venue_label, venue_near

_DATE_LABEL = re.compile(r"(?i)^\s*(?:meeting\s+)?date(?:\s+of\s+meeting)?\s*[:\-–]?\s*")
_TIME_LABEL = re.compile(r"(?i)^\s*(?:meeting\s+)?time\s*[:\-–]?\s*\S")
_OTHER_DATE = re.compile(
    r"(?i)\b(?:next|future|forthcoming|following)\s+meeting|date\s+of\s+(?:the\s+)?next|deadline|no\s+later\s+than|"
    r"due\s+(?:by|date)|compiled|published|printed|issued|circulated|updated\s+on|revised|target|"
    r"\b(?:approv|agree|confirm)|sign(?:ed)?\b|previous|last\s+meeting|prior|arising|action\s+(?:log|tracker)|"
    r"correct\s+record|accurate\s+record|for\s+the\s+meeting\s+held"
)


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
        venue = venue_near(text, chosen)
    time = time or _labelled_time(text, lines)
    venue = venue_label(text, lines) or venue
    return {"title": title, "body": find_body(text, lines), "date": iso, "time": time, "venue": venue}


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
        if not re.search(rf"(?i)\b(?:{BODY_NOUN}|minutes|notes|agenda)\b", line) and not find_dates(line):
            continue  # an item heading ("Apologies for Absence"), not the document's title
        if re.search(r"(?i)\bpdf\b|\b\d+\s*kb\b", line):
            continue
        if BOILERPLATE.match(line) or len(line) < 4 or re.match(r"(?i)(?:date|time|venue|chair|present)\b", line):
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


_HELD_ON = re.compile(r"(?i)\b(?:held|meeting)\s+(?:on|at)\b[^.]{0,40}$")
_MINUTES_WORD = re.compile(r"(?i)\bminutes\b")
_MINUTES_OF = re.compile(r"(?i)\s*(?:minutes|notes)\s+of\b(?![^\n]*\b(?:previous|last|prior)\b)")


class _Scorer:
    """Scores the dates of one text. What depends only on a line or a sentence (the time
    on the line, the other-date cues of the sentence) is looked up once per line or
    sentence, so a line holding hundreds of dates costs linear time, not quadratic."""

    def __init__(self, text: str, lines: list[tuple[int, int]]):
        self.text = text
        self.lines = lines
        self.line_index = {ls: i for i, (ls, _) in enumerate(lines)}
        self.memo: dict[tuple, object] = {}

    def _cached(self, key: tuple, fn):
        if key not in self.memo:
            self.memo[key] = fn()
        return self.memo[key]

    def _held_on(self, s: int, end: int) -> bool:
        """``_HELD_ON`` searched in ``text[s:end]``: a match ends at ``end`` and its "on"/"at"
        starts at most 42 characters before; only the whitespace run before that and the
        word "held"/"meeting" can lie further back, so the search starts there."""
        text = self.text
        w = max(s, end - 42)
        while w > s and text[w - 1].isspace():
            w -= 1
        return _HELD_ON.search(text, max(s, w - 7), end) is not None

    def score(self, d: DateMention) -> float | None:
        text, lines = self.text, self.lines
        s, e = _line_of(text, d.start)
        line = text[s:e]
        score = 0.0
        label = self._cached(("label", s), lambda: _DATE_LABEL.match(line))
        if label and len(label.group()) >= 4:
            score += 3
        if d.weekday:
            score += 2
        if parse_time(line[d.end - s:]) or parse_time(text[max(s, d.start - 25):d.start]):
            score += 2
        if d.year:
            score += 1
        if self._held_on(s, d.start):
            score += 1
        short = self._cached(("short", s), lambda: len(line.split()) <= 14)
        # the sentence around the date (within its line); for a short line, the heading above it
        sent_s = max(s, text.rfind(". ", max(0, s - 2), d.start) + 2)
        sent_e = text.find(". ", d.end, e + 1)
        ce = sent_e if sent_e > 0 else e
        k = self.line_index.get(s) if short else None

        def context() -> str:
            c = text[sent_s:ce]
            if k:
                c = text[lines[max(0, k - 2)][0]:lines[k - 1][1]] + " " + c
            return c

        if d.start > 400 and self._cached(("minutes", sent_s, ce, k), lambda: bool(_MINUTES_WORD.search(context()))):
            score -= 6  # a date listed under a later "Minutes" item is the approved meeting's
        heading = d.start < 300 and self._cached(("heading", s), lambda: _MINUTES_OF.match(text, s))
        other = self._cached(("other", sent_s, ce, k), lambda: bool(_OTHER_DATE.search(context())))
        if other and not heading:  # "Minutes of the previous meeting …" is no heading
            score -= 6
        if not (d.weekday or score >= 2 and self._cached(("time", s), lambda: parse_time(line)) or short
                or self._cached(("label", s), lambda: _DATE_LABEL.match(line))):
            return None  # a bare date inside running text is not the meeting's date
        return score - d.start / 2000


def _meeting_date(text: str, lines: list[tuple[int, int]], title: str | None) -> tuple[DateMention | None, str | None]:
    best = None
    scorer = _Scorer(text, lines)
    for d in find_dates(text):
        sc = scorer.score(d)
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
    # the next line or two ("Time: 14:00hrs", "2.00 pm", "Held at 10 Gresley Square, …, 09:15–11:00.")
    pos = e + 1
    for _ in range(2):
        ls, le = _line_of(text, min(pos, len(text)))
        line = text[ls:le]
        if line.strip() and (len(line.split()) <= 6 or VENUE_LINE.match(line)):
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
