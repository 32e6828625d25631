"""Patterns that may start with whitespace (``\\s+was\\s+late``), searched in linear time.

Python's ``re`` tries a pattern at every position. A pattern that opens with ``\\s+``
or ``\\s*`` therefore re-scans a run of k spaces from each of its k positions: a page
of blank padding (k in the thousands) costs k² steps. For such patterns a match that
starts inside a run of whitespace also starts at the run's first character (the
leading ``\\s+`` takes the extra whitespace too), so the leftmost match never starts at
a whitespace character that follows another one — except at the very position a
search starts from. :class:`WsPattern` searches with a copy of the pattern gated to
skip those positions, and tries the search's start position with the pattern itself,
so it finds exactly the matches ``re`` finds, in linear time.

Only patterns with that property belong here: every match that starts at a whitespace
character must still match when started one whitespace character earlier.

>>> p = WsPattern.after_space(r"was\\s+late\\b", re.I)
>>> [m.span() for m in p.finditer("Ann   was late. Bob was LATE")]
[(3, 14), (19, 28)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache


class WsPattern:
    def __init__(self, pattern: str, flags: int = 0, *, needs: tuple[str, ...] = (), _gated: str | None = None):
        """``needs``: lower-case ASCII words one of which every match holds (matched as the
        pattern matches, case-insensitively when ``flags`` has re.I); a text without any of
        them is not searched."""
        self.pattern = re.compile(pattern, flags)
        # matches only where the character before is not whitespace, or the current one is not
        self._gated = re.compile(_gated or r"(?:(?<!\s)|(?!\s))(?:" + pattern + ")", flags)
        self.needs = needs

    @classmethod
    def after_space(cls, body: str, flags: int = 0, *, needs: tuple[str, ...] = ()) -> WsPattern:
        """The pattern ``\\s+(?:body)``, where ``body`` starts with a non-space character.
        Its gate is written so that ``re`` can skip to the next whitespace character
        quickly (the pattern opens with a character class)."""
        return cls(r"\s+(?:" + body + ")", flags, needs=needs, _gated=r"\s(?<!\s\s)\s*(?:" + body + ")")

    def _may_match(self, text: str) -> bool:
        """False when no match is possible because none of ``needs`` occurs in ``text``.
        Lower-casing finds every case-insensitive occurrence of an ASCII word, except
        through ı, ſ and İ (which ``re`` matches to i and s): texts with those are searched."""
        if not self.needs or "ı" in text or "ſ" in text or "İ" in text:
            return True
        low = _lower(text)
        return any(w in low for w in self.needs)

    def search(self, text: str, pos: int = 0) -> re.Match | None:
        """Like ``re.Pattern.search`` (same leftmost match)."""
        if 0 < pos < len(text) and text[pos].isspace() and text[pos - 1].isspace():
            m = self.pattern.match(text, pos)
            if m is not None:
                return m
        return self._gated.search(text, pos)

    def finditer(self, text: str) -> Iterator[re.Match]:
        """Like ``re.Pattern.finditer`` for patterns whose matches are never empty."""
        if not self._may_match(text):
            return
        pos = 0
        while pos <= len(text):
            m = self.search(text, pos)
            if m is None:
                return
            yield m
            pos = m.end() if m.end() > m.start() else m.end() + 1


@lru_cache(maxsize=4)
def _lower(text: str) -> str:
    """The text lower-cased, once per document for all the patterns searched in it."""
    return text.lower()
