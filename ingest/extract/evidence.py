"""Evidence spans: every extracted record points at the exact words it came from."""

from __future__ import annotations

import re
from functools import lru_cache

_WS = re.compile(r"\s+")


@lru_cache(maxsize=16384)  # pure, and asked again of the same names and roles
def fold(text: str | None) -> str:
    """Trim and fold runs of whitespace (line breaks, tabs, NBSP) into one space."""
    return _WS.sub(" ", (text or "").replace("\u00a0", " ")).strip()


def evidence(text: str, start: int, end: int) -> dict:
    """An evidence record for ``text[start:end]`` with surrounding whitespace trimmed.

    >>> evidence("  Chair: Ann  ", 0, 14)
    {'start': 2, 'end': 12, 'quote': 'Chair: Ann'}
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return {"start": start, "end": end, "quote": text[start:end]}
