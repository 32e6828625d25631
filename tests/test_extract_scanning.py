"""The faster scans of the extractor find exactly what the plain ``re`` scans find.

Two searches skip positions where a match cannot start (ingest/extract/wspattern.py:
patterns opening with whitespace; dates.py: day-month dates, found from their month
names). Each is checked against ``re.finditer`` on text built from the words those
patterns look for, with runs of spaces and the characters ``re`` folds to "i"/"s".
"""

from __future__ import annotations

import re

from govgraph.ingest.extract import attendance, attendance_sentences, dates
from govgraph.ingest.extract.wspattern import WsPattern
from hypothesis import given, settings
from hypothesis import strategies as st

_SEPS = st.sampled_from([" ", "", "  ", "\n", " \t", "     ", ",", "\n\n"])


def _text(words: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.tuples(st.sampled_from(words), _SEPS), max_size=40).map(
        lambda parts: "".join(w + s for w, s in parts))


_WS_WORDS = ["was", "were", "late", "took", "the", "minutes", "chair", "in", "(", ")", "elected", "Chair", "sent",
             "apologies", "absent", "did not attend", "joined", "at", "substitute", "for", "Cllr X", "welcomed", "also",
             "acted as", "note-taker", "meeting", "arrived", "is", "a", "named", "substituted", "during", ".", ";"]
# the patterns as they were written before they became WsPatterns (one \s+ per alternative)
_PLAIN = {
    "late": (attendance_sentences._LATE,
             re.compile(r"\s+(?:would\s+be|was|were|is|will\s+be)\s+late\b|\s+(?:joined|arrived\s+at|entered)\s+the\s+"
                        r"meeting\b|\s+(?:joined|arrived)\s+(?:at|during)\b", re.I)),
    "took_minutes": (attendance._TOOK_MINUTES,
                     re.compile(r"(?i)\s+(?:took|was\s+taking)\s+(?:the\s+)?(?:minutes|notes)\b|"
                                r"\s+(?:was|acted\s+as)\s+(?:the\s+)?(?:minute|note)[- ]?taker\b")),
    "in_the_chair": (attendance._IN_THE_CHAIR, attendance._IN_THE_CHAIR.pattern),
}


def _spans(matches) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in matches]


@settings(max_examples=300, deadline=None)
@given(_text(_WS_WORDS))
def test_whitespace_patterns_find_what_re_finds(text):
    for fast, plain in _PLAIN.values():
        assert _spans(fast.finditer(text)) == _spans(plain.finditer(text))
    for p in (attendance_sentences._ABSENT, attendance_sentences._SUBSTITUTE, attendance_sentences._SENT_APOLOGY,
              attendance_sentences._WERE_WELCOMED, attendance._ELECTED):
        assert _spans(p.finditer(text)) == _spans(p.pattern.finditer(text))


def test_a_long_run_of_spaces_before_the_verb():
    p = WsPattern.after_space(r"was\s+late\b", re.I)
    text = "Ann" + " " * 200_000 + "was late"
    assert [m.span() for m in p.finditer(text)] == [(3, len(text))]


_DATE_WORDS = ["Tuesday", "Tue.", "31st", "31", "3", "of", "the", "July", "Jul.", "JULY", "May", "March", "Sept",
               "2018", "12/03/2019", "remark", "Wednesday", "june", "1st", "ıJuly", "ſep", "İ", "10:30", "Dec", "Monday,"]


@settings(max_examples=300, deadline=None)
@given(_text(_DATE_WORDS))
def test_dates_found_from_month_names_are_the_dates_re_finds(text):
    for rx in (dates._DMY, dates._MDY):
        assert _spans(dates._finditer_by_month(rx, text)) == _spans(rx.finditer(text))
