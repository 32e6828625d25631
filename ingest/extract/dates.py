"""Dates and times as minutes print them, turned into ISO strings.

Minutes write dates every which way ("Tuesday 31 July @ 10:30", "TUESDAY 8TH DECEMBER
2015 1pm", "16 Feb 2017 - 14:30 to 17:00", "15thAugust 2016", "the June 2018 meeting")
and often leave the year out, so each mention keeps its parts (year may be None) and its
span; callers decide which mention is the meeting's and where a missing year comes from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thu|Fri|Sat|Sun)\.?"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"

# "Tuesday 31 July 2018", "31st July, 2018", "15thAugust 2016", "Tuesday, 4 August 2020"
# Each pattern below opens with a lookahead for the characters its matches can start
# with: ``re`` tries a pattern at every position of the text, and this turns most
# positions away at once (the matches are the same).
_DMY = re.compile(
    rf"(?=[MTWFS\d])(?<![\w/.])(?P<wd>{_WEEKDAY},?\s+(?:the\s+)?)?(?P<d>{_DAY})\s*(?:of\s+)?(?P<m>{_MONTH})(?![a-z])"
    rf"(?:,?\s+(?P<y>{_YEAR})(?!\d))?",
    re.I,
)
# "Tuesday, July 31, 2018" (US order)
_MDY = re.compile(
    rf"(?=[MTWFSJAOND])(?<![\w/.])(?P<wd>{_WEEKDAY},?\s+)?(?P<m>{_MONTH})\s+(?P<d>{_DAY})(?![\d:.])(?:,?\s+(?P<y>{_YEAR})(?!\d))?",
    re.I,
)
# "June 2018", "the April 2018 meeting"
_MY = re.compile(rf"(?=[JFMASOND])(?<![\w/])(?P<m>{_MONTH})\s+(?P<y>{_YEAR})(?!\d)", re.I)
# "12/03/2019", "12.03.2019" (day first, as in the UK); two-digit years are too ambiguous
_NUMERIC = re.compile(r"(?=\d)(?<![\d/.])(?P<d>[0-3]?\d)[/.](?P<m>[01]?\d)[/.](?P<y>(?:19|20)\d\d)(?![\d/])")

_TIME = re.compile(
    r"(?=\d)(?<![\d:./£$])(?P<h>[0-2]?\d)(?:\s*[:.]\s*(?P<min>[0-5]\d))?\s*"
    r"(?P<ap>a\.?\s?m\b\.?|p\.?\s?m\b\.?|hrs\b|hours\b|h\b)?(?![\d%])",
    re.I,
)
_HHMM = re.compile(r"(?=\d)(?<![\d:./£$])([0-2]\d)([0-5]\d)\s*(?:hrs|hours|h)\b", re.I)
_NOON = re.compile(r"\b(?:12\s*)?(?:noon|midday)\b", re.I)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    year: int | None
    month: int
    day: int | None  # None for "June 2018"
    weekday: bool = False

    def iso(self, year: int | None = None) -> str | None:
        """ISO string; ``year`` fills a missing year. None if the date is impossible."""
        y = self.year or year
        if y is None:
            return None
        if self.day is None:
            return f"{y:04d}-{self.month:02d}"
        try:
            return date(y, self.month, self.day).isoformat()
        except ValueError:
            return None


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Day-month(-year) mentions and numeric dates in ``text[start:end]``, in order.

    >>> [d.iso(2018) for d in find_dates("Date: Tuesday 31 July @ 10:30")]
    ['2018-07-31']
    >>> [d.iso() for d in find_dates("held on TUESDAY 8TH DECEMBER 2015 1pm")]
    ['2015-12-08']
    """
    end = len(text) if end is None else end
    return list(_find_dates(text, start, end))


