"""Whitespace normalisation shared by the readers that build text from structure
(docx, pdf, html). Plain-text files keep their text as written (see txt.py)."""

from __future__ import annotations

import re

_TRAILING = re.compile(r"[ \t\u00a0]+\n")
_MANY_BLANKS = re.compile(r"\n{3,}")


def newlines(text: str) -> str:
    """Windows and old-Mac line endings to ``\\n``; a leading BOM removed."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def tidy(text: str) -> str:
    """Trailing spaces off each line, at most one blank line in a row, no blank ends.

    >>> tidy("a  \\n\\n\\n\\nb\\n")
    'a\\n\\nb\\n'
    """
    text = _TRAILING.sub("\n", newlines(text) + "\n")
    text = _MANY_BLANKS.sub("\n\n", text).strip("\n")
    return text + "\n" if text else ""