# every date has a digit (its day or year): most lines have none, and are done at once
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=256)
def _find_dates(text: str, start: int, end: int) -> tuple[DateMention, ...]:
    """find_dates, kept for the few texts looked at again (the whole document is read for
    the meeting's date and again for earlier meetings)."""
    if not _DIGIT.search(text, start, end):
        return ()
    seg = text[start:end]
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for rx in (_DMY, _MDY):
        for m in _finditer_by_month(rx, seg):
            if not free(m.start(), m.end()):
                continue
            day = int(re.sub(r"\D", "", m.group("d")))
            month = MONTHS[m.group("m").lower().rstrip(".")]
            if not 1 <= day <= 31:
                continue
            year = int(m.group("y")) if m.group("y") else None
            found.append(DateMention(start + m.start(), start + m.end(), year, month, day, bool(m.group("wd"))))
            taken.append((m.start(), m.end()))
    for m in _NUMERIC.finditer(seg):
        d, mo = int(m.group("d")), int(m.group("m"))
        if free(m.start(), m.end()) and 1 <= d <= 31 and 1 <= mo <= 12:
            found.append(DateMention(start + m.start(), start + m.end(), int(m.group("y")), mo, d))
            taken.append((m.start(), m.end()))
    return tuple(sorted(found, key=lambda d: d.start))


_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# non-space characters a _DMY/_MDY match can hold before its month: "Wednesday., the 31st of "
_BEFORE_MONTH = 24


def _finditer_by_month(rx: re.Pattern, seg: str):
    """``rx.finditer(seg)`` for _DMY and _MDY, found from the month names.

    ``re`` would try the pattern at every position of the text; each match holds a month
    name, which begins with one of _MONTH_STEMS, and starts within _BEFORE_MONTH
    non-space characters before it. So the pattern is tried only there, leftmost first,
    which gives the same matches. Texts where lower-casing moves characters, or with the
    letters that ``re`` matches case-insensitively to "i" or "s" (ı, ſ, İ), take the
    plain route."""
    low = seg.lower()
    if len(low) != len(seg) or "ı" in seg or "ſ" in seg or "İ" in seg:
        yield from rx.finditer(seg)
        return
    months = sorted({k for stem in _MONTH_STEMS for k in _all_at(low, stem)})
    pos = 0
    for p in months:
        if p < pos:
            continue
        lo, count = p, 0
        while lo > pos and count < _BEFORE_MONTH:
            lo -= 1
            if not seg[lo].isspace():
                count += 1
        for s in range(max(lo, pos), p + 1):
            if seg[s].isspace():
                continue  # no match starts with a space
            m = rx.match(seg, s)
            if m is not None:
                yield m
                pos = m.end()
                break


def _all_at(text: str, sub: str) -> list[int]:
    out, k = [], text.find(sub)
    while k >= 0:
        out.append(k)
        k = text.find(sub, k + 1)
    return out


def find_month_years(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """"June 2018"-style mentions (no day) in ``text[start:end]``."""
    end = len(text) if end is None else end
    if text.find("19", start, end) < 0 and text.find("20", start, end) < 0:
        return []  # no year, so no "June 2018"
    out = []
    for m in _MY.finditer(text, start, end):
        out.append(DateMention(m.start(), m.end(), int(m.group("y")), MONTHS[m.group("m").lower().rstrip(".")], None))
    return out


@lru_cache(maxsize=16384)  # pure; the meeting-date rules ask it of the same lines
def parse_time(text: str) -> tuple[str, int, int] | None:
    """The first plausible clock time in ``text`` as ("HH:MM", start, end).

    A bare number is not a time; "10.00" without am/pm counts only in working hours,
    so "Room 1.38" is not read as 01:38.

    >>> parse_time("HELD AT 3.00PM ON MONDAY")[0], parse_time("1pm")[0], parse_time("@ 10:30")[0]
    ('15:00', '13:00', '10:30')
    """
    best = None
    for m in _TIME.finditer(text):
        h, mins, ap = int(m.group("h")), m.group("min"), (m.group("ap") or "").lower().replace(".", "").replace(" ", "")
        if mins is None and ap not in ("am", "pm"):
            continue
        if h > 23 or (ap in ("am", "pm") and not 1 <= h <= 12):
            continue
        sep = text[m.start("min") - 1] if mins else ""
        if mins and not ap and sep == "." and not 7 <= h <= 21 and h != 0:
            continue
        if ap == "pm" and h < 12:
            h += 12
        elif ap == "am" and h == 12:
            h = 0
        best = (f"{h:02d}:{mins or '00'}", m.start(), m.end())
        break
    if best is None:
        hm = _HHMM.search(text)  # "1000hrs", "1430 hours"
        if hm and int(hm.group(1)) < 24 and int(hm.group(2)) < 60:
            best = (f"{hm.group(1)}:{hm.group(2)}", hm.start(), hm.end())
    noon = _NOON.search(text)
    if noon and (best is None or noon.start() < best[1]):
        return ("12:00", noon.start(), noon.end())
    return best
